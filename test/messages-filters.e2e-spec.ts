import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Recipients by workshop (and round), by table and by travel claim, answered by the libs that know them. */
describe('messages to a workshop, a table, volunteers with or without a travel claim', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let conference: { id: string; slug: string };
  const people: Record<string, { id: string; manageToken: string; email: string }> = {};
  const workshops: Record<string, string> = {};
  let tables: Array<{ id: string; name: string; registrationIds: string[] }>;

  const register = async (name: string, overrides: Record<string, unknown>) => {
    const body = participant({ name, email: `${name.toLowerCase()}-${Date.now()}@example.org`, ...overrides });
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, body);
    expect(res.status).toBe(201);
    people[name] = { id: res.body.id, manageToken: res.body.manageToken, email: body.email as string };
  };

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    conference = await publishedConference(api, { capacity: 10 });
    for (const title of ['Hälsa', 'Boende']) {
      const res = await api.post(`/api/conferences/${conference.id}/workshops`, { title, theme: `Dialog om ${title.toLowerCase()}`, capacity: 5, room: `Sal ${title[0]}` });
      expect(res.status).toBe(201);
      workshops[title] = res.body.id;
    }
    await register('Amina', { sector: 'civil_society', isVolunteer: true, workshopPreferences: [workshops.Hälsa] });
    await register('Brian', { sector: 'state_agency', isVolunteer: false, workshopPreferences: [workshops.Boende] });
    await register('Cecilia', { sector: 'civil_society', isVolunteer: true, workshopPreferences: [workshops.Hälsa] });
    await register('Dana', { sector: 'municipality', isVolunteer: false, workshopPreferences: [workshops.Boende] });
    expect((await api.post(`/api/conferences/${conference.id}/workshop-assignment`)).status).toBe(200);
    expect((await api.post(`/api/conferences/${conference.id}/tables`, { tables: [{ name: 'Bord 1', seats: 2 }, { name: 'Fönsterbordet', seats: 2 }] })).status).toBe(200);
    const seating = await api.post(`/api/conferences/${conference.id}/seating`);
    expect(seating.status).toBe(200);
    tables = seating.body.tables;
    const claim = await new ApiClient(test.url).post(`/api/public/registrations/${people.Amina.manageToken}/travel-claim`, { fromPlace: 'Kiruna', roundTripKm: 240, mode: 'car' });
    expect(claim.status).toBe(201);
    await smtp.waitFor(() => true, 5);
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  const names = (ids: string[]) => Object.entries(people).filter(([, p]) => ids.includes(p.id)).map(([name]) => name).sort();
  const reach = async (filter: Record<string, unknown>) => {
    const res = await api.post(`/api/conferences/${conference.id}/messages/recipients`, { filter });
    expect(res.status).toBe(200);
    return (res.body.sample as Array<{ name: string }>).map((r) => r.name).sort();
  };
  const refused = async (filter: Record<string, unknown>, pattern: RegExp) => {
    const res = await api.post(`/api/conferences/${conference.id}/messages/recipients`, { filter });
    expect(res.status).toBe(400);
    expect([res.body.message].flat().join(' ')).toMatch(pattern);
  };

  it('reaches those placed in a workshop, in a round when one is given', async () => {
    expect(await reach({ groups: ['seat_holders'], workshops: [workshops.Hälsa] })).toEqual(['Amina', 'Cecilia']);
    expect(await reach({ groups: ['seat_holders'], workshops: [workshops.Hälsa, workshops.Boende], workshopRound: 1 })).toEqual(['Amina', 'Brian', 'Cecilia', 'Dana']);
    expect(await reach({ groups: ['seat_holders'], workshops: [workshops.Boende], parties: ['state'] })).toEqual(['Brian']);
    await refused({ groups: ['seat_holders'], workshops: [workshops.Hälsa], workshopRound: 2 }, /filter\.workshopRound: none of the chosen workshops runs in round 2/);
    await refused({ groups: ['seat_holders'], workshops: ['00000000-0000-4000-8000-000000000000'] }, /no workshop with the id 00000000-0000-4000-8000-000000000000/);
    await refused({ groups: ['seat_holders'], workshops: ['Hälsa'] }, /filter\.workshops must be a list of workshop ids/);
    await refused({ groups: ['seat_holders'], workshopRound: 1 }, /filter\.workshopRound: choose the workshops/);
  });

  it('reaches those seated at a table, named by name or id', async () => {
    const first = tables.find((t) => t.name === 'Bord 1')!;
    const second = tables.find((t) => t.name === 'Fönsterbordet')!;
    expect(first.registrationIds).toHaveLength(2);
    expect(await reach({ groups: ['seat_holders'], tables: [' bord 1'] })).toEqual(names(first.registrationIds));
    expect(await reach({ groups: ['seat_holders'], tables: [second.id] })).toEqual(names(second.registrationIds));
    await refused({ groups: ['seat_holders'], tables: ['Bord 9'] }, /no table named "Bord 9"/);
  });

  it('reaches volunteers with a travel claim, or without one', async () => {
    expect(await reach({ groups: ['seat_holders'], volunteers: 'with_travel_claim' })).toEqual(['Amina']);
    expect(await reach({ groups: ['seat_holders'], volunteers: 'without_travel_claim' })).toEqual(['Cecilia']);
    expect(await reach({ groups: ['seat_holders'], volunteers: 'all' })).toEqual(['Amina', 'Cecilia']);
  });

  it('sends to a workshop with its placeholder filled, and says so in the list', async () => {
    const filter = { groups: ['seat_holders'], workshops: [workshops.Boende] };
    const sent = await api.post(`/api/conferences/${conference.id}/messages`, {
      subject: { sv: 'Till workshoppen' }, body: { sv: 'Hej {name}, vi ses i {workshop} vid {table}.' }, filter, confirmRecipientCount: 2,
    });
    expect(sent.status).toBe(201);
    expect(sent.body.filter).toEqual(filter);
    const mails = await smtp.waitFor((m) => m.subject === 'Till workshoppen', 2);
    expect(mails.map((m) => m.to).sort()).toEqual([people.Brian.email, people.Dana.email].sort());
    expect(mails.find((m) => m.to === people.Brian.email)!.text).toMatch(/Hej Brian, vi ses i Boende, Sal B \(\d\) vid (Bord 1|Fönsterbordet)\./);
    const asOrganiser = { headers: { authorization: `Bearer ${(api as unknown as { token: string }).token}` } };
    const list = await (await fetch(`${test.url}/admin/conferences/${conference.id}/messages`, asOrganiser)).text();
    expect(list).toContain('Platsinnehavare, Boende');
    // The compose page offers the workshops and tables to choose from.
    const compose = await (await fetch(`${test.url}/admin/conferences/${conference.id}/messages/new`, asOrganiser)).text();
    expect(compose).toContain(`<input id="workshops-${workshops.Hälsa}" name="workshops" type="checkbox" value="${workshops.Hälsa}">`);
    expect(compose).toContain('<label for="tables-' + tables[1].id + '">' + tables[1].name + '</label>');
  });
});

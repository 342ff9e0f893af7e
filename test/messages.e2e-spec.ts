import { ParticipantsService } from '@dialogdag/registrations';
import { ReceivedMessagesSection } from '@dialogdag/messages';
import { personalLink, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Sending composed messages through the real app, outbox and SMTP server. */
describe('messages to participants', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let organiserEmail: string;
  let conference: { id: string; slug: string };
  const people: Record<string, { id: string; email: string; manageToken: string }> = {};
  const isMessage = (subject: string) => (m: { subject: string }) => m.subject === subject;

  const register = async (key: string, overrides: Record<string, unknown> = {}, lang = 'sv') => {
    const body = participant({ name: key, email: `${key.toLowerCase()}-${Date.now()}@example.org`, ...overrides });
    const created = await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations?lang=${lang}`, body);
    expect(created.status).toBe(201);
    people[key] = { id: created.body.id, email: body.email as string, manageToken: created.body.manageToken };
  };

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const organiser = await organiserClient(test);
    api = organiser.api;
    organiserEmail = organiser.email;
    conference = await publishedConference(api, { capacity: 3, title: 'Dialogkonferens Skåne' });
    await register('Amina', { sector: 'civil_society', isVolunteer: true });
    await register('Brian', { sector: 'state_agency', isVolunteer: false }, 'en');
    await register('Cecilia', { sector: 'municipality', isVolunteer: false });
    await register('Dana', { sector: 'region', isVolunteer: false });
    await register('Erik', { sector: 'civil_society', isVolunteer: true });
    // Cecilia cancels: Dana takes her seat, Erik stays on the waiting list.
    expect((await new ApiClient(test.url).post(`/api/public/registrations/${people.Cecilia.manageToken}/cancel`, {})).status).toBe(200);
    expect((await api.post(`/api/conferences/${conference.id}/registrations/${people.Amina.id}/check-in`)).status).toBe(200);
    const speaker = await api.post(`/api/conferences/${conference.id}/speakers`, {
      name: 'Sara Talare', title: 'Forskare', organisation: 'Malmö universitet', sector: 'academia', email: 'sara@example.org', language: 'en',
    });
    expect(speaker.status).toBe(201);
    // Amina is also a speaker under the same address: she must get one message, not two.
    await api.post(`/api/conferences/${conference.id}/speakers`, { name: 'Amina', title: '', organisation: '', sector: 'civil_society', email: people.Amina.email.toUpperCase() });
    await smtp.waitFor(() => true, 5); // the registration e-mails
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  const reach = async (filter: Record<string, unknown>) => {
    const res = await api.post(`/api/conferences/${conference.id}/messages/recipients`, { filter });
    expect(res.status).toBe(200);
    return (res.body.sample as Array<{ name: string }>).map((r) => r.name).sort();
  };

  it('counts who a filter reaches', async () => {
    expect(await reach({ groups: ['seat_holders'] })).toEqual(['Amina', 'Brian', 'Dana']);
    expect(await reach({ groups: ['waitlisted'] })).toEqual(['Erik']);
    expect(await reach({ groups: ['cancelled'] })).toEqual(['Cecilia']);
    expect(await reach({ groups: ['seat_holders'], checkedIn: true })).toEqual(['Amina']);
    expect(await reach({ groups: ['seat_holders'], checkedIn: false })).toEqual(['Brian', 'Dana']);
    expect(await reach({ groups: ['seat_holders', 'waitlisted'], parties: ['civil_society'] })).toEqual(['Amina', 'Erik']);
    expect(await reach({ groups: ['seat_holders'], sectors: ['region', 'state_agency'] })).toEqual(['Brian', 'Dana']);
    expect(await reach({ groups: ['seat_holders', 'waitlisted'], volunteers: 'all' })).toEqual(['Amina', 'Erik']);
    expect(await reach({ groups: ['speakers'] })).toEqual(['Amina', 'Sara Talare']);
    expect(await reach({ groups: ['seat_holders', 'speakers'] })).toEqual(['Amina', 'Brian', 'Dana', 'Sara Talare']);
    expect(await reach({ registrationIds: [people.Erik.id, people.Cecilia.id] })).toEqual(['Cecilia', 'Erik']);
    expect(await reach({ groups: ['seat_holders'], sectors: ['business'] })).toEqual([]);
  });

  it('sends "Ny ingång till Folkets Hus" to every seat holder once, in their language, with placeholders filled', async () => {
    const content = {
      subject: { sv: 'Ny ingång till Folkets Hus', en: 'New entrance to Folkets Hus' },
      body: {
        sv: 'Hej {name}!\n\nIngången till {venue} har flyttats. Vi ses {date} på {conference}.\n\n- Ta med frågor\n- Din sida: {personalLink}',
        en: 'Dear {name},\n\nThe entrance to {venue} has moved. See you {date} at {conference}.\n\nYour page: [open it]({personalLink})',
      },
      filter: { groups: ['seat_holders'] },
    };
    const stale = await api.post(`/api/conferences/${conference.id}/messages`, { ...content, confirmRecipientCount: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ recipientCount: 3, code: 'recipient_count_changed' });
    expect(stale.body.message).toContain('3');

    const sent = await api.post(`/api/conferences/${conference.id}/messages`, { ...content, confirmRecipientCount: 3 });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ recipientCount: 3, filter: { groups: ['seat_holders'] }, sentBy: { name: 'Test Organiser' } });

    const sv = await smtp.waitFor(isMessage('Ny ingång till Folkets Hus'), 2);
    const [en] = await smtp.waitFor(isMessage('New entrance to Folkets Hus'), 1);
    expect(sv.map((m) => m.to).sort()).toEqual([people.Amina.email, people.Dana.email].sort());
    expect(en.to).toBe(people.Brian.email);
    const amina = sv.find((m) => m.to === people.Amina.email)!;
    expect(amina.text).toContain('Hej Amina!');
    expect(amina.text).toContain('Ingången till Folkets Hus, Norra Grängesbergsgatan 12, Malmö har flyttats.');
    expect(amina.text).toContain('Vi ses söndag 20 oktober 2030 09:00–16:00 på Dialogkonferens Skåne.');
    expect(amina.html).toContain('<li>Ta med frågor</li>');
    expect(en.text).toContain('Dear Brian,');
    expect(en.html).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]+">open it<\/a>/);
    // The personal link in the message works.
    const token = personalLink(amina).split('/r/')[1];
    const page = await new ApiClient(test.url).get(`/api/public/registrations/${token}`);
    expect(page.status).toBe(200);
    expect(page.body.name ?? page.body.registration?.name).toBe('Amina');

    // Progress matches what the SMTP server received, and nobody gets it twice.
    let detail = await api.get(`/api/conferences/${conference.id}/messages/${sent.body.id}`);
    for (let i = 0; i < 100 && detail.body.progress.sent < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      detail = await api.get(`/api/conferences/${conference.id}/messages/${sent.body.id}`);
    }
    expect(detail.body.progress).toEqual({ total: 3, queued: 0, sent: 3, failed: 0 });
    expect(detail.body.recipients.items.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent', 'sent']);
    await new Promise((r) => setTimeout(r, 500));
    const received = smtp.received.filter((m) => m.subject === 'Ny ingång till Folkets Hus' || m.subject === 'New entrance to Folkets Hus');
    expect(received).toHaveLength(detail.body.progress.sent);

    const list = await api.get(`/api/conferences/${conference.id}/messages`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ id: sent.body.id, recipientCount: 3, progress: { sent: 3 } });

    // The personal page's section lists the message, filled in for the reader.
    const { participant: p, conference: c } = await test.app.get(ParticipantsService).byToken(people.Amina.manageToken);
    const section = await test.app.get(ReceivedMessagesSection).render({ participant: p, conference: c, token: people.Amina.manageToken, lang: 'sv', now: new Date() });
    expect(String(section)).toContain('Ny ingång till Folkets Hus');
    expect(String(section)).toContain('Hej Amina!');
    expect(String(section)).toContain(`/r/${people.Amina.manageToken}`);
    const personalPage = await (await fetch(`${test.url}/r/${people.Amina.manageToken}`)).text();
    expect(personalPage).toContain('Meddelanden från arrangörerna');
    expect(personalPage).toContain('<li>Ta med frågor</li>');
    const { participant: erik } = await test.app.get(ParticipantsService).byToken(people.Erik.manageToken);
    expect(await test.app.get(ReceivedMessagesSection).render({ participant: erik, conference: c, token: people.Erik.manageToken, lang: 'sv', now: new Date() })).toBeNull();
  });

  it('sends one message per address to speakers who are also registered', async () => {
    const sent = await api.post(`/api/conferences/${conference.id}/messages`, {
      subject: { en: 'Programme news' }, body: { en: 'Hello {name}' }, filter: { groups: ['speakers', 'seat_holders'] }, confirmRecipientCount: 4,
    });
    expect(sent.status).toBe(201);
    const mails = await smtp.waitFor(isMessage('Programme news'), 4);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter(isMessage('Programme news'))).toHaveLength(4);
    expect(mails.map((m) => m.to).sort()).toEqual([people.Amina.email, people.Brian.email, people.Dana.email, 'sara@example.org'].sort());
    // Written in English only: Swedish readers get English too.
    expect(mails.find((m) => m.to === people.Dana.email)!.text).toContain('Hello Dana');
  });

  it('previews for a chosen recipient in each language, and sends a test only to the organiser', async () => {
    const draft = { subject: { sv: 'Hej {name}', en: 'Hi {name}' }, body: { sv: 'Text <b>fet</b>', en: 'Text' }, registrationId: people.Brian.id };
    const preview = await api.post(`/api/conferences/${conference.id}/messages/preview`, draft);
    expect(preview.status).toBe(200);
    expect(preview.body.recipient).toMatchObject({ name: 'Brian', language: 'en' });
    expect(preview.body.previews.sv.subject).toBe('Hej Brian');
    expect(preview.body.previews.en.subject).toBe('Hi Brian');
    expect(preview.body.previews.sv.bodyHtml).toBe('<p>Text &lt;b&gt;fet&lt;/b&gt;</p>');

    const before = smtp.received.length;
    const sentTest = await api.post(`/api/conferences/${conference.id}/messages/test`, draft);
    expect(sentTest.status).toBe(200);
    expect(sentTest.body).toEqual({ to: organiserEmail, queued: 2 });
    const tests = await smtp.waitFor((m) => m.subject.startsWith('[Test]'), 2);
    expect(tests.map((m) => m.subject).sort()).toEqual(['[Test] Hej Brian', '[Test] Hi Brian']);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.slice(before).every((m) => m.to === organiserEmail)).toBe(true);
  });

  it('refuses bad input with a clear 400, and other organisers with 404', async () => {
    const path = `/api/conferences/${conference.id}/messages`;
    const ok = { subject: { sv: 'Hej' }, body: { sv: 'Text' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: 3 };
    const refused = async (body: unknown, pattern: RegExp, status = 400) => {
      const res = await api.post(path, body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body.message)).toMatch(pattern);
    };
    await refused({ ...ok, subject: { sv: '' }, body: { sv: '' } }, /must not be empty/);
    await refused({ ...ok, subject: { sv: '' } }, /subject\.sv must not be empty/);
    await refused({ ...ok, body: { sv: 'Hej {namn}' } }, /unknown placeholder \{namn\}/);
    await refused({ ...ok, body: { sv: 'a'.repeat(50_001) } }, /at most 50,000 characters/);
    await refused({ ...ok, subject: { sv: 'Hej\r\nBcc: all@example.org' } }, /one line/);
    await refused({ ...ok, filter: { groups: ['seat_holders'], sectors: ['business'] } }, /matches nobody/);
    await refused({ ...ok, filter: {} }, /filter\.groups/);
    await refused({ ...ok, filter: { groups: ['everyone'] } }, /filter\.groups must be a list of/);
    await refused({ ...ok, filter: { groups: ['seat_holders'], registrationIds: [people.Amina.id] } }, /not both/);
    await refused({ ...ok, filter: { registrationIds: ['00000000-0000-4000-8000-000000000000'] } }, /no registration of this conference/);
    await refused({ ...ok, filter: { groups: ['seat_holders'], workshops: ['Hälsa'] } }, /filter\.workshops must be a list of workshop ids/);
    await refused({ ...ok, confirmRecipientCount: undefined }, /confirmRecipientCount/);
    await refused({ ...ok, subject: 'Hej' }, /subject must be an object/);
    await refused('{not json', /.+/);
    expect((await api.get(`${path}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await api.get(`${path}/not-a-uuid`)).status).toBe(404);

    const other = (await organiserClient(test)).api;
    expect((await other.post(path, ok)).status).toBe(404);
    expect((await other.get(path)).status).toBe(404);
    expect((await other.post(`${path}/recipients`, { filter: { groups: ['seat_holders'] } })).status).toBe(404);
    expect((await new ApiClient(test.url).post(path, ok)).status).toBe(401);
  });
});

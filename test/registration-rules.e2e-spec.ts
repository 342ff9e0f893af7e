import { ManualClock } from '@dialogdag/shared';
import { ReminderService } from '@dialogdag/registrations';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { personalLink, TestSmtpServer } from './support/smtp';
import { expectSeatCountersAgree } from './support/seat-counter';

/** Conference on 20 Oct 2030; registration and free cancellation until 6 Oct; SEK 400 after. */
const BEFORE_DEADLINE = '2030-09-01T12:00:00+02:00';
const AFTER_CANCELLATION_DEADLINE = '2030-10-10T12:00:00+02:00';
const AFTER_START = '2030-10-20T10:00:00+02:00';

describe('registration rules: deadlines, waiting list, cancellation, transfer, reminders', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let anonymous: ApiClient;
  const clock = new ManualClock(BEFORE_DEADLINE);

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);
  beforeEach(() => clock.set(BEFORE_DEADLINE));

  const register = async (slug: string, overrides: Record<string, unknown> = {}) => {
    const person = participant(overrides);
    const res = await anonymous.post(`/api/public/conferences/${slug}/registrations`, person);
    expect(res.status).toBe(201);
    return { ...res.body, person } as { id: string; status: string; manageToken: string; waitlistPosition: number | null; person: ReturnType<typeof participant> };
  };
  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));
  const seatsTaken = async (id: string) => (await api.get(`/api/conferences/${id}`)).body.seatsTaken as number;

  it('opens and closes registration at its times, on the page and in the API', async () => {
    const c = await publishedConference(api, { registrationOpensAt: '2030-09-10T09:00:00+02:00' });
    const early = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant());
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/not opened/);
    clock.set('2030-09-10T09:00:00+02:00');
    await register(c.slug);
    clock.set('2030-10-07T00:00:01+02:00');
    const late = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant());
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/closed/);
    const page = await fetch(`${test.url}/c/${c.slug}?lang=sv`);
    expect(await page.text()).toContain('Anmälan är stängd.');
  });

  it('changes details until the modification deadline, never name or e-mail, and 409 after it or when cancelled', async () => {
    const c = await publishedConference(api, { modificationDeadline: '2030-10-15' });
    const r = await register(c.slug);
    const changed = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, {
      phone: '08-123 456', diet: 'glutenfri', dietConsent: true, organisation: 'Malmö stad', sector: 'municipality', isPolitician: true, politicalParty: 'Partiet',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ phone: '08-123 456', diet: 'glutenfri', organisation: 'Malmö stad', sector: 'municipality', isPolitician: true, politicalParty: 'Partiet', status: 'confirmed' });
    // A diet can reveal health or religion: without explicit consent it is refused, in the API as on the form.
    const unconsented = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { diet: 'nötfri' });
    expect(unconsented.status).toBe(400);
    expect(JSON.stringify(unconsented.body.message)).toMatch(/dietConsent must be true/);
    const refused = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant({ diet: 'halal', dietConsent: false }));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.message)).toMatch(/dietConsent must be true/);
    expect((await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body.diet).toBe('glutenfri');
    const cleared = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { diet: null, phone: '' });
    expect(cleared.body).toMatchObject({ diet: null, phone: null, organisation: 'Malmö stad' });

    expect((await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { name: 'Someone Else' })).status).toBe(400);
    expect((await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { sector: 'church' })).status).toBe(400);
    const emptyOrganisation = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { organisation: '' });
    expect(emptyOrganisation.status).toBe(400);
    expect(JSON.stringify(emptyOrganisation.body.message)).toMatch(/organisation must not be empty/);
    // Choices are checked against the conference's workshops (this one has none), per round by the workshops lib.
    const unknownWorkshops = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, {
      workshopPreferences: Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`),
    });
    expect(unknownWorkshops.status).toBe(400);
    expect(unknownWorkshops.body.field).toBe('workshopPreferences');
    expect((await anonymous.patch(`/api/public/registrations/nope`, { phone: '08-123 456' })).status).toBe(404);

    clock.set('2030-10-10T12:00:00+02:00'); // after the registration deadline, before the modification deadline
    expect((await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { diet: 'vegansk', dietConsent: true })).status).toBe(200);
    clock.set('2030-10-16T00:00:01+02:00');
    const late = await anonymous.patch(`/api/public/registrations/${r.manageToken}`, { diet: 'laktosfri', dietConsent: true });
    expect(late.status).toBe(409);
    expect((await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body.diet).toBe('vegansk');

    clock.set(BEFORE_DEADLINE);
    const d = await publishedConference(api);
    const other = await register(d.slug);
    clock.set('2030-10-07T00:00:01+02:00'); // default: the registration deadline
    expect((await anonymous.patch(`/api/public/registrations/${other.manageToken}`, { diet: 'vegansk', dietConsent: true })).status).toBe(409);
    clock.set(BEFORE_DEADLINE);
    expect((await anonymous.post(`/api/public/registrations/${other.manageToken}/cancel`)).status).toBe(200);
    expect((await anonymous.patch(`/api/public/registrations/${other.manageToken}`, { diet: 'vegansk', dietConsent: true })).status).toBe(409);
  });

  it('cancels free before the deadline and releases the seat; twice is 409', async () => {
    const c = await publishedConference(api, { capacity: 5 });
    const r = await register(c.slug);
    expect(await seatsTaken(c.id)).toBe(1);
    const view = await anonymous.get(`/api/public/registrations/${r.manageToken}`);
    expect(view.body).toMatchObject({ canCancel: true, canTransfer: true, cancellationFeeNow: 0 });
    const cancelled = await anonymous.post(`/api/public/registrations/${r.manageToken}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ status: 'cancelled', fee: 0 });
    expect(await seatsTaken(c.id)).toBe(0);
    expect((await anonymous.post(`/api/public/registrations/${r.manageToken}/cancel`)).status).toBe(409);
    const after = await anonymous.get(`/api/public/registrations/${r.manageToken}`);
    expect(after.body).toMatchObject({ status: 'cancelled', fee: 0, canCancel: false });
    const [mail] = await smtp.waitFor((m) => m.to.includes(r.person.email) && m.subject.startsWith('Avbokning'));
    expect(mail.text).toContain('kostnadsfri');
  });

  it('charges SEK 400 after the deadline and passes the seat to the head of the waiting list, who is told once', async () => {
    const c = await publishedConference(api, { capacity: 2 });
    const a = await register(c.slug);
    await register(c.slug);
    const w1 = await register(c.slug, { language: 'en' });
    const w2 = await register(c.slug);
    expect([w1.status, w1.waitlistPosition, w2.status, w2.waitlistPosition]).toEqual(['waitlisted', 1, 'waitlisted', 2]);

    // Leaving the waiting list is free and frees no seat, even after the deadline.
    clock.set(AFTER_CANCELLATION_DEADLINE);
    const leave = await anonymous.post(`/api/public/registrations/${w1.manageToken}/cancel`);
    expect(leave.body).toEqual({ status: 'cancelled', fee: 0 });
    expect(await seatsTaken(c.id)).toBe(2);
    expect((await anonymous.get(`/api/public/registrations/${w2.manageToken}`)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    expect((await anonymous.get(`/api/public/registrations/${a.manageToken}`)).body.cancellationFeeNow).toBe(40000);
    const late = await anonymous.post(`/api/public/registrations/${a.manageToken}/cancel`);
    expect(late.body).toEqual({ status: 'cancelled', fee: 40000 });
    const list = await api.get(`/api/conferences/${c.id}/registrations?status=cancelled`);
    expect(list.body.items.find((i: { id: string }) => i.id === a.id)).toMatchObject({ fee: 40000 });
    expect(list.body.items.find((i: { id: string }) => i.id === a.id).cancelledAt).toMatch(/^2030-10-10T12:00:00\+02:00$/);

    // The freed seat went to the waiting list in the same transaction.
    expect(await seatsTaken(c.id)).toBe(2);
    expect((await anonymous.get(`/api/public/registrations/${w2.manageToken}`)).body).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    const [promoted] = await smtp.waitFor((m) => m.to.includes(w2.person.email) && m.subject.startsWith('Du har fått en plats'));
    expect((await fetch(personalLink(promoted))).status).toBe(200);
    const [cancellation] = await smtp.waitFor((m) => m.to.includes(a.person.email) && m.subject.startsWith('Avbokning'));
    expect(cancellation.text).toContain('400 kr');
    const [left] = await smtp.waitFor((m) => m.to.includes(w1.person.email) && m.subject.startsWith('Cancellation'));
    expect(left.text).toContain('free of charge');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(w2.person.email).map((m) => m.subject.split(':')[0]).sort()).toEqual(['Du har fått en plats', 'Väntelista']);
    expect(mailsTo(a.person.email)).toHaveLength(2);
  });

  it('cancels only at the fee the person was shown: a deadline passing in between needs a fresh confirmation', async () => {
    const c = await publishedConference(api);
    const [r, viaApi, noExpectation, byOrganiser] = [await register(c.slug), await register(c.slug), await register(c.slug), await register(c.slug)];
    const form = (fields: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const step = await (await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=sv`)).text();
    expect(step).toContain('name="expectedFee" value="0"');

    clock.set(AFTER_CANCELLATION_DEADLINE); // the deadline passes while the step is open
    const refused = await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=sv`, form({ expectedFee: '0' }));
    expect(refused.status).toBe(409);
    const shownAgain = await refused.text();
    expect(shownAgain).toContain('Avgiften har ändrats sedan du öppnade sidan');
    expect(shownAgain).toContain('Avbokning nu kostar 400 kr');
    expect(shownAgain).toContain('name="expectedFee" value="40000"');
    expect((await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body.status).toBe('confirmed');
    expect((await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=sv`, form({}))).status).toBe(400);
    const confirmed = await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=sv`, form({ expectedFee: '40000' }));
    expect(confirmed.status).toBe(303);
    expect((await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body).toMatchObject({ status: 'cancelled', fee: 40000 });

    const apiRefused = await anonymous.post(`/api/public/registrations/${viaApi.manageToken}/cancel`, { expectedFee: 0 });
    expect([apiRefused.status, apiRefused.body.code]).toEqual([409, 'fee_changed']);
    expect(apiRefused.body.message).toContain('SEK 400');
    expect((await anonymous.post(`/api/public/registrations/${viaApi.manageToken}/cancel`, { expectedFee: -1 })).status).toBe(400);
    expect((await anonymous.post(`/api/public/registrations/${viaApi.manageToken}/cancel`, { expectedFee: 'free' })).status).toBe(400);
    expect((await anonymous.post(`/api/public/registrations/${viaApi.manageToken}/cancel`, { expectedFee: 40000 })).body).toEqual({ status: 'cancelled', fee: 40000 });
    // Without an expectation the API cancels at the fee of the moment, as before.
    expect((await anonymous.post(`/api/public/registrations/${noExpectation.manageToken}/cancel`)).body).toEqual({ status: 'cancelled', fee: 40000 });

    const organiserPath = `/api/conferences/${c.id}/registrations/${byOrganiser.id}/cancel`;
    expect((await api.post(organiserPath, { expectedFee: 0 })).status).toBe(409);
    expect((await api.post(organiserPath, { expectedFee: 40000 })).body).toEqual({ status: 'cancelled', fee: 40000 });
  });

  it('promotes from the waiting list when capacity grows, and never after the start', async () => {
    const c = await publishedConference(api, { capacity: 1 });
    await register(c.slug);
    const w = [await register(c.slug), await register(c.slug), await register(c.slug)];
    const grown = await api.patch(`/api/conferences/${c.id}`, { capacity: 3 });
    expect(grown.status).toBe(200);
    expect(await seatsTaken(c.id)).toBe(3);
    const states = await Promise.all(w.map(async (r) => (await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body));
    expect(states.map((s) => [s.status, s.waitlistPosition])).toEqual([['confirmed', null], ['confirmed', null], ['waitlisted', 1]]);
    await smtp.waitFor((m) => m.subject.startsWith('Du har fått en plats') && (m.to.includes(w[0].person.email) || m.to.includes(w[1].person.email)), 2);

    clock.set(AFTER_START);
    expect((await api.patch(`/api/conferences/${c.id}`, { capacity: 5 })).status).toBe(200);
    expect((await anonymous.get(`/api/public/registrations/${w[2].manageToken}`)).body.status).toBe('waitlisted');
    const started = await anonymous.post(`/api/public/registrations/${w[0].manageToken}/cancel`);
    expect(started.status).toBe(409);
    expect(started.body.message).toMatch(/started/);
  });

  it('transfers a seat to a colleague: same seat, no fee, the old link dies, both are e-mailed', async () => {
    const c = await publishedConference(api, { capacity: 1 });
    // Workshop choices must name real workshops now; their carry-over is tested with the workshops lib.
    const a = await register(c.slug, { organisation: 'Länsstyrelsen Skåne', sector: 'county_board' });
    const waiting = await register(c.slug);
    clock.set(AFTER_CANCELLATION_DEADLINE);
    const colleague = { name: 'Erik Lind', email: `erik-${Date.now()}@example.org` };
    const moved = await anonymous.post(`/api/public/registrations/${a.manageToken}/transfer`, colleague);
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ status: 'confirmed' });
    expect(moved.body.id).not.toBe(a.id);
    expect((await anonymous.get(`/api/public/registrations/${a.manageToken}`)).status).toBe(404);
    expect((await anonymous.post(`/api/public/registrations/${a.manageToken}/cancel`)).status).toBe(404);
    const theirs = await anonymous.get(`/api/public/registrations/${moved.body.manageToken}`);
    expect(theirs.body).toMatchObject({ name: 'Erik Lind', organisation: 'Länsstyrelsen Skåne', sector: 'county_board', fee: 0, status: 'confirmed' });
    expect(await seatsTaken(c.id)).toBe(1);
    expect((await anonymous.get(`/api/public/registrations/${waiting.manageToken}`)).body.status).toBe('waitlisted');
    const list = (await api.get(`/api/conferences/${c.id}/registrations`)).body.items as Array<{ id: string; status: string; transferredFromId: string | null; fee: number }>;
    expect(list.find((i) => i.id === a.id)).toMatchObject({ status: 'transferred', fee: 0 });
    expect(list.find((i) => i.id === moved.body.id)).toMatchObject({ transferredFromId: a.id });

    const [toColleague] = await smtp.waitFor((m) => m.to.includes(colleague.email));
    expect(toColleague.subject).toMatch(/^Bekräftelse/);
    expect(personalLink(toColleague)).toContain(moved.body.manageToken);
    const [receipt] = await smtp.waitFor((m) => m.to.includes(a.person.email) && m.subject.startsWith('Överlåtelse'));
    expect(receipt.text).toContain('Erik Lind');

    // The colleague's e-mail is taken; the waitlisted person passes on their queue place.
    expect((await anonymous.post(`/api/public/registrations/${waiting.manageToken}/transfer`, colleague)).status).toBe(409);
    const next = await anonymous.post(`/api/public/registrations/${waiting.manageToken}/transfer`, { name: 'Sara Ek', email: `sara-${Date.now()}@example.org`, sector: 'region' });
    expect(next.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    clock.set(BEFORE_DEADLINE);
    const cancelled = await register(c.slug);
    await anonymous.post(`/api/public/registrations/${cancelled.manageToken}/cancel`);
    expect((await anonymous.post(`/api/public/registrations/${cancelled.manageToken}/transfer`, { name: 'X Y', email: `xy-${Date.now()}@example.org` })).status).toBe(409);
    expect((await anonymous.post(`/api/public/registrations/${moved.body.manageToken}/transfer`, { name: '', email: 'nope' })).status).toBe(400);

    clock.set(AFTER_START);
    expect((await anonymous.post(`/api/public/registrations/${moved.body.manageToken}/transfer`, { name: 'Late Person', email: `late-${Date.now()}@example.org` })).status).toBe(409);
  });

  it('sends one reminder with an .ics per seat-holder, a few days before, exactly once', async () => {
    const c = await publishedConference(api, { capacity: 2, title: 'Påminnelsekonferens' });
    const seat = await register(c.slug);
    const second = await register(c.slug);
    const waiting = await register(c.slug);
    await anonymous.post(`/api/public/registrations/${second.manageToken}/cancel`);
    const reminders = test.app.get(ReminderService);
    clock.set('2030-10-16T08:00:00+02:00'); // four days before
    expect(await reminders.run()).toBe(0);
    clock.set('2030-10-17T10:00:00+02:00');
    const [first, again] = await Promise.all([reminders.run(), reminders.run()]);
    // Other tests' conferences are due too; what counts is that nothing is sent twice.
    expect(first + again).toBeGreaterThanOrEqual(2);
    expect(await reminders.run()).toBe(0);
    const mails = await smtp.waitFor((m) => m.subject === 'Påminnelse: Påminnelsekonferens', 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.subject === 'Påminnelse: Påminnelsekonferens')).toHaveLength(2);
    expect(mails.map((m) => m.to).sort()).toEqual([seat.person.email, waiting.person.email].sort());
    const ics = mails[0].attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toContain('DTSTART:20301020T070000Z');
    expect(calendar).toContain('SUMMARY:Påminnelsekonferens');
    expect((await fetch(personalLink(mails[0]))).status).toBe(200);
  });

  it('lets the personal page change details, confirm a cancellation with its fee, and transfer, without JavaScript', async () => {
    const c = await publishedConference(api);
    const r = await register(c.slug);
    const page = await (await fetch(`${test.url}/r/${r.manageToken}?lang=sv`)).text();
    expect(page).toContain('aria-labelledby="programme-heading"'); // the day's programme is shown on the personal page
    expect(page).toContain(`action="/r/${r.manageToken}/details?lang=sv"`);
    const form = (fields: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

    const bad = await fetch(`${test.url}/r/${r.manageToken}/details?lang=sv`, form({ organisation: 'X', sector: 'municipality', diet: 'vegansk', phone: 'abc' }));
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('Fyll i ett giltigt telefonnummer.');
    expect(badText).toContain('Kryssa i samtycket');
    const ok = await fetch(`${test.url}/r/${r.manageToken}/details?lang=sv`, form({ organisation: 'Region Skåne', sector: 'region', diet: 'vegansk', dietConsent: 'true' }));
    expect(ok.status).toBe(303);
    expect((await anonymous.get(`/api/public/registrations/${r.manageToken}`)).body).toMatchObject({ organisation: 'Region Skåne', sector: 'region', diet: 'vegansk', phone: null, isVolunteer: false });

    clock.set(AFTER_CANCELLATION_DEADLINE);
    const step = await (await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=sv`)).text();
    expect(step).toContain('Avbokning nu kostar 400 kr');
    clock.set(BEFORE_DEADLINE);
    const freeStep = await (await fetch(`${test.url}/r/${r.manageToken}/cancel?lang=en`)).text();
    expect(freeStep).toContain('Cancellation is free until');

    const transfer = await fetch(`${test.url}/r/${r.manageToken}/transfer?lang=sv`, form({ name: 'Kim Berg', email: r.person.email.replace('amina', 'kim'), organisation: 'Region Skåne', sector: 'region' }));
    expect(transfer.status).toBe(303);
    const receipt = await fetch(test.url + transfer.headers.get('location'));
    expect(receipt.status).toBe(200);
    expect(await receipt.text()).toContain('Kim Berg');
    expect((await fetch(`${test.url}/r/${r.manageToken}`)).status).toBe(404);
  });
});

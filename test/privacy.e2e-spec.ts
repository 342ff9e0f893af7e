import { ManualClock } from '@dialogdag/shared';
import { PageSession } from './support/pages';
import { personalLink, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** "Download my data", erasure by the person and by organisers, and a new personal link (GDPR, issue #9). */
describe('personal data: export, erasure, new link', () => {
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let other: ApiClient;
  let organiser: { email: string; password: string };
  const anonymous = () => new ApiClient(test.url);

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    const first = await organiserClient(test);
    api = first.api;
    organiser = first;
    other = (await organiserClient(test)).api;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });
  beforeEach(() => clock.set('2030-09-01T12:00:00+02:00'));

  const register = async (slug: string, overrides: Record<string, unknown> = {}) => {
    const body = participant(overrides);
    const res = await anonymous().post(`/api/public/conferences/${slug}/registrations`, body);
    if (res.status !== 201) throw new Error(`not registered: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id as string, token: res.body.manageToken as string, email: body.email as string };
  };
  const waitUntil = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 150 && !(await done()); i++) await new Promise((r) => setTimeout(r, 100));
  };
  const form = (path: string, fields: Record<string, string>) =>
    fetch(test.url + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

  describe('a volunteer with a workshop, a table, a travel claim, a message and an evaluation', () => {
    let c: { id: string; slug: string };
    let amina: { id: string; token: string; email: string };
    let bertil: { id: string; token: string; email: string };
    let messageId: string;

    beforeAll(async () => {
      clock.set('2030-09-01T12:00:00+02:00');
      c = await publishedConference(api, { title: 'Dialogkonferens Kalmar' });
      const workshop = await api.post(`/api/conferences/${c.id}/workshops`, { title: 'Hälsa', theme: 'Vård på lika villkor', room: 'Sal B', capacity: 20 });
      expect(workshop.status).toBe(201);
      amina = await register(c.slug, { name: 'Amina Hassan', phone: '070-111 22 33', diet: 'Halal', dietConsent: true, workshopPreferences: [workshop.body.id] });
      bertil = await register(c.slug, { name: 'Bertil Qvist', phone: '070-999 88 77', organisation: 'Kalmar kommun', sector: 'municipality', isVolunteer: false });
      for (const [path, body] of [['workshop-assignment', {}], ['tables', { tables: [{ name: 'Bord Öland', seats: 8 }] }], ['seating', {}]] as const) {
        const res = await api.post(`/api/conferences/${c.id}/${path}`, body);
        expect({ path, ok: res.status < 300 }).toEqual({ path, ok: true });
      }
      const sent = await api.post(`/api/conferences/${c.id}/messages`, {
        subject: { sv: 'Ny ingång' }, body: { sv: 'Hej {name}! Ingången har flyttats.' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: 2,
      });
      expect(sent.status).toBe(201);
      messageId = sent.body.id;
      await smtp.waitFor((m) => m.subject === 'Ny ingång', 2);
      await waitUntil(async () => (await api.get(`/api/conferences/${c.id}/messages/${messageId}`)).body.progress.sent === 2);
      expect((await api.post(`/api/conferences/${c.id}/registrations/${amina.id}/check-in`)).status).toBe(200);

      clock.set('2030-10-20T16:30:00+02:00');
      expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: ['Helhetsintryck'], questions: ['Vad var bäst?'] })).status).toBe(200);
      const evaluation = await anonymous().post(`/api/public/registrations/${amina.token}/evaluation`, { ratings: { r1: 5 }, answers: { q1: 'Samtalet med Kalmar kommun' } });
      expect(evaluation.status).toBe(200);

      clock.set('2030-10-21T10:00:00+02:00');
      const claim = await anonymous().post(`/api/public/registrations/${amina.token}/travel-claim`, {
        fromPlace: 'Vimmerby', roundTripKm: 240, mode: 'car', passengers: [bertil.id], payee: { clearingNumber: '8327-9', accountNumber: '9876543210' },
      });
      expect(claim.status).toBe(201);
    }, 120_000);

    it('exports every section about the person, bank details left encrypted, nothing about anyone else', async () => {
      clock.set('2030-10-22T10:00:00+02:00');
      const res = await anonymous().get(`/api/public/registrations/${amina.token}/data`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const data = res.body;
      expect(Object.keys(data).sort()).toEqual(['conference', 'evaluation', 'exportedAt', 'messages', 'registration', 'table', 'travelClaims', 'workshops']);
      expect(data.conference).toMatchObject({ id: c.id, title: 'Dialogkonferens Kalmar' });
      expect(data.registration).toMatchObject({
        id: amina.id, name: 'Amina Hassan', email: amina.email, phone: '070-111 22 33', diet: 'Halal', dietConsentGivenAt: expect.any(String), status: 'confirmed', checkedInAt: expect.any(String),
      });
      expect(data.workshops).toMatchObject({ preferences: [{ rank: 1, title: 'Hälsa' }], assignments: [{ title: 'Hälsa', room: 'Sal B', choiceRank: 1 }] });
      expect(data.table).toEqual({ name: 'Bord Öland', fixedByOrganisers: false });
      expect(data.travelClaims.claims).toEqual([
        expect.objectContaining({
          fromPlace: 'Vimmerby', roundTripKm: 240, passengers: 1, amounts: expect.objectContaining({ total: 60000 }),
          payee: { name: 'Amina Hassan', bankDetailsGiven: true, bankDetailsStoredEncrypted: true, bankDetailsIncludedHere: false, bankDetailsErasedAt: null },
        }),
      ]);
      expect(data.messages).toEqual([expect.objectContaining({ subject: 'Ny ingång', body: expect.stringContaining('Hej Amina Hassan!') })]);
      expect(data.evaluation).toMatchObject({ ratings: { r1: 5 }, answers: { q1: 'Samtalet med Kalmar kommun' } });
      const text = JSON.stringify(data);
      for (const secret of ['9876543210', '8327']) expect(text).not.toContain(secret);
      for (const theirs of ['Bertil', bertil.email, '070-999 88 77', bertil.id, bertil.token]) expect(text).not.toContain(theirs);

      // The page offers the same as a file to keep.
      const page = await fetch(`${test.url}/r/${amina.token}`).then((r) => r.text());
      expect(page).toContain(`href="/r/${amina.token}/data"`);
      expect(page).toContain(`href="/c/${c.slug}/privacy?lang=sv"`);
      const file = await fetch(`${test.url}/r/${amina.token}/data`);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="dialogdag-${c.slug}.json"`);
      expect(JSON.parse(await file.text()).registration.name).toBe('Amina Hassan');
      expect((await anonymous().get(`/api/public/registrations/${'x'.repeat(43)}/data`)).status).toBe(404);
    });

    it('lets an organiser erase her after the conference: the attendance record stays, the person and her details go everywhere', async () => {
      clock.set('2030-10-22T10:00:00+02:00');
      expect((await other.post(`/api/conferences/${c.id}/registrations/${amina.id}/erase`, {})).status).toBe(404);
      expect((await api.post(`/api/conferences/${c.id}/registrations/not-a-uuid/erase`, {})).status).toBe(404);
      const res = await api.post(`/api/conferences/${c.id}/registrations/${amina.id}/erase`, {});
      expect(res.status).toBe(200);
      // The conference has started: nothing is cancelled, the seat-holder who came stays one.
      expect(res.body).toEqual({ status: 'erased', registrationStatus: 'confirmed', cancelled: false, fee: 0 });
      expect((await api.post(`/api/conferences/${c.id}/registrations/${amina.id}/erase`, {})).body).toMatchObject({ code: 'registration_already_erased' });

      const list = await api.get(`/api/conferences/${c.id}/registrations`);
      const row = list.body.items.find((r: { id: string }) => r.id === amina.id);
      expect(row).toMatchObject({
        name: 'Raderad deltagare', email: `erased-${amina.id}@invalid`, phone: null, diet: null, status: 'confirmed',
        organisation: 'Studieförbundet Vuxenskolan', sector: 'civil_society', isVolunteer: true, checkedInAt: expect.any(String),
      });
      expect((await anonymous().get(`/api/public/registrations/${amina.token}`)).status).toBe(404);
      expect((await fetch(`${test.url}/r/${amina.token}`)).status).toBe(404);

      // The outbox no longer says whom her delivered e-mails went to, nor what they said (mail still queued at
      // the erasure, here the travel claim's receipt, goes out first).
      const delivered = ((await api.get(`/api/conferences/${c.id}/outbox?limit=500`)).body.items as Array<{ kind: string }>).filter((m) => m.kind !== 'travel_claim_received');
      expect(JSON.stringify(delivered)).toContain(`erased-${amina.id}@invalid`);
      expect(JSON.stringify(delivered)).not.toContain(amina.email);
      expect(JSON.stringify(delivered)).not.toContain('Amina');
      const claims = await api.get(`/api/conferences/${c.id}/travel-claims?status=all`);
      expect(claims.body.items[0]).toMatchObject({ fromPlace: '–', payeeName: 'Raderad deltagare', payeeDetailsGiven: false, payeeDetailsErased: true, computedAmount: 60000 });
      const message = await api.get(`/api/conferences/${c.id}/messages/${messageId}`);
      const recipients = JSON.stringify(message.body.recipients);
      expect(recipients).not.toContain('Amina');
      expect(recipients).not.toContain(amina.email);
      expect(recipients).toContain('Bertil Qvist');
      const evaluation = await api.get(`/api/conferences/${c.id}/evaluation/summary`);
      expect(evaluation.body).toMatchObject({ responses: 1, ratings: [{ average: 5 }], questions: [{ answers: [] }] });
      // Bertil is untouched.
      expect((await anonymous().get(`/api/public/registrations/${bertil.token}/data`)).body.registration).toMatchObject({ name: 'Bertil Qvist', phone: '070-999 88 77' });
    });
  });

  it('erases through the link after the cancellation deadline: the step shows the fee, a stale fee is refused, the fee is owed', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Växjö', capacity: 1 });
    const karin = await register(c.slug, { name: 'Karin Lind', diet: 'Glutenfri', dietConsent: true });
    const waiting = await register(c.slug, { name: 'Olle Berg' });
    clock.set('2030-10-10T12:00:00+02:00');
    // A place on the waiting list is free to erase, also after the deadline: it leaves the queue.
    expect((await anonymous().post(`/api/public/registrations/${waiting.token}/erase`, { expectedFee: 0 })).body).toEqual({ status: 'erased', registrationStatus: 'cancelled', cancelled: true, fee: 0 });

    const step = await fetch(`${test.url}/r/${karin.token}/erase`).then((r) => r.text());
    expect(step).toContain('avbokningen kostar 400');
    expect(step).toContain('name="expectedFee" value="40000"');
    const stale = await form(`/r/${karin.token}/erase`, { expectedFee: '0' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Kostnaden har ändrats');
    expect((await anonymous().post(`/api/public/registrations/${karin.token}/erase`, { expectedFee: 0 })).body).toMatchObject({ code: 'fee_changed' });
    expect((await anonymous().post(`/api/public/registrations/${karin.token}/erase`, { expectedFee: -1 })).status).toBe(400);

    const done = await form(`/r/${karin.token}/erase`, { expectedFee: '40000' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/c/${c.slug}/privacy?lang=sv&erased=1&fee=40000`);
    const receipt = await fetch(`${test.url}${done.headers.get('location')}`).then((r) => r.text());
    expect(receipt).toContain('Din anmälan är raderad');
    expect(receipt).toMatch(/Avgiften för den sena avbokningen, 400(,00)?\s(kr|SEK)/);
    expect((await fetch(`${test.url}/r/${karin.token}`)).status).toBe(404);

    const fees = await api.get(`/api/conferences/${c.id}/fees`);
    expect(fees.body.items).toEqual([expect.objectContaining({ registrationId: karin.id, name: 'Raderad deltagare', amount: 40000, reason: 'late_cancellation' })]);
    expect(fees.body.totalAmount).toBe(40000);
    const [cancelled] = await smtp.waitFor((m) => m.to.includes(karin.email) && /avbok/i.test(m.subject));
    expect(cancelled.text).toContain('400');
    expect((await api.get(`/api/conferences/${c.id}`)).body.seatsTaken).toBe(0);
  });

  it('lets an organiser erase someone from the participant page, after a confirmation that states the consequence', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Luleå' });
    const erik = await register(c.slug, { name: 'Erik Nilsson' });
    const session = await PageSession.login(test, organiser.email, organiser.password);
    const list = await session.get(`/admin/conferences/${c.id}/registrations`);
    expect(list.html).toContain(`href="/admin/conferences/${c.id}/registrations/${erik.id}"`);
    const page = await session.get(`/admin/conferences/${c.id}/registrations/${erik.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Radera personuppgifter');
    const step = await session.get(`/admin/conferences/${c.id}/registrations/${erik.id}/erase`);
    expect(step.html).toContain('Anmälan avbokas först, utan kostnad.');
    expect(step.html).toContain('Det går inte att ångra.');
    const done = await session.post(`/admin/conferences/${c.id}/registrations/${erik.id}/erase`, `/admin/conferences/${c.id}/registrations/${erik.id}/erase`, { expectedFee: '0' });
    expect(done.status).toBe(303);
    const after = await session.get(done.location!);
    expect(after.html).toContain('Personuppgifterna är raderade.');
    expect(after.html).toContain('Raderad deltagare');
    expect(after.html).not.toContain('Erik Nilsson');
    expect((await api.get(`/api/conferences/${c.id}`)).body.seatsTaken).toBe(0);
  });

  it('revokes a personal link: every old link stops working and the participant gets a new one by e-mail', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Umeå' });
    const sara = await register(c.slug, { name: 'Sara Ek' });
    const [confirmation] = await smtp.waitFor((m) => m.to.includes(sara.email));
    // A further link, as a message with {personalLink} hands out.
    const sent = await api.post(`/api/conferences/${c.id}/messages`, {
      subject: { sv: 'Din länk' }, body: { sv: 'Din sida: {personalLink}' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: 1,
    });
    expect(sent.status).toBe(201);
    const [withLink] = await smtp.waitFor((m) => m.to.includes(sara.email) && m.subject === 'Din länk');
    const further = personalLink(withLink).split('/r/')[1];
    expect(further).not.toBe(sara.token);
    expect((await anonymous().get(`/api/public/registrations/${further}`)).status).toBe(200);

    expect((await other.post(`/api/conferences/${c.id}/registrations/${sara.id}/new-link`)).status).toBe(404);
    const res = await api.post(`/api/conferences/${c.id}/registrations/${sara.id}/new-link`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ registrationId: sara.id, sentTo: sara.email });
    expect(JSON.stringify(res.body)).not.toMatch(/\/r\//);
    for (const old of [sara.token, further]) {
      expect((await anonymous().get(`/api/public/registrations/${old}`)).status).toBe(404);
      expect((await fetch(`${test.url}/r/${old}`)).status).toBe(404);
    }
    expect(personalLink(confirmation)).toContain(sara.token);
    const [mail] = await smtp.waitFor((m) => m.to.includes(sara.email) && m.subject === 'Ny personlig länk: Dialogkonferens Umeå');
    expect(mail.text).toContain('Den gamla länken fungerar inte längre');
    const fresh = personalLink(mail).split('/r/')[1];
    const opened = await anonymous().get(`/api/public/registrations/${fresh}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ id: sara.id, name: 'Sara Ek', status: 'confirmed' });

    // A transferred registration's seat is the colleague's, who has a link of their own.
    const transferred = await anonymous().post(`/api/public/registrations/${fresh}/transfer`, { name: 'Per Kollega', email: 'per.kollega@example.org' });
    expect(transferred.status).toBe(201);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${sara.id}/new-link`)).body).toMatchObject({ code: 'registration_transferred' });
    expect((await api.post(`/api/conferences/${c.id}/registrations/${sara.id}/new-link`)).status).toBe(409);
  });
});

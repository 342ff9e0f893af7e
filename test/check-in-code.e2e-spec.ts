import { ManualClock } from '@dialogdag/shared';
import { qrPng } from '../libs/shared/src/qr';
import { expectSeatCountersAgree } from './support/seat-counter';
import { startTestAppWithSmtp } from './support/app-with-smtp';
import { personalLink, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, TestApp } from './support/test-app';

/** Check-in by QR code: a code of its own on the e-mail, the personal page and the badge; scanned or typed at the door. */
describe('check-in by QR code', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  const anonymous = () => new ApiClient(test.url);
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');

  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ test, smtp, stop } = await startTestAppWithSmtp({ clock }));
    api = (await organiserClient(test)).api;
  });
  afterAll(() => stop?.());
  beforeEach(() => clock.set('2030-09-01T12:00:00+02:00'));
  expectSeatCountersAgree(() => test?.databaseUrl);

  const register = async (slug: string, overrides: Record<string, unknown> = {}) => {
    const person = participant(overrides);
    const res = await anonymous().post(`/api/public/conferences/${slug}/registrations`, person);
    expect(res.status).toBe(201);
    const code = (await anonymous().get(`/api/public/registrations/${res.body.manageToken}`)).body.checkInCode as string | null;
    return { ...res.body, person, code } as { id: string; status: string; manageToken: string; person: ReturnType<typeof participant>; code: string | null };
  };
  const scan = (conferenceId: string, code: unknown) => api.post(`/api/conferences/${conferenceId}/check-in-code`, { code });

  it('sends the code and its QR code with the confirmation, shows them on the personal page, never the link token', async () => {
    const c = await publishedConference(api, { title: 'QR-konferensen' });
    const r = await register(c.slug);
    expect(r.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(r.manageToken).not.toContain(r.code!.replace(/-/g, ''));
    const [mail] = await smtp.waitFor((m) => m.to.includes(r.person.email));
    expect(mail.text).toContain(r.code);
    const png = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(png).toBeDefined();
    // The attached image is the QR code of the check-in code (qr.spec.ts reads it back), and not of the personal link.
    expect(png!.content.equals(qrPng(r.code!.replace(/-/g, '')))).toBe(true);
    expect(personalLink(mail)).toContain(r.manageToken);

    const page = await (await fetch(`${test.url}/r/${r.manageToken}?lang=sv`)).text();
    expect(page).toContain(`<strong id="check-in-code">${r.code}</strong>`);
    expect(page).toMatch(/<div role="img" aria-label="QR-kod för incheckning, kod [^"]+"><svg /);

    // A place on the waiting list has no pass: nobody is let in on it.
    const full = await publishedConference(api, { capacity: 1 });
    await register(full.slug);
    const waiting = await register(full.slug);
    expect(waiting.code).toBeNull();
    const [waitlistMail] = await smtp.waitFor((m) => m.to.includes(waiting.person.email));
    expect(waitlistMail.attachments).toEqual([]);
    expect(await (await fetch(`${test.url}/r/${waiting.manageToken}`)).text()).not.toContain('id="check-in-code"');
  });

  it('checks in by a scanned or typed code, or says exactly why not', async () => {
    const c = await publishedConference(api, { capacity: 2 });
    const [amina, bo, cancelled] = [await register(c.slug, { name: 'Amina Hassan' }), await register(c.slug), await register(c.slug)];
    expect(cancelled.status).toBe('waitlisted');
    const moved = await anonymous().post(`/api/public/registrations/${bo.manageToken}/transfer`, { name: 'Kollega Kod', email: 'kollega.kod@example.org' });
    expect(moved.status).toBe(201);
    clock.set('2030-10-20T09:12:00+02:00');
    const first = await scan(c.id, amina.code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: amina.id, checkedInAt: '2030-10-20T09:12:00+02:00' });
    clock.set('2030-10-20T09:40:00+02:00');
    const again = await scan(c.id, amina.code!.toLowerCase().replace(/-/g, ' '));
    expect([again.status, again.body.code, again.body.message]).toEqual([409, 'already_checked_in', 'Already checked in at 09:12.']);

    const { body: fromList } = await api.get(`/api/conferences/${c.id}/registrations`);
    expect(fromList.items.find((i: { id: string }) => i.id === bo.id)).toMatchObject({ status: 'transferred', checkInCode: bo.code });
    expect((await api.post(`/api/conferences/${c.id}/registrations/${cancelled.id}/cancel`)).status).toBe(200);
    const cancelledCode = fromList.items.find((i: { id: string }) => i.id === cancelled.id).checkInCode;
    expect((await scan(c.id, cancelledCode)).body.code).toBe('not_checkable_cancelled');

    expect((await scan(c.id, bo.code)).body.code).toBe('not_checkable_transferred');
    const colleague = await anonymous().get(`/api/public/registrations/${moved.body.manageToken}`);
    expect(colleague.body.checkInCode).not.toBe(bo.code);
    expect((await scan(c.id, colleague.body.checkInCode)).status).toBe(200);

    const elsewhere = await publishedConference(api);
    expect((await scan(elsewhere.id, amina.code)).body.code).toBe('check_in_code_other_conference');
    expect((await scan(c.id, 'AAAA-BBBB-CCCC')).status).toBe(404);
    expect((await scan(c.id, 'https://example.org/r/nope')).status).toBe(404);
    expect((await scan(c.id, 42)).status).toBe(400);
    expect((await scan(c.id, 'x'.repeat(65))).status).toBe(400);
    const other = (await organiserClient(test)).api;
    expect((await other.post(`/api/conferences/${c.id}/check-in-code`, { code: amina.code })).status).toBe(404);
  });

  it('lets a waitlisted person in by code when a seat is free, and refuses at a full door', async () => {
    const c = await publishedConference(api, { capacity: 1 });
    const seat = await register(c.slug);
    const waiting = await register(c.slug);
    const { body } = await api.get(`/api/conferences/${c.id}/registrations?status=waitlisted`);
    const waitingCode = body.items[0].checkInCode;
    expect((await scan(c.id, waitingCode)).body.code).toBe('no_free_seat');
    await api.post(`/api/conferences/${c.id}/registrations/${seat.id}/cancel`);
    // The seat went to the waiting list at once; the code now lets them in.
    const admitted = await scan(c.id, waitingCode);
    expect(admitted.body).toMatchObject({ id: waiting.id, status: 'confirmed' });
    expect(admitted.body.checkedInAt).not.toBeNull();
  });

  it('checks in from the phone page by code, with the result said in the organiser’s language', async () => {
    const c = await publishedConference(api);
    const r = await register(c.slug, { name: 'Karin Kod' });
    const base = `/admin/conferences/${c.id}`;
    const post = (fields: Record<string, string>) =>
      api.request('POST', `${base}/check-in-code?lang=sv`, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const door = String((await api.request('GET', `${base}/check-in?lang=sv`, undefined, { accept: 'text/html' })).body);
    expect(door).toContain('id="scan-form"');
    expect(door).toContain('<script src="/assets/check-in-scanner.js" defer></script>');
    clock.set('2030-10-20T09:05:00+02:00');
    const done = await post({ code: r.code! });
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toContain(`checked=${r.id}`);
    const after = String((await api.request('GET', `${location}&lang=sv`, undefined, { accept: 'text/html' })).body);
    expect(after).toContain('Karin Kod är incheckad (09:05).');
    expect(after).toContain('1 av 1 incheckade');
    const repeat = await post({ code: r.code! });
    expect(repeat.status).toBe(409);
    expect(String(repeat.body)).toContain('id="code-error">Redan incheckad kl. 09:05.');
    expect(String(repeat.body)).toContain('Ångra<span class="visually-hidden"> Karin Kod');
    const unknown = await post({ code: 'nonsense' });
    expect(unknown.status).toBe(404);
    expect(String(unknown.body)).toContain('Ingen anmälan har den koden.');

    const script = await fetch(`${test.url}/assets/check-in-scanner.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('BarcodeDetector');

    const badges = await fetch(`${test.url}/api/conferences/${c.id}/badges.pdf`, { headers: { authorization: `Bearer ${(api as unknown as { token: string }).token}` } });
    expect(Buffer.from(await badges.arrayBuffer()).toString('latin1')).toMatch(/\/Subtype \/Image/);
  });
});

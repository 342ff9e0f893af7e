import { RegistrationExtensions } from '@dialogdag/registrations';
import { ManualClock } from '@dialogdag/shared';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

/** Organiser side of registrations: the door, hand-made registrations, lists, diets, badges, fees. */
describe('organiser registrations', () => {
  let test: TestApp;
  let api: ApiClient;
  let other: ApiClient;
  let anonymous: ApiClient;
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');

  beforeAll(async () => {
    test = await startTestApp({ clock });
    api = (await organiserClient(test)).api;
    other = (await organiserClient(test)).api;
    anonymous = new ApiClient(test.url);
  });
  afterAll(async () => {
    await test?.close();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);
  beforeEach(() => clock.set('2030-09-01T12:00:00+02:00'));

  /** For binary responses, read with fetch itself. */
  const bearer = () => ({ authorization: `Bearer ${(api as unknown as { token: string }).token}` });

  async function registerPublic(slug: string, overrides: Record<string, unknown> = {}) {
    const res = await anonymous.post(`/api/public/conferences/${slug}/registrations`, participant(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; manageToken: string };
  }

  async function addByHand(conferenceId: string, overrides: Record<string, unknown> = {}) {
    const res = await api.post(`/api/conferences/${conferenceId}/registrations`, participant(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; manageToken: string };
  }

  describe('check-in', () => {
    it('checks in, keeps the first time on a repeat, and undoes', async () => {
      const c = await publishedConference(api);
      const r = await registerPublic(c.slug);
      clock.set('2030-10-20T08:45:00+02:00');
      const first = await api.post(`/api/conferences/${c.id}/registrations/${r.id}/check-in`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: r.id, status: 'confirmed', checkedInAt: '2030-10-20T08:45:00+02:00' });
      clock.set('2030-10-20T09:10:00+02:00');
      const again = await api.post(`/api/conferences/${c.id}/registrations/${r.id}/check-in`);
      expect(again.status).toBe(200);
      expect(again.body.checkedInAt).toBe('2030-10-20T08:45:00+02:00');
      const undone = await api.delete(`/api/conferences/${c.id}/registrations/${r.id}/check-in`);
      expect(undone.status).toBe(200);
      expect(undone.body.checkedInAt).toBeNull();
      // Undo is also a POST, for clients that only POST; undoing twice changes nothing.
      clock.set('2030-10-20T09:20:00+02:00');
      expect((await api.post(`/api/conferences/${c.id}/registrations/${r.id}/check-in`)).body.checkedInAt).toBe('2030-10-20T09:20:00+02:00');
      const undonePost = await api.post(`/api/conferences/${c.id}/registrations/${r.id}/undo-check-in`);
      expect(undonePost.status).toBe(200);
      expect(undonePost.body.checkedInAt).toBeNull();
      expect((await api.post(`/api/conferences/${c.id}/registrations/${r.id}/undo-check-in`)).body.checkedInAt).toBeNull();
      const list = await api.get(`/api/conferences/${c.id}/registrations`);
      expect(list.body.items[0].checkedInAt).toBeNull();
    });

    it('refuses cancelled and (when full) waitlisted registrations with 409, unknown ids with 404', async () => {
      const c = await publishedConference(api, { capacity: 1 });
      const seated = await registerPublic(c.slug);
      const waiting = await registerPublic(c.slug);
      expect(waiting.status).toBe('waitlisted');
      const w = await api.post(`/api/conferences/${c.id}/registrations/${waiting.id}/check-in`);
      expect(w.status).toBe(409);
      expect(w.body.message).toMatch(/waiting list/);
      expect((await anonymous.post(`/api/public/registrations/${seated.manageToken}/cancel`)).status).toBe(200);
      // The freed seat went to the waiting list, who can now be checked in.
      const promoted = await api.post(`/api/conferences/${c.id}/registrations/${waiting.id}/check-in`);
      expect(promoted.status).toBe(200);
      expect(promoted.body.status).toBe('confirmed');
      const gone = await api.post(`/api/conferences/${c.id}/registrations/${seated.id}/check-in`);
      expect(gone.status).toBe(409);
      expect((await api.post(`/api/conferences/${c.id}/registrations/not-a-uuid/check-in`)).status).toBe(404);
      expect((await api.post(`/api/conferences/${c.id}/registrations/00000000-0000-4000-8000-000000000000/check-in`)).status).toBe(404);
      expect((await api.delete(`/api/conferences/${c.id}/registrations/not-a-uuid/check-in`)).status).toBe(404);
      // A registration of another conference is not found through this one.
      const elsewhere = await publishedConference(api);
      expect((await api.post(`/api/conferences/${elsewhere.id}/registrations/${waiting.id}/check-in`)).status).toBe(404);
    });

    it('admits a waitlisted person at a full door only on the organiser\'s explicit over-capacity decision', async () => {
      const c = await publishedConference(api, { capacity: 1 });
      await registerPublic(c.slug, { name: 'Har Plats' });
      const waiting = await registerPublic(c.slug, { name: 'Väntar Vid Dörren', email: 'waiting@example.org' });
      expect(waiting.status).toBe('waitlisted');
      const path = `/api/conferences/${c.id}/registrations/${waiting.id}/check-in`;
      expect((await api.post(path)).status).toBe(409);
      // A walk-in is no way round: the e-mail is already registered.
      expect((await api.post(`/api/conferences/${c.id}/walk-ins`, participant({ email: 'waiting@example.org' }))).status).toBe(409);
      expect((await api.post(`${path}?overCapacity=maybe`)).status).toBe(400);
      expect((await api.post(path, { overCapacity: 'yes please' })).status).toBe(400);
      clock.set('2030-10-20T08:50:00+02:00');
      const admitted = await api.post(path, { overCapacity: true });
      expect(admitted.status).toBe(200);
      expect(admitted.body).toMatchObject({ status: 'confirmed', checkedInAt: '2030-10-20T08:50:00+02:00' });
      expect((await api.get(`/api/conferences/${c.id}`)).body.seatsTaken).toBe(2);
      // Idempotent here too: no second seat, the first time kept.
      clock.set('2030-10-20T09:00:00+02:00');
      expect((await api.post(`${path}?overCapacity=true`)).body.checkedInAt).toBe('2030-10-20T08:50:00+02:00');
      expect((await api.get(`/api/conferences/${c.id}`)).body.seatsTaken).toBe(2);
      expect((await api.get(`/api/conferences/${c.id}/registrations?status=confirmed`)).body.total).toBe(2);
    });
  });

  it('lets organisers register people after the deadline and walk-ins past capacity', async () => {
    const c = await publishedConference(api, { capacity: 1, registrationDeadline: '2030-08-01T23:59:59+02:00', cancellationDeadline: '2030-08-01T23:59:59+02:00' });
    const late = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant());
    expect(late.status).toBe(409);
    const manual = await api.post(`/api/conferences/${c.id}/registrations`, participant({ name: 'Sen Anmälan' }));
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(typeof manual.body.manageToken).toBe('string');
    const queued = await api.post(`/api/conferences/${c.id}/registrations`, participant());
    expect(queued.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const bad = await api.post(`/api/conferences/${c.id}/registrations`, participant({ email: 'nope' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('email');
    const duplicate = await api.post(`/api/conferences/${c.id}/registrations`, participant({ email: 'dup@example.org' }));
    expect(duplicate.status).toBe(201);
    expect((await api.post(`/api/conferences/${c.id}/registrations`, participant({ email: 'DUP@example.org' }))).status).toBe(409);

    clock.set('2030-10-20T09:30:00+02:00');
    const walkIn = await api.post(`/api/conferences/${c.id}/walk-ins`, participant({ name: 'Dörr Gäst' }));
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ status: 'confirmed', source: 'walk_in', checkedInAt: '2030-10-20T09:30:00+02:00', overCapacity: true });
    const conference = await api.get(`/api/conferences/${c.id}`);
    expect(conference.body.seatsTaken ?? conference.body.seatsHeld).toBe(2);
    const confirmed = await api.get(`/api/conferences/${c.id}/registrations?status=confirmed`);
    expect(confirmed.body.total).toBe(2);
  });

  it('exports the participant list as CSV for Swedish Excel, with formula injection defused', async () => {
    const c = await publishedConference(api);
    await registerPublic(c.slug, { name: 'Åsa "Kalle" Öberg', organisation: '=cmd|\' /C calc\'!A0' });
    await registerPublic(c.slug, { name: 'Bo Ek', organisation: 'Malmö stad; Kultur', sector: 'municipality' });
    for (const path of [`/api/conferences/${c.id}/registrations?format=csv`, `/api/conferences/${c.id}/registrations.csv`]) {
      const res = await fetch(test.url + path, { headers: bearer() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const lines = text.slice(1).split('\r\n');
      // Ten columns of its own; other libs' annotations (workshop, table…) add one each.
      expect(lines[0].split(';')).toHaveLength(10 + test.app.get(RegistrationExtensions).annotations.length);
      expect(lines[0]).toContain('Organisation');
      expect(text).toContain(`"Åsa ""Kalle"" Öberg"`);
      expect(text).toContain(`;'=cmd|' /C calc'!A0;`);
      expect(text).toContain('"Malmö stad; Kultur"');
      expect(lines.filter((l) => l !== '')).toHaveLength(3);
    }
    expect((await api.get(`/api/conferences/${c.id}/registrations`)).body.total).toBe(2);
    expect((await api.get(`/api/conferences/${c.id}/registrations?format=xml`)).status).toBe(400);
  });

  it('searches the JSON list as the page and the CSV do: one filter for all three', async () => {
    const c = await publishedConference(api);
    await registerPublic(c.slug, { name: 'Åsa Öberg', organisation: 'Röda Korset' });
    await registerPublic(c.slug, { name: 'Bo Ek', organisation: 'Malmö stad', sector: 'municipality' });
    await registerPublic(c.slug, { name: 'Cia Röd', organisation: 'Lunds kommun', sector: 'municipality' });
    const names = async (query: string) => {
      const res = await api.get(`/api/conferences/${c.id}/registrations?${query}`);
      return [res.body.total, res.body.items.map((i: { name: string }) => i.name).sort()];
    };
    expect(await names('q=R%C3%96D')).toEqual([2, ['Cia Röd', 'Åsa Öberg']]);
    expect(await names('q=r%C3%B6d&sector=municipality')).toEqual([1, ['Cia Röd']]);
    expect(await names('q=%20%20')).toEqual([3, ['Bo Ek', 'Cia Röd', 'Åsa Öberg']]);
    expect((await api.get(`/api/conferences/${c.id}/registrations?q=${'x'.repeat(201)}`)).status).toBe(400);
    const csv = String((await api.get(`/api/conferences/${c.id}/registrations.csv?q=r%C3%B6d`)).body);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    const page = String((await api.request('GET', `/admin/conferences/${c.id}/registrations?q=r%C3%B6d`, undefined, { accept: 'text/html' })).body);
    expect(page).toContain('2 visas');
  });

  it('counts diets for the caterer, with names only when asked', async () => {
    const c = await publishedConference(api);
    await addByHand(c.id, { name: 'Cecilia', diet: 'Vegetarisk', dietConsent: true });
    await addByHand(c.id, { name: 'Adam', diet: ' Vegetarisk ', dietConsent: true });
    await addByHand(c.id, { name: 'Bertil', diet: 'vegetarisk', dietConsent: true });
    await addByHand(c.id, { name: 'David', diet: 'Glutenfri   kost', dietConsent: true });
    await addByHand(c.id, { name: 'Erik' });
    const cancelled = await addByHand(c.id, { name: 'Fanny', diet: 'Vegan', dietConsent: true });
    expect((await anonymous.post(`/api/public/registrations/${cancelled.manageToken}/cancel`)).status).toBe(200);
    const res = await api.get(`/api/conferences/${c.id}/diets`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 5, withDiet: 4, counts: [{ diet: 'Vegetarisk', count: 3 }, { diet: 'Glutenfri kost', count: 1 }] });
    const named = await api.get(`/api/conferences/${c.id}/diets?names=true`);
    expect(named.body.counts[0]).toEqual({ diet: 'Vegetarisk', count: 3, names: ['Adam', 'Bertil', 'Cecilia'] });
  });

  it('prints badges as a PDF, two by four per A4 page', async () => {
    const c = await publishedConference(api);
    for (let i = 0; i < 9; i++) await addByHand(c.id, { name: `Deltagare ${i}`, organisation: 'Länsstyrelsen Skåne' });
    const res = await fetch(`${test.url}/api/conferences/${c.id}/badges.pdf`, { headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)?.length).toBe(2);
  });

  it('lists late cancellations and no-shows with totals per organisation, and waives with a reason', async () => {
    const c = await publishedConference(api, { cancellationFee: 40000 });
    const late = await registerPublic(c.slug, { name: 'Anna Sen', organisation: 'Röda Korset' });
    const early = await registerPublic(c.slug, { name: 'Tidig Avbokare', organisation: 'Röda Korset' });
    const came = await registerPublic(c.slug, { name: 'Bo Närvarande', organisation: 'Malmö stad' });
    const absent1 = await registerPublic(c.slug, { name: 'Cia Borta', organisation: 'Malmö stad' });
    const absent2 = await registerPublic(c.slug, { name: 'Dan Borta', organisation: 'malmö  stad' });
    expect((await anonymous.post(`/api/public/registrations/${early.manageToken}/cancel`)).body.fee).toBe(0);
    clock.set('2030-10-10T12:00:00+02:00');
    expect((await anonymous.post(`/api/public/registrations/${late.manageToken}/cancel`)).body).toEqual({ status: 'cancelled', fee: 40000 });

    const before = await api.get(`/api/conferences/${c.id}/fees`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ total: 1, totalAmount: 40000, byOrganisation: [{ organisation: 'Röda Korset', amount: 40000, count: 1 }] });
    expect(before.body.items[0]).toMatchObject({ registrationId: late.id, reason: 'late_cancellation', amount: 40000, waived: false, waiverReason: null });

    clock.set('2030-10-20T09:00:00+02:00');
    expect((await api.post(`/api/conferences/${c.id}/registrations/${came.id}/check-in`)).status).toBe(200);
    expect((await api.get(`/api/conferences/${c.id}/fees`)).body.total).toBe(1); // no no-shows before the end
    clock.set('2030-10-20T16:30:00+02:00');
    const after = await api.get(`/api/conferences/${c.id}/fees`);
    expect(after.body.total).toBe(3);
    expect(after.body.totalAmount).toBe(120000);
    expect(after.body.byOrganisation).toEqual([
      { organisation: 'Malmö stad', amount: 80000, count: 2 },
      { organisation: 'Röda Korset', amount: 40000, count: 1 },
    ]);
    expect(after.body.items.map((i: { reason: string }) => i.reason).sort()).toEqual(['late_cancellation', 'no_show', 'no_show']);

    const noReason = await api.post(`/api/conferences/${c.id}/registrations/${absent2.id}/waive-fee`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toContain('reason');
    expect((await api.post(`/api/conferences/${c.id}/registrations/${absent2.id}/waive-fee`, { reason: 'x'.repeat(501) })).status).toBe(400);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${absent2.id}/waive-fee`, {})).status).toBe(400);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${early.id}/waive-fee`, { reason: 'Inget att efterskänka' })).status).toBe(409);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${came.id}/waive-fee`, { reason: 'Kom ju' })).status).toBe(409);
    const waived = await api.post(`/api/conferences/${c.id}/registrations/${absent2.id}/waive-fee`, { reason: 'Sjuk, meddelade på morgonen' });
    expect(waived.status).toBe(200);
    expect(waived.body).toMatchObject({ feeWaived: true, feeWaiverReason: 'Sjuk, meddelade på morgonen' });
    const final = await api.get(`/api/conferences/${c.id}/fees`);
    expect(final.body.totalAmount).toBe(80000);
    expect(final.body.byOrganisation).toEqual([
      { organisation: 'Malmö stad', amount: 40000, count: 1 },
      { organisation: 'Röda Korset', amount: 40000, count: 1 },
    ]);
    expect(final.body.items.find((i: { registrationId: string }) => i.registrationId === absent2.id)).toMatchObject({
      amount: 0,
      waived: true,
      waiverReason: 'Sjuk, meddelade på morgonen',
    });
    expect(final.body.items.find((i: { registrationId: string }) => i.registrationId === absent1.id)).toMatchObject({ amount: 40000, waived: false });

    const csv = await api.get(`/api/conferences/${c.id}/fees?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain('Cia Borta');
    expect(String(csv.body)).toContain('400,00');
  });

  it('serves the back-office pages (list with filters and print view, diets, fees with a waive form) only to its organisers', async () => {
    const c = await publishedConference(api);
    const late = await registerPublic(c.slug, { name: 'Åsa <Sen>', organisation: 'Röda Korset', diet: 'Vegan', dietConsent: true });
    await registerPublic(c.slug, { name: 'Bo Ek', organisation: 'Malmö stad', sector: 'municipality' });
    clock.set('2030-10-10T12:00:00+02:00');
    expect((await anonymous.post(`/api/public/registrations/${late.manageToken}/cancel`)).status).toBe(200);
    const page = async (client: ApiClient, path: string) => {
      const res = await client.request('GET', path, undefined, { accept: 'text/html' });
      return { status: res.status, text: String(res.body) };
    };
    const base = `/admin/conferences/${c.id}`;
    const list = await page(api, `${base}/registrations?sector=municipality`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('Bo Ek');
    // Only the libs' own annotations add columns (the seating lib's "Bord"); registration-extensions.e2e-spec.ts has a test one.
    expect(list.text).not.toMatch(/<th scope="col">Workshop<\/th>/);
    for (const link of [`${base}/check-in`, `${base}/diets`, `/api/conferences/${c.id}/badges.pdf`, `${base}/fees`]) expect(list.text).toContain(`href="${link}"`);
    expect(list.text).not.toContain('Åsa');
    expect(list.text).toContain(`/api/conferences/${c.id}/registrations.csv?sector=municipality`);
    const search = await page(api, `${base}/registrations?q=R%C3%96DA`);
    expect(search.text).toContain('Åsa &lt;Sen&gt;');
    const print = await page(api, `${base}/registrations?print=1`);
    expect(print.text).toContain('class="print"');
    expect(print.text).not.toContain('site-header');
    expect((await page(api, `${base}/registrations?status=bogus`)).status).toBe(400);
    const fees = await page(api, `${base}/fees`);
    expect(fees.text).toContain(`${base}/fees/${late.id}/waive`);
    expect(fees.text).toContain('400 kr');
    const post = (client: ApiClient, path: string, form: Record<string, string>) =>
      client.request('POST', path, new URLSearchParams(form).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const empty = await post(api, `${base}/fees/${late.id}/waive`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(String(empty.body)).toContain('Skriv varför avgiften efterskänks.');
    const emptyEn = await post(api, `${base}/fees/${late.id}/waive?lang=en`, { reason: '' });
    expect(String(emptyEn.body)).toContain('Say why the fee is waived.');
    const waived = await post(api, `${base}/fees/${late.id}/waive`, { reason: 'Sjukdom' });
    expect(waived.status).toBe(303);
    expect((await page(api, `${base}/fees`)).text).toContain('Sjukdom');
    const diets = await page(api, `${base}/diets`);
    expect(diets.status).toBe(200);
    const checkIn = await page(api, `${base}/check-in?q=bo`);
    expect(checkIn.text).toContain('0 av 1 incheckade');
    // Refusals at the door are said in the page's language, next to the list or the field.
    // A full conference: the waitlisted person's button says it admits over capacity, and does.
    const full = await publishedConference(api, { capacity: 1 });
    await addByHand(full.id, { name: 'Har Plats' });
    const waiting = await addByHand(full.id, { name: 'Väntar Vid Dörren' });
    expect(waiting.status).toBe('waitlisted');
    const fullBase = `/admin/conferences/${full.id}`;
    const door = await page(api, `${fullBase}/check-in?q=V%C3%A4ntar`);
    expect(door.text).toContain('Checka in över kapaciteten<span class="visually-hidden"> Väntar Vid Dörren');
    expect((await post(api, `${fullBase}/check-in/${waiting.id}`, { q: 'Väntar' })).status).toBe(409);
    const admitted = await post(api, `${fullBase}/check-in/${waiting.id}`, { q: 'Väntar', overCapacity: '1' });
    expect(admitted.status).toBe(303);
    expect((await page(api, `${fullBase}/check-in`)).text).toContain('1 av 2 incheckade');
    const cancelledAtDoor = await post(api, `${base}/check-in/${late.id}`, { q: 'Åsa' });
    expect(cancelledAtDoor.status).toBe(409);
    expect(String(cancelledAtDoor.body)).toContain('Anmälan är avbokad och kan inte checkas in.');
    const duplicate = await post(api, `${base}/walk-ins`, { name: 'Bo Ek', email: 'bo.ek@example.org', organisation: 'Malmö stad', sector: 'municipality' });
    expect(duplicate.status).toBe(303);
    const again = await post(api, `${base}/walk-ins?lang=sv`, { name: 'Bo Ek', email: 'BO.EK@example.org', organisation: 'Malmö stad', sector: 'municipality' });
    expect(again.status).toBe(409);
    expect(String(again.body)).toContain('Den här e-postadressen är redan anmäld');
    const missing = await post(api, `${base}/walk-ins`, { name: '', email: 'x', organisation: '', sector: '' });
    expect(missing.status).toBe(400);
    for (const message of ['Fyll i personens namn.', 'Fyll i en giltig e-postadress.', 'Välj sektor.']) expect(String(missing.body)).toContain(message);
    for (const path of ['registrations', 'registrations?print=1', 'check-in', 'fees', 'diets']) {
      expect([path, (await page(other, `${base}/${path}`)).status]).toEqual([path, 404]);
    }
    expect((await post(other, `${base}/fees/${late.id}/waive`, { reason: 'x' })).status).toBe(404);
    expect((await post(other, `${base}/walk-ins`, { name: 'X', email: 'x@example.org', organisation: 'X', sector: 'other' })).status).toBe(404);
  });

  it('answers hostile input on every organiser route with a 4xx, never a 500', async () => {
    const c = await publishedConference(api);
    const r = await registerPublic(c.slug);
    const base = `/api/conferences/${c.id}`;
    const cases: Array<[string, string, unknown]> = [
      ['POST', `${base}/registrations`, []],
      ['POST', `${base}/registrations`, 'text'],
      ['POST', `${base}/registrations`, { ...participant(), sector: 'pirates' }],
      ['POST', `${base}/registrations`, { ...participant(), name: 'x'.repeat(100_000) }],
      ['POST', `${base}/registrations`, { ...participant(), workshopPreferences: ['not-a-uuid'] }],
      ['POST', `${base}/walk-ins`, { name: null, email: 5 }],
      ['POST', `${base}/walk-ins`, [participant()]],
      ['POST', `${base}/registrations/${r.id}/waive-fee`, { reason: ['a'] }],
      ['POST', `${base}/registrations/${r.id}/waive-fee`, { reason: null }],
      ['POST', `${base}/registrations/${r.id}/waive-fee`, []],
      ['GET', `${base}/diets?names=maybe`, undefined],
      ['GET', `${base}/diets?names=true&names=false`, undefined],
      ['GET', `${base}/registrations.csv?status=x`, undefined],
      ['GET', `${base}/registrations.csv?status=confirmed&status=waitlisted`, undefined],
      ['GET', `${base}/registrations.csv?q=${'x'.repeat(300)}`, undefined],
      ['GET', `${base}/registrations?format=csv&sector=x`, undefined],
      ['GET', `${base}/fees?format=pdf`, undefined],
      ['GET', `${base}/fees?format=csv&format=json`, undefined],
      ['POST', `/api/conferences/not-a-uuid/registrations/${r.id}/check-in`, undefined],
      ['POST', `${base}/registrations/${'9'.repeat(40)}/check-in`, undefined],
      ['POST', `${base}/registrations/${r.id}/undo-check-in`, 'garbage'],
    ];
    for (const [method, path, body] of cases) {
      const res = await api.request(method, path, body);
      expect([method, path.slice(0, 90), res.status >= 400 && res.status < 500]).toEqual([method, path.slice(0, 90), true]);
    }
    const page = (path: string, form?: string) =>
      form === undefined
        ? api.request('GET', path, undefined, { accept: 'text/html' })
        : api.request('POST', path, form, { 'content-type': 'application/x-www-form-urlencoded' });
    for (const [path, form] of [
      ['/admin/conferences/not-a-uuid/check-in', undefined],
      [`/admin/conferences/${c.id}/check-in?q=${'x'.repeat(500)}`, undefined],
      [`/admin/conferences/${c.id}/registrations?print=1&status=confirmed&status=cancelled`, undefined],
      [`/admin/conferences/${c.id}/check-in/not-a-uuid`, 'q=x'],
      [`/admin/conferences/${c.id}/check-in/not-a-uuid/undo`, ''],
      [`/admin/conferences/${c.id}/fees/not-a-uuid/waive`, 'reason=x'],
      [`/admin/conferences/${c.id}/walk-ins`, 'name=A&name=B&email=a@example.org&organisation=X&sector=other'],
    ] as Array<[string, string | undefined]>) {
      const res = await page(path, form);
      expect([path.slice(0, 90), res.status < 500]).toEqual([path.slice(0, 90), true]);
    }
    expect((await page(`/admin/conferences/${c.id}/check-in?q=${'x'.repeat(500)}`)).status).toBe(200);
  });

  it('hides every route of a conference from organisers who do not manage it (404)', async () => {
    const c = await publishedConference(api);
    const r = await registerPublic(c.slug);
    const routes: Array<[string, string, unknown?]> = [
      ['POST', `/api/conferences/${c.id}/registrations/${r.id}/check-in`],
      ['DELETE', `/api/conferences/${c.id}/registrations/${r.id}/check-in`],
      ['POST', `/api/conferences/${c.id}/registrations/${r.id}/undo-check-in`],
      ['POST', `/api/conferences/${c.id}/registrations`, participant()],
      ['POST', `/api/conferences/${c.id}/walk-ins`, participant()],
      ['GET', `/api/conferences/${c.id}/registrations?format=csv`],
      ['GET', `/api/conferences/${c.id}/registrations.csv`],
      ['GET', `/api/conferences/${c.id}/diets`],
      ['GET', `/api/conferences/${c.id}/badges.pdf`],
      ['GET', `/api/conferences/${c.id}/fees`],
      ['GET', `/api/conferences/${c.id}/fees?format=csv`],
      ['POST', `/api/conferences/${c.id}/registrations/${r.id}/waive-fee`, { reason: 'Försök' }],
    ];
    for (const [method, path, body] of routes) {
      const res = await other.request(method, path, body);
      expect([method, path, res.status]).toEqual([method, path, 404]);
      expect((await anonymous.request(method, path, body)).status).toBe(401);
    }
    expect((await api.get(`/api/conferences/${c.id}/registrations`)).body.items[0].checkedInAt).toBeNull();
    expect((await other.get(`/api/conferences/not-a-uuid/fees`)).status).toBe(404);
  });
});

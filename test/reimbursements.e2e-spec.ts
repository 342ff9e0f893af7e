import { ManualClock } from '@dialogdag/shared';
import { claimsFixture } from './reimbursements.fixture';
import { publishedConference } from './support/test-app';

/** Travel claims through the API: eligibility, car groups, corrections, amounts, receipts. */
describe('travel claims: claiming', () => {
  const clock = new ManualClock('2030-10-21T10:00:00+02:00');
  const f = claimsFixture(clock);
  beforeEach(() => clock.set('2030-10-21T10:00:00+02:00'));
  const anonymous = () => f.anonymous();
  const register = (slug: string, overrides: Record<string, unknown> = {}) => f.register(slug, overrides);

  const claimPath = (token: string, rest = '') => `/api/public/registrations/${token}/travel-claim${rest}`;
  const car = (km: number, passengers: string[] = []) => ({ fromPlace: 'Kalmar', roundTripKm: km, mode: 'car', passengers });

  it('a volunteer driving 240 km with two passengers claims SEK 600 at 250 öre/km; the passengers cannot claim the same trip', async () => {
    const c = await publishedConference(f.api);
    const driver = await register(c.slug, { name: 'Amina Hassan', organisation: 'Studieförbundet Vuxenskolan' });
    const p1 = await register(c.slug, { name: 'Noor Said', organisation: 'Kalmar läns föreningar', isVolunteer: false });
    const p2 = await register(c.slug, { name: 'Erik Lund', organisation: 'Kalmar kommun', sector: 'municipality', isVolunteer: false });

    const eligibility = await anonymous().get(claimPath(driver.manageToken, '/eligibility'));
    expect(eligibility.body).toMatchObject({ eligible: true, reasons: [], claim: null, travelsWith: null });
    const found = await anonymous().get(claimPath(driver.manageToken, '/passenger-candidates?q=kalmar'));
    expect(found.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['Erik Lund', 'Noor Said']);
    expect(Object.keys(found.body.items[0]).sort()).toEqual(['id', 'name', 'organisation']);

    const preview = await anonymous().post(claimPath(driver.manageToken, '/preview'), car(240, [p1.id, p2.id]));
    expect(preview.status).toBe(200);
    expect(preview.body.amounts).toEqual({ travel: 60000, lostEarnings: 0, fixedFee: 0, total: 60000 });

    const res = await anonymous().post(claimPath(driver.manageToken), { ...car(240, [p1.id, p2.id]), expectedAmount: 60000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^RE-\d{5}$/),
      status: 'submitted',
      stage: 'new',
      mode: 'car',
      roundTripKm: 240,
      computedAmount: 60000,
      approvedAmount: null,
      payeeDetailsGiven: false,
      claimant: { id: driver.id, name: 'Amina Hassan' },
    });
    expect(res.body.passengers.map((p: { name: string }) => p.name).sort()).toEqual(['Erik Lund', 'Noor Said']);
    expect((await anonymous().get(claimPath(driver.manageToken))).body.id).toBe(res.body.id);

    const passengerClaim = await anonymous().post(claimPath(p1.manageToken), car(240));
    expect(passengerClaim.status).toBe(409);
    expect(passengerClaim.body.code).toBe('travel_claim_not_eligible');
    expect(passengerClaim.body.message).toContain('You travel with Amina Hassan');
    const seen = await anonymous().get(claimPath(p1.manageToken, '/eligibility'));
    expect(seen.body.travelsWith).toEqual({ name: 'Amina Hassan', organisation: 'Studieförbundet Vuxenskolan', reference: res.body.reference });
    expect((await anonymous().get(claimPath(p1.manageToken))).status).toBe(404);

    const again = await anonymous().post(claimPath(driver.manageToken), car(240));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(`already claimed travel reimbursement for this conference (claim ${res.body.reference})`);

    const second = await register(c.slug, { name: 'Sara Ek' });
    const taken = await anonymous().post(claimPath(second.manageToken), car(240, [p1.id]));
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'passenger_in_other_claim', message: 'Noor Said is already part of another travel claim.' });
    // Nothing of the refused claim was kept: Sara can still claim.
    expect((await anonymous().post(claimPath(second.manageToken), car(180))).status).toBe(201);

    const [mail] = await f.smtp.waitFor((m) => m.subject.startsWith('Ansökan om reseersättning mottagen') && m.text.includes(res.body.reference));
    expect(mail.text).toContain('600 kr');
    expect(mail.text).toContain(`/r/${driver.manageToken}/travel-claim`);
  });

  it('refuses a 60 km journey and a municipal official with the reasons, and stores nothing', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug);
    const short = await anonymous().post(claimPath(volunteer.manageToken), car(60));
    expect(short.status).toBe(409);
    expect(short.body.message).toBe('The journey must be at least 100 km there and back; you gave 60 km.');
    expect((await anonymous().get(claimPath(volunteer.manageToken))).status).toBe(404);

    const official = await register(c.slug, { name: 'Per Holm', organisation: 'Malmö stad', sector: 'municipality', isVolunteer: false });
    const refused = await anonymous().post(claimPath(official.manageToken), car(240));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Only volunteers can claim');
    expect(refused.body.message).toContain('civil-society organisations only, and your registration gives the sector “Municipality or city district”');
    const why = await anonymous().get(claimPath(official.manageToken, '/eligibility'));
    expect(why.body.eligible).toBe(false);
    expect(why.body.reasons.map((r: { code: string }) => r.code)).toEqual(['not_volunteer', 'not_civil_society']);
    expect(why.body.reasons[1].wording.sv).toContain('Kommun eller stadsdel');

    clock.set('2030-12-11T00:00:01+01:00');
    const late = await anonymous().post(claimPath(volunteer.manageToken), car(240));
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/deadline for travel claims was 10 December 2030/);
  });

  it('answers bad input with a clear 4xx that names the field, never 500', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug);
    const passenger = await register(c.slug);
    const post = (body: unknown) => anonymous().post(claimPath(volunteer.manageToken), body);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...car(240), roundTripKm: 'far' }, 400, /roundTripKm/],
      [{ ...car(240), roundTripKm: 240.25 }, 400, /roundTripKm/],
      [{ ...car(240), mode: 'bike' }, 400, /mode must be one of car, public_transport/],
      [{ ...car(240), passengers: ['nobody'] }, 400, /passengers must be registration ids/],
      [{ ...car(240), passengers: ['00000000-0000-4000-8000-000000000000'] }, 400, /not registered for the conference/],
      [{ ...car(240), passengers: [volunteer.id] }, 400, /passenger in your own car/],
      [{ ...car(240), passengers: [passenger.id, passenger.id] }, 400, /chosen twice/],
      [{ ...car(240), ticketCost: 1000 }, 400, /only for public transport/],
      [{ ...car(240), mode: 'public_transport', passengers: [] }, 400, /ticket cost/],
      [{ ...car(240), lostEarnings: 50000, lostEarningsDescription: 'x' }, 400, /does not compensate lost earnings/],
      [{ ...car(240), lostEarnings: -1 }, 400, /lostEarnings must not be negative/],
      [{ ...car(240), fromPlace: '' }, 400, /where you travelled from/],
      [{ ...car(240), payee: { clearingNumber: '12' } }, 400, /clearing number must be 4 or 5 digits/],
      [{ ...car(240), expectedAmount: 1 }, 409, /The amount is now SEK 600/],
      ['not json', 400, /./],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect((await anonymous().get(claimPath(volunteer.manageToken))).status).toBe(404);
    expect((await anonymous().post(claimPath('no-such-token-no-such-token-x'), car(240))).status).toBe(404);
    expect((await anonymous().get(claimPath(volunteer.manageToken, '/passenger-candidates?q=a'))).body).toEqual({ items: [], total: 0 });
  });

  it('lets the claimant correct and withdraw until the claim is decided, then neither', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug);
    const passenger = await register(c.slug, { name: 'Lina Berg' });
    const first = await anonymous().post(claimPath(volunteer.manageToken), car(240, [passenger.id]));
    expect(first.status).toBe(201);
    const corrected = await anonymous().request('PUT', claimPath(volunteer.manageToken), car(300.5));
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: first.body.id, roundTripKm: 300.5, computedAmount: 75125, passengers: [] });
    // Lina left the car group, so she may claim herself.
    expect((await anonymous().get(claimPath(passenger.manageToken, '/eligibility'))).body.eligible).toBe(true);

    const withdrawn = await anonymous().post(claimPath(volunteer.manageToken, '/withdraw'));
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', stage: 'withdrawn' });
    expect((await anonymous().get(claimPath(volunteer.manageToken))).status).toBe(404);
    const anew = await anonymous().post(claimPath(volunteer.manageToken), car(240));
    expect(anew.status).toBe(201);
    expect(anew.body.reference).not.toBe(first.body.reference);

    expect((await f.api.patch(`/api/travel-claims/${anew.body.id}`, { decision: 'approved' })).status).toBe(200);
    const late = await anonymous().request('PUT', claimPath(volunteer.manageToken), car(260));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('travel_claim_decided');
    expect((await anonymous().post(claimPath(volunteer.manageToken, '/withdraw'))).status).toBe(409);
    expect((await f.other.patch(`/api/travel-claims/${anew.body.id}`, { decision: 'rejected', reason: 'x' })).status).toBe(404);
  });

  it('pays public transport at the ticket cost with a receipt checked by content, lost earnings up to the cap, and the fixed fee', async () => {
    const c = await publishedConference(f.api, {
      travelPolicy: { minRoundTripKm: 100, requestDeadline: '2030-12-10', ratePerKm: 250, budget: 2000000, publicTransportAtCost: true, lostEarningsAllowed: true, lostEarningsCap: 100000, fixedFee: 50000 },
    });
    const volunteer = await register(c.slug);
    const res = await anonymous().post(claimPath(volunteer.manageToken), {
      fromPlace: 'Växjö', roundTripKm: 400, mode: 'public_transport', ticketCost: 45900, lostEarnings: 150000, lostEarningsDescription: 'Unpaid leave, one day',
    });
    expect(res.status).toBe(201);
    expect(res.body.amounts).toEqual({ travel: 45900, lostEarnings: 100000, fixedFee: 50000, total: 195900 });
    expect(res.body).toMatchObject({ receiptNeeded: true, receipt: null });

    const approveEarly = await f.api.patch(`/api/travel-claims/${res.body.id}`, { decision: 'approved' });
    expect(approveEarly.status).toBe(409);
    expect(approveEarly.body.code).toBe('receipt_required');

    const upload = (bytes: Buffer, filename: string, type = 'application/pdf') => {
      const form = new FormData();
      form.append('receipt', new Blob([new Uint8Array(bytes)], { type }), filename);
      return fetch(`${f.test.url}${claimPath(volunteer.manageToken, '/receipt')}`, { method: 'POST', body: form });
    };
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'kvitto.pdf');
    expect(html.status).toBe(400);
    expect(await html.json()).toMatchObject({ code: 'receipt_type', message: 'The receipt must be a PDF, JPEG or PNG file.' });
    const tooLarge = await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]), 'big.pdf');
    expect(tooLarge.status).toBe(413);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);
    const ok = await upload(png, 'receipt.pdf');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).receipt).toMatchObject({ contentType: 'image/png', size: png.length });
    const notMultipart = await anonymous().post(claimPath(volunteer.manageToken, '/receipt'), { receipt: 'x' });
    expect(notMultipart.status).toBe(400);

    const download = await fetch(`${f.test.url}/api/travel-claims/${res.body.id}/receipt`, { headers: { authorization: `Bearer ${(f.api as unknown as { token: string }).token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await f.other.get(`/api/travel-claims/${res.body.id}/receipt`)).status).toBe(404);
    expect((await anonymous().get(`/api/travel-claims/${res.body.id}/receipt`)).status).toBe(401);

    expect((await f.api.patch(`/api/travel-claims/${res.body.id}`, { decision: 'approved' })).body).toMatchObject({ stage: 'approved', approvedAmount: 195900 });
  });

  it('withdraws an undecided claim when its claimant cancels, and takes a cancelling passenger out of the car', async () => {
    clock.set('2030-09-02T12:00:00+02:00');
    const c = await publishedConference(f.api);
    const driver = await register(c.slug);
    const passenger = await register(c.slug, { name: 'Ali Nur' });
    const claim = await anonymous().post(claimPath(driver.manageToken), car(240, [passenger.id]));
    expect(claim.status).toBe(201);
    expect((await anonymous().post(`/api/public/registrations/${passenger.manageToken}/cancel`)).status).toBe(200);
    expect((await anonymous().get(claimPath(driver.manageToken))).body.passengers).toEqual([]);
    expect((await anonymous().post(`/api/public/registrations/${driver.manageToken}/cancel`)).status).toBe(200);
    expect((await anonymous().get(claimPath(driver.manageToken))).status).toBe(404);
    const list = await f.api.get(`/api/conferences/${c.id}/travel-claims?status=withdrawn`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([claim.body.id]);
  });

  it('withdraws an undecided claim when the seat is transferred; it does not follow the seat to the colleague', async () => {
    clock.set('2030-09-02T12:00:00+02:00');
    const c = await publishedConference(f.api);
    const driver = await register(c.slug);
    const claim = await anonymous().post(claimPath(driver.manageToken), car(240));
    expect(claim.status).toBe(201);
    const colleague = await anonymous().post(`/api/public/registrations/${driver.manageToken}/transfer`, { name: 'Hanna Ek', email: `hanna-${Date.now()}@example.org` });
    expect(colleague.status).toBe(201);
    expect((await f.api.get(`/api/travel-claims/${claim.body.id}`)).body.stage).toBe('withdrawn');
    // The old claim does not follow the seat: nothing of it stands in the colleague's way.
    const theirs = await anonymous().get(claimPath(colleague.body.manageToken, '/eligibility'));
    expect(theirs.body.claim).toBeNull();
    expect(theirs.body.reasons.map((r: { code: string }) => r.code)).not.toContain('already_claimed');
  });

  it('shows the travel block on the personal page only to those it concerns', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug);
    const official = await register(c.slug, { sector: 'municipality', isVolunteer: false });
    const page = (token: string) => fetch(`${f.test.url}/r/${token}?lang=sv`).then((r) => r.text());
    const mine = await page(volunteer.manageToken);
    expect(mine).toContain('id="travel-claim-heading"');
    expect(mine).toContain(`href="/r/${volunteer.manageToken}/travel-claim?lang=sv"`);
    expect(mine).toContain('Bil: 2,50 kr per km, en gång per bil oavsett antal passagerare.');
    expect(await page(official.manageToken)).not.toContain('travel-claim-heading');
    const none = await publishedConference(f.api, { slug: `no-travel-${Date.now()}`, travelPolicy: null });
    const other = await register(none.slug);
    expect(await page(other.manageToken)).not.toContain('travel-claim-heading');
    const refused = await anonymous().post(claimPath(other.manageToken), car(240));
    expect(refused.body).toMatchObject({ code: 'travel_claim_not_eligible', message: 'This conference offers no travel reimbursement.' });
  });
});

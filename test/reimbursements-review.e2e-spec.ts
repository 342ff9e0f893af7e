import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { PayeeRetention } from '@dialogdag/reimbursements';
import { ManualClock } from '@dialogdag/shared';
import { claimsFixture } from './reimbursements.fixture';
import { PageSession } from './support/pages';
import { publishedConference } from './support/test-app';

/** The organisers' side: decisions, payment, the payment list, e-mails, and payee details that never leave the review page. */
describe('travel claims: review and payment', () => {
  const clock = new ManualClock('2030-10-21T10:00:00+02:00');
  const f = claimsFixture(clock);
  const anonymous = () => f.anonymous();
  const ACCOUNT = '9876543210';
  const BANKGIRO = '56788888';

  const bearer = () => ({ authorization: `Bearer ${(f.api as unknown as { token: string }).token}` });
  const claimPath = (token: string, rest = '') => `/api/public/registrations/${token}/travel-claim${rest}`;

  async function claimant(slug: string, overrides: Record<string, unknown>, km: number, lang: 'sv' | 'en' = 'sv') {
    const reg = await f.register(slug, overrides, lang);
    const claim = await anonymous().post(claimPath(reg.manageToken), { fromPlace: 'Ystad', roundTripKm: km, mode: 'car' });
    expect(claim.status).toBe(201);
    return { token: reg.manageToken, claim: claim.body as { id: string; reference: string } };
  }

  it("records a decision made on the review page in its conference's audit log, though its path names only the claim", async () => {
    const c = await publishedConference(f.api, { travelPolicy: { minRoundTripKm: 100, requestDeadline: '2030-12-10', ratePerKm: 250, budget: 150000 } });
    const a = await claimant(c.slug, { name: 'Eva Lund', email: 'eva.lund@example.org' }, 240);
    const page = await PageSession.login(f.test, f.organiser.email, f.organiser.password);
    const decided = await page.post(`/admin/travel-claims/${a.claim.id}`, `/admin/travel-claims/${a.claim.id}/decision`, { decision: 'approved', approvedAmount: '', reason: '' });
    expect(decided.status).toBe(303);
    expect(decided.location).toBe(`/admin/travel-claims/${a.claim.id}?decided=1`);
    const log = await f.api.get(`/api/conferences/${c.id}/audit-log?action=${encodeURIComponent('POST /admin/travel-claims/:claimId/decision')}`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ status: 303, via: 'session', target: { claimId: a.claim.id }, changes: { decision: 'approved' } });
  });

  it('adjusts, rejects and approves within the budget, pays, exports the payment list, and e-mails each step', async () => {
    const c = await publishedConference(f.api, { travelPolicy: { minRoundTripKm: 100, requestDeadline: '2030-12-10', ratePerKm: 250, budget: 150000 } });
    const a = await claimant(c.slug, { name: 'Amina Hassan', email: 'amina@example.org', organisation: 'Studieförbundet' }, 240);
    const b = await claimant(c.slug, { name: 'Bo Ek', email: 'bo@example.org', organisation: 'Hyresgästföreningen' }, 200, 'en');
    const d = await claimant(c.slug, { name: '=HYPERLINK("http://x")', email: 'dora@example.org', organisation: '+Föreningen' }, 160);

    // Adjust: amount and reason required.
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', approvedAmount: 45000 })).body.code).toBe('decision_reason_missing');
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', reason: 'x' })).body.code).toBe('adjusted_amount_missing');
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'approved', approvedAmount: 1 })).status).toBe(400);
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'maybe' })).status).toBe(400);
    const adjusted = await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', approvedAmount: 45000, reason: 'Kortaste vägen är 180 km.' });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body).toMatchObject({ status: 'adjusted', stage: 'adjusted', computedAmount: 60000, approvedAmount: 45000, reason: 'Kortaste vägen är 180 km.' });

    // Reject: reason required.
    expect((await f.api.patch(`/api/travel-claims/${b.claim.id}`, { decision: 'rejected' })).status).toBe(400);
    expect((await f.api.patch(`/api/travel-claims/${b.claim.id}`, { decision: 'rejected', reason: 'Resan gjordes inte.' })).body).toMatchObject({ stage: 'rejected', approvedAmount: null });

    // The budget edge: 150 000 − 45 000 leaves 105 000; approving B's 50 000 and D's 40 000 fits, a raise of A over it does not.
    expect((await f.api.patch(`/api/travel-claims/${d.claim.id}`, { decision: 'approved' })).body.approvedAmount).toBe(40000);
    const over = await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', approvedAmount: 110001, reason: 'x' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'travel_budget_exceeded' });
    expect(over.body.message).toContain('SEK 1,100 is left');
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', approvedAmount: 110000, reason: 'Rätt sträcka' })).status).toBe(200);
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'adjusted', approvedAmount: 45000, reason: 'Kortaste vägen är 180 km.' })).status).toBe(200);

    const list = await f.api.get(`/api/conferences/${c.id}/travel-claims`);
    expect(list.body).toMatchObject({ total: 3, budget: { total: 150000, approved: 85000, paid: 0, left: 65000 } });
    const ids = async (status: string) => (await f.api.get(`/api/conferences/${c.id}/travel-claims?status=${status}`)).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids('approved')).toEqual([a.claim.id, d.claim.id].sort());
    expect(await ids('rejected')).toEqual([b.claim.id]);
    expect(await ids('new')).toEqual([]);
    expect((await f.api.get(`/api/conferences/${c.id}/travel-claims?status=bogus`)).status).toBe(400);
    expect((await f.other.get(`/api/conferences/${c.id}/travel-claims`)).status).toBe(404);
    expect((await f.api.patch('/api/travel-claims/not-a-uuid', { decision: 'approved' })).status).toBe(404);

    // Paying needs payee details, which the claimant gives through the link, after the review.
    clock.set('2030-11-05T10:00:00+01:00');
    const noPayee = await f.api.post(`/api/travel-claims/${a.claim.id}/paid`, { paidOn: '2030-11-01' });
    expect(noPayee.status).toBe(409);
    expect(noPayee.body.message).toContain(`Payee details are missing for ${a.claim.reference}`);
    const bad = await anonymous().request('PUT', claimPath(a.token, '/payee'), { clearingNumber: '83', accountNumber: ACCOUNT });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(ACCOUNT);
    const given = await anonymous().request('PUT', claimPath(a.token, '/payee'), { clearingNumber: '8327-9', accountNumber: ACCOUNT });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ payeeDetailsGiven: true, payeeName: 'Amina Hassan' });
    expect(JSON.stringify(given.body)).not.toContain(ACCOUNT);
    expect((await anonymous().request('PUT', claimPath(b.token, '/payee'), { bankgiro: BANKGIRO })).status).toBe(409);

    // The payment list: approved and unpaid, with the bank details, amounts in kronor with two decimals.
    const csvResponse = await fetch(`${f.test.url}/api/conferences/${c.id}/travel-claims/payment-list?format=csv&lang=sv`, { headers: bearer() });
    expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csvResponse.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Ärende;Betalningsmottagare;Organisation;Betalningssätt;Clearingnummer;Kontonummer;Bankgiro;Belopp (kr);Anmärkning');
    expect(lines).toContain(`${a.claim.reference};Amina Hassan;Studieförbundet;bankkonto;83279;${ACCOUNT};;"450,00";`);
    expect(lines).toContain(`${d.claim.reference};"'=HYPERLINK(""http://x"")";'+Föreningen;;;;;"400,00";utbetalningsuppgifter saknas`);
    expect(lines.filter(Boolean)).toHaveLength(3);

    const xlsxResponse = await fetch(`${f.test.url}/api/conferences/${c.id}/travel-claims/payment-list?format=xlsx&lang=en`, { headers: bearer() });
    expect(xlsxResponse.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
    const sheet = workbook.getWorksheet('Payments')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Claim', 'Payee', 'Organisation', 'Method', 'Clearing number', 'Account number', 'Bankgiro', 'Amount (SEK)', 'Note']);
    const rows = [2, 3].map((n) => sheet.getRow(n).values as unknown[]);
    const amina = rows.find((r) => r[1] === a.claim.reference)!;
    expect(amina.slice(2)).toEqual(['Amina Hassan', 'Studieförbundet', 'bank account', '83279', ACCOUNT, undefined, 450]);
    expect(sheet.getColumn(8).numFmt).toBe('#,##0.00');
    const dora = rows.find((r) => r[1] === d.claim.reference)!;
    expect(dora[2]).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(rows.indexOf(dora) + 2).getCell(2).type).toBe(3); // ValueType.String, not a formula
    expect((await fetch(`${f.test.url}/api/conferences/${c.id}/travel-claims/payment-list?format=pdf`, { headers: bearer() })).status).toBe(400);
    expect((await f.other.get(`/api/conferences/${c.id}/travel-claims/payment-list`)).status).toBe(404);

    // Bulk payment is all or nothing.
    const refused = await f.api.post(`/api/conferences/${c.id}/travel-claims/paid`, { ids: [a.claim.id, d.claim.id], paidOn: '2030-11-01' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(d.claim.reference);
    expect((await f.api.get(`/api/travel-claims/${a.claim.id}`)).body.paidOn).toBeNull();
    expect((await anonymous().request('PUT', claimPath(d.token, '/payee'), { name: 'Föreningen Gemenskap', bankgiro: '5678-8888' })).status).toBe(200);
    expect((await f.api.post(`/api/conferences/${c.id}/travel-claims/paid`, { ids: [a.claim.id], paidOn: '2030-12-24' })).body.code).toBe('paid_on_in_future');
    expect((await f.api.post(`/api/conferences/${c.id}/travel-claims/paid`, { ids: [b.claim.id] })).body.code).toBe('travel_claim_not_approved');
    const paid = await f.api.post(`/api/conferences/${c.id}/travel-claims/paid`, { ids: [a.claim.id, d.claim.id], paidOn: '2030-11-01' });
    expect(paid.status).toBe(200);
    expect(paid.body.items.map((i: { stage: string; paidOn: string }) => [i.stage, i.paidOn])).toEqual([['paid', '2030-11-01'], ['paid', '2030-11-01']]);
    expect((await f.api.post(`/api/travel-claims/${a.claim.id}/paid`, {})).body.code).toBe('travel_claim_already_paid');
    expect((await f.api.patch(`/api/travel-claims/${a.claim.id}`, { decision: 'rejected', reason: 'x' })).body.code).toBe('travel_claim_paid');
    expect((await anonymous().request('PUT', claimPath(a.token, '/payee'), { bankgiro: BANKGIRO })).status).toBe(409);
    expect((await f.api.get(`/api/conferences/${c.id}/travel-claims`)).body.budget).toEqual({ total: 150000, approved: 85000, paid: 85000, left: 65000 });
    const emptied = await (await fetch(`${f.test.url}/api/conferences/${c.id}/travel-claims/payment-list`, { headers: bearer() })).text();
    expect(emptied.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1);

    const summary = await f.api.get(`/api/conferences/${c.id}/travel-claims/summary`);
    expect(summary.body).toMatchObject({ claims: 3, approvedTotal: 85000, paidTotal: 85000, kmDriven: 400, cars: 2, passengers: 0, peoplePerCar: 1, carSharingShare: 0 });
    expect(summary.body.byOrganisation.map((o: { organisation: string }) => o.organisation)).toEqual(['Studieförbundet', '+Föreningen', 'Hyresgästföreningen']);

    // E-mails: received, decision with its reason, paid; never the bank details.
    const toAmina = await f.smtp.waitFor((m) => m.to.includes('amina@example.org'), 4);
    const adjustedMail = toAmina.find((m) => m.subject.startsWith('Beslut om reseersättning') && m.text.includes('450 kr'))!;
    expect(adjustedMail.text).toContain('Kortaste vägen är 180 km.');
    expect(adjustedMail.text).toContain('beräknat enligt reglerna: 600 kr');
    // Bo registered in English: his e-mails are in English.
    const [received] = await f.smtp.waitFor((m) => m.to.includes('bo@example.org') && m.subject.startsWith('Travel claim received'));
    expect(received.text).toContain('Under the rules the reimbursement is SEK 500.');
    const [rejectedMail] = await f.smtp.waitFor((m) => m.to.includes('bo@example.org') && m.subject.startsWith('Travel claim decision'));
    expect(rejectedMail.text).toContain(`We are sorry: your claim ${b.claim.reference} has been rejected.`);
    expect(rejectedMail.text).toContain('Reason: Resan gjordes inte.');
    const [paidMail] = await f.smtp.waitFor((m) => m.to.includes('amina@example.org') && m.subject.startsWith('Reseersättning utbetald'));
    expect(paidMail.text).toContain('450 kr för ärende');
    expect(paidMail.text).toContain('1 november 2030');
    await f.smtp.waitFor((m) => m.to.includes('dora@example.org') && m.subject.startsWith('Reseersättning utbetald'));
    for (const mail of f.smtp.received) {
      expect(mail.text).not.toContain(ACCOUNT);
      expect(mail.text).not.toContain(BANKGIRO);
    }

    // Lists and single claims in the API never carry the details.
    for (const path of [`/api/conferences/${c.id}/travel-claims`, `/api/travel-claims/${a.claim.id}`, `/api/conferences/${c.id}/travel-claims/summary`]) {
      const text = JSON.stringify((await f.api.get(path)).body);
      expect(text).not.toContain(ACCOUNT);
      expect(text).not.toContain(BANKGIRO);
    }

    // At rest: ciphertext only. After 90 days from payment the details go; the amount and the payee stay.
    const db = new Client({ connectionString: f.test.databaseUrl });
    await db.connect();
    try {
      const before = await db.query(`SELECT payee_details FROM travel_claim WHERE id = $1`, [a.claim.id]);
      expect(before.rows[0].payee_details.toString('latin1')).not.toContain(ACCOUNT);
      const retention = f.test.app.get(PayeeRetention);
      clock.set('2031-01-29T12:00:00+01:00');
      expect(await retention.eraseDue()).toBe(0);
      clock.set('2031-01-30T08:00:00+01:00');
      expect(await retention.eraseDue()).toBe(2);
      expect(await retention.eraseDue()).toBe(0);
      const after = await db.query(`SELECT payee_details, payee_key_id, payee_name, approved_amount, payee_erased_at FROM travel_claim WHERE id = $1`, [a.claim.id]);
      expect(after.rows[0]).toMatchObject({ payee_details: null, payee_key_id: null, payee_name: 'Amina Hassan', approved_amount: 45000 });
      expect(after.rows[0].payee_erased_at).not.toBeNull();
      expect((await f.api.get(`/api/travel-claims/${a.claim.id}`)).body).toMatchObject({ payeeDetailsGiven: false, payeeDetailsErased: true, payeeName: 'Amina Hassan' });
    } finally {
      await db.end();
    }
  });
});

import { Client } from 'pg';
import { RegistrationRetention } from '@dialogdag/registrations';
import { ManualClock, Sector } from '@dialogdag/shared';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

interface Person {
  name: string;
  organisation: string;
  sector: Sector;
  isPolitician?: boolean;
  politicalParty?: string;
  isVolunteer?: boolean;
  diet?: string;
  attends?: boolean;
}

/** A small regional conference: every party, politicians, spellings of one organisation, diets, a full room. */
const PEOPLE: Person[] = [
  { name: 'Amina Hassan', organisation: 'Studieförbundet Vuxenskolan', sector: 'civil_society', isVolunteer: true, diet: 'Halal', attends: true },
  { name: 'Bertil Qvist', organisation: 'Kalmar kommun', sector: 'municipality', isPolitician: true, politicalParty: 'Centerpartiet', attends: true },
  { name: 'Cecilia Ström', organisation: ' KALMAR KOMMUN', sector: 'municipality', attends: true },
  { name: 'Dawit Tesfaye', organisation: 'Region Kalmar län', sector: 'region', isPolitician: true, politicalParty: 'Socialdemokraterna' },
  { name: 'Eva Lundgren', organisation: 'Länsstyrelsen Kalmar', sector: 'county_board', diet: 'Glutenfri', attends: true },
  { name: 'Farah Ali', organisation: 'Arbetsförmedlingen', sector: 'state_agency', attends: true },
  { name: 'Gustav Berg', organisation: 'Linnéuniversitetet', sector: 'academia' },
  { name: 'Hanna Sjö', organisation: 'Röda Korset Kalmar', sector: 'civil_society', isVolunteer: true, attends: true },
  { name: 'Ivar Ek', organisation: 'Företagarna', sector: 'business', diet: 'Vegan' },
  { name: 'Jamila Noor', organisation: 'Kalmar kommun', sector: 'municipality', attends: true },
];

/**
 * RETENTION_DAYS after a conference ended its registrations are anonymised by the rule erasure uses: the
 * attendance summary and the fee totals read exactly as before, and no name, address, phone or diet remains.
 */
describe('retention: anonymising a conference a year after it ended', () => {
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');
  let test: TestApp;
  let smtp: TestSmtpServer;
  let api: ApiClient;
  let token: string;
  const anonymous = () => new ApiClient(test.url);
  const contacts: string[] = [];

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url, RETENTION_DAYS: '365' } });
    const organiser = await organiserClient(test);
    api = organiser.api;
    token = organiser.token;
  });
  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  const raw = async (path: string) => (await fetch(test.url + path, { headers: { authorization: `Bearer ${token}` } })).text();
  const register = async (slug: string, p: Person, i: number, tag: string) => {
    const email = `${tag}.${i}@example.org`;
    const phone = `070-${String(100 + i)} 00 ${String(10 + i)}`;
    contacts.push(p.name, email, phone, ...(p.diet ? [p.diet] : []));
    const res = await anonymous().post(`/api/public/conferences/${slug}/registrations`, {
      name: p.name, email, phone, organisation: p.organisation, sector: p.sector, isPolitician: p.isPolitician ?? false,
      ...(p.politicalParty ? { politicalParty: p.politicalParty } : {}), isVolunteer: p.isVolunteer ?? false,
      ...(p.diet ? { diet: p.diet, dietConsent: true } : {}),
    });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, token: res.body.manageToken as string };
  };
  /** Every text column of the conference's registrations, as PostgreSQL holds them. */
  const registrationRows = async (conferenceId: string) => {
    const db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
    try {
      return JSON.stringify((await db.query(`SELECT * FROM registration WHERE conference_id = $1`, [conferenceId])).rows);
    } finally {
      await db.end();
    }
  };

  it('keeps the attendance summary byte for byte and the fee totals, and leaves no personal data', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Kalmar', capacity: 9 });
    // One after the other: the room holds nine, so the tenth waits (and gets a seat when two cancel).
    const people: Array<{ id: string; token: string }> = [];
    for (const [i, p] of PEOPLE.entries()) people.push(await register(c.slug, p, i, 'kalmar'));
    // A colleague takes over a seat; two cancel late, one of them excused (ill); the last one waits.
    const transfer = await anonymous().post(`/api/public/registrations/${people[6].token}/transfer`, { name: 'Klara Kollega', email: 'klara.kollega@example.org', phone: '070-555 44 33' });
    expect(transfer.status).toBe(201);
    contacts.push('Klara Kollega', 'klara.kollega@example.org', '070-555 44 33');
    clock.set('2030-10-10T12:00:00+02:00');
    for (const i of [3, 8]) expect((await anonymous().post(`/api/public/registrations/${people[i].token}/cancel`, { expectedFee: 40000 })).status).toBe(200);
    expect((await api.post(`/api/conferences/${c.id}/registrations/${people[8].id}/waive-fee`, { reason: 'Sjuk i influensa' })).status).toBe(200);
    contacts.push('Sjuk i influensa');
    const sent = await api.post(`/api/conferences/${c.id}/messages`, { subject: { sv: 'Välkommen' }, body: { sv: 'Hej {name}!' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: 8 });
    expect(sent.status).toBe(201);
    await smtp.waitFor((m) => m.subject === 'Välkommen', 8);
    clock.set('2030-10-20T09:30:00+02:00');
    for (const [i, p] of PEOPLE.entries()) if (p.attends) expect((await api.post(`/api/conferences/${c.id}/registrations/${people[i].id}/check-in`)).status).toBe(200);
    clock.set('2030-10-20T16:30:00+02:00');
    expect((await api.request('PUT', `/api/conferences/${c.id}/evaluation`, { ratings: ['Helhetsintryck'], questions: ['Vad var bäst?'] })).status).toBe(200);
    const evaluation = await anonymous().post(`/api/public/registrations/${people[0].token}/evaluation`, { ratings: { r1: 5 }, answers: { q1: 'Samtalet med Bertil Qvist' } });
    expect(evaluation.status).toBe(200);
    clock.set('2030-10-21T10:00:00+02:00');
    const claim = await anonymous().post(`/api/public/registrations/${people[0].token}/travel-claim`, {
      fromPlace: 'Vimmerby', roundTripKm: 240, mode: 'car', payee: { clearingNumber: '8327-9', accountNumber: '9876543210' },
    });
    expect(claim.status).toBe(201);
    contacts.push('Vimmerby');
    // A conference that ended a month ago keeps its people.
    clock.set('2031-09-01T12:00:00+02:00');
    const recent = await publishedConference(api, { title: 'Dialogkonferens Visby', startsAt: '2031-10-01T09:00:00+02:00', endsAt: '2031-10-01T16:00:00+02:00', registrationDeadline: '2031-09-20', cancellationDeadline: '2031-09-20', travelPolicy: null });
    const kept = await register(recent.slug, { name: 'Oskar Gotlänning', organisation: 'Region Gotland', sector: 'region' }, 0, 'visby');

    // A year and a day after the Kalmar conference.
    clock.set('2031-10-21T17:00:00+02:00');
    const summaryBefore = await raw(`/api/conferences/${c.id}/attendance-summary`);
    const csvBefore = await raw(`/api/conferences/${c.id}/attendance-summary?format=csv`);
    const feesBefore = (await api.get(`/api/conferences/${c.id}/fees`)).body;
    const claimsBefore = (await api.get(`/api/conferences/${c.id}/travel-claims?status=all`)).body;
    expect(JSON.parse(summaryBefore)).toMatchObject({ registered: 8, attended: 7, cancelled: 2, noShows: 1, waitlisted: 0, organisations: 6, politicians: 1 });
    // Dawit's late cancellation and Klara's absence; Ivar's fee is waived.
    expect(feesBefore.totalAmount).toBe(2 * 40000);
    const before = await registrationRows(c.id);
    for (const text of ['Amina Hassan', 'Halal', '070-555 44 33']) expect(before).toContain(text);

    // Two instances at once: SKIP LOCKED gives each its own rows.
    const job = test.app.get(RegistrationRetention);
    const [first, second] = await Promise.all([job.anonymiseDue(), job.anonymiseDue()]);
    expect(first + second).toBe(PEOPLE.length + 1);
    expect(await job.anonymiseDue()).toBe(0);

    expect(await raw(`/api/conferences/${c.id}/attendance-summary`)).toBe(summaryBefore);
    expect(await raw(`/api/conferences/${c.id}/attendance-summary?format=csv`)).toBe(csvBefore);
    const feesAfter = (await api.get(`/api/conferences/${c.id}/fees`)).body;
    expect({ byOrganisation: feesAfter.byOrganisation, totalAmount: feesAfter.totalAmount }).toEqual({ byOrganisation: feesBefore.byOrganisation, totalAmount: feesBefore.totalAmount });
    expect(feesAfter.items.map((i: { amount: number; waived: boolean }) => [i.amount, i.waived]).sort()).toEqual(feesBefore.items.map((i: { amount: number; waived: boolean }) => [i.amount, i.waived]).sort());
    const claimsAfter = (await api.get(`/api/conferences/${c.id}/travel-claims?status=all`)).body;
    expect(claimsAfter.budget).toEqual(claimsBefore.budget);
    expect(claimsAfter.items[0]).toMatchObject({ computedAmount: 60000, payeeDetailsGiven: false, payeeName: 'Raderad deltagare' });

    // Nothing personal in the rows, the lists, the claims, the message recipients or the evaluation.
    const after = [
      await registrationRows(c.id),
      await raw(`/api/conferences/${c.id}/registrations`),
      await raw(`/api/conferences/${c.id}/registrations.csv`),
      await raw(`/api/conferences/${c.id}/diets?names=true`),
      JSON.stringify(feesAfter),
      JSON.stringify(claimsAfter),
      await raw(`/api/conferences/${c.id}/messages/${sent.body.id}`),
      await raw(`/api/conferences/${c.id}/evaluation/summary`),
    ].join('\n');
    for (const text of contacts) expect({ text, found: after.includes(text) }).toEqual({ text, found: false });
    expect(after).not.toContain('Bertil Qvist');
    expect(after).toContain('Raderad deltagare');
    for (const p of people) expect((await anonymous().get(`/api/public/registrations/${p.token}`)).status).toBe(404);
    // The mail outbox is the mail lib's: its copies of sent e-mails are kept by that lib's own retention.

    expect((await anonymous().get(`/api/public/registrations/${kept.token}`)).body).toMatchObject({ name: 'Oskar Gotlänning' });
  }, 120_000);
});

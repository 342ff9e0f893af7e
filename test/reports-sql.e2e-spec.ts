import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ManualClock, SECTORS } from '@dialogdag/shared';
import { summariseAttendance, SummaryRow } from '@dialogdag/reports';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

/**
 * The SQL that feeds the summary (ParticipantsService.attendanceRows) agrees with the pure function
 * on random registrations written straight into PostgreSQL, odd spellings and every status included.
 */
describe('attendance summary: SQL against the pure function', () => {
  let test: TestApp;
  let api: ApiClient;
  let db: Client;
  const clock = new ManualClock('2030-11-01T12:00:00+01:00');

  beforeAll(async () => {
    test = await startTestApp({ clock });
    api = (await organiserClient(test)).api;
    db = new Client({ connectionString: test.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await test?.close();
  });

  const person = fc.record({
    status: fc.constantFrom('confirmed', 'confirmed', 'waitlisted', 'cancelled', 'transferred') as fc.Arbitrary<SummaryRow['status']>,
    attended: fc.boolean(),
    sector: fc.constantFrom(...SECTORS),
    organisation: fc.constantFrom('Botkyrka kommun', ' botkyrka KOMMUN ', 'Region Skåne', 'ÅBO AKADEMI', 'åbo akademi', 'ABF', 'Rädda Barnen', ' ', 'x'),
    isPolitician: fc.boolean(),
    politicalParty: fc.option(fc.constantFrom('S', 's', 'Moderaterna', ' Centerpartiet '), { nil: null }),
  });

  it('agrees on every run', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 40 }), fc.boolean(), async (people, ended) => {
        const c = await publishedConference(api, { capacity: 500 });
        clock.set(ended ? '2030-11-01T12:00:00+01:00' : '2030-10-20T12:00:00+02:00');
        let order = 0;
        for (const p of people) {
          const checkedIn = p.status === 'confirmed' && p.attended ? new Date('2030-10-20T08:30:00+02:00') : null;
          await db.query(
            `INSERT INTO registration (conference_id, status, name, email, organisation, sector, is_politician, political_party, manage_token_hash,
               created_at, updated_at, checked_in_at, waitlisted_at, waitlist_order)
             VALUES ($1, $2, 'Test', $3, $4, $5, $6, $7, $8, now(), now(), $9, $10, $11)`,
            [c.id, p.status, `${randomUUID()}@example.org`, p.organisation, p.sector, p.isPolitician, p.politicalParty, randomUUID(), checkedIn,
              p.status === 'waitlisted' ? new Date() : null, p.status === 'waitlisted' ? ++order : null],
          );
        }
        const expected = summariseAttendance(
          c.id,
          people.map((p) => ({ conferenceId: c.id, sector: p.sector, status: p.status, attended: p.status === 'confirmed' && p.attended, isPolitician: p.isPolitician, politicalParty: p.politicalParty, organisationKey: p.organisation.trim().toLowerCase(), count: 1 })),
          ended,
        );
        const res = await api.get(`/api/conferences/${c.id}/attendance-summary`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 25 },
    );
  });
});

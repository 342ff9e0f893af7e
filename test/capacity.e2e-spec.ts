import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { expectSeatCountersAgree } from './support/seat-counter';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

const CAPACITY = 50;
const PEOPLE = 1000;

/** What the database holds for a conference: the invariant every burst must keep. */
async function seatCounts(pool: Pool, conferenceId: string) {
  const { rows } = await pool.query(
    `SELECT status, count(*)::int AS n FROM registration WHERE conference_id = $1 GROUP BY status`,
    [conferenceId],
  );
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  const { rows: positions } = await pool.query(
    `SELECT row_number() OVER (ORDER BY waitlist_order)::int AS position, waitlist_order FROM registration
     WHERE conference_id = $1 AND status = 'waitlisted'`,
    [conferenceId],
  );
  const [{ seats_held }] = (await pool.query(`SELECT seats_held FROM conference WHERE id = $1`, [conferenceId])).rows;
  return { confirmed: by.confirmed ?? 0, waitlisted: by.waitlisted ?? 0, seatsHeld: seats_held as number, distinctQueuePlaces: new Set(positions.map((p) => p.waitlist_order)).size };
}

/** Every 201 is durable: its registration is stored with the status it announced, with exactly one e-mail in the outbox. */
async function expectDurable(pool: Pool, answers: Array<{ status: number; body: any }>) {
  const created = answers.filter((r) => r.status === 201);
  const { rows } = await pool.query(
    `SELECT r.id, r.status, (SELECT count(*)::int FROM mail_outbox m WHERE m.registration_id = r.id) AS mails
     FROM registration r WHERE r.id = ANY($1::uuid[])`,
    [created.map((r) => r.body.id)],
  );
  const stored = new Map(rows.map((r) => [r.id, `${r.status}, ${r.mails} e-mail(s)`]));
  expect(created.filter((r) => stored.get(r.body.id) !== `${r.body.status}, 1 e-mail(s)`)).toEqual([]);
}

/** Fires every registration at once, spread over the given app instances. */
async function burst(clients: ApiClient[], slug: string, count: number) {
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      clients[i % clients.length].post(`/api/public/conferences/${slug}/registrations`, participant({ email: `p${i}-${randomUUID().slice(0, 6)}@example.org` })),
    ),
  );
  return results;
}

jest.setTimeout(60_000);

describe('capacity under concurrency', () => {
  let first: TestApp;
  let second: TestApp;
  let api: ApiClient;
  let pool: Pool;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp({ databaseUrl: first.databaseUrl });
    api = (await organiserClient(first)).api;
    pool = new Pool({ connectionString: first.databaseUrl, max: 20 });
  });
  afterAll(async () => {
    await pool?.end();
    await second?.close();
    await first?.close();
  });
  expectSeatCountersAgree(() => first?.databaseUrl);

  it(`${PEOPLE} simultaneous registrations for ${CAPACITY} seats: exactly ${CAPACITY} confirmed, the rest queued 1..${PEOPLE - CAPACITY}`, async () => {
    const c = await publishedConference(api, { capacity: CAPACITY });
    const results = await burst([new ApiClient(first.url)], c.slug, PEOPLE);
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(CAPACITY);
    const positions = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: PEOPLE - CAPACITY }, (_, i) => i + 1));
    expect(await seatCounts(pool, c.id)).toEqual({ confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY, seatsHeld: CAPACITY, distinctQueuePlaces: PEOPLE - CAPACITY });
    await expectDurable(pool, results);
    // They went through the batches: far fewer transactions than registrations.
    const { rows: [{ transactions }] } = await pool.query(`SELECT count(DISTINCT xmin::text)::int AS transactions FROM registration WHERE conference_id = $1`, [c.id]);
    expect(transactions).toBeLessThan(PEOPLE / 2);
  });

  it('two app instances on one database still confirm exactly the capacity, and cancellations under load keep the invariant', async () => {
    const c = await publishedConference(api, { capacity: CAPACITY });
    const clients = [new ApiClient(first.url), new ApiClient(second.url)];
    const results = await burst(clients, c.slug, PEOPLE);
    expect(results.filter((r) => r.status === 201)).toHaveLength(PEOPLE);
    expect(await seatCounts(pool, c.id)).toEqual({ confirmed: CAPACITY, waitlisted: PEOPLE - CAPACITY, seatsHeld: CAPACITY, distinctQueuePlaces: PEOPLE - CAPACITY });
    await expectDurable(pool, results);

    // 20 seat-holders and 20 waitlisted cancel at once, through both instances, while 100 more register.
    const holders = results.filter((r) => r.body.status === 'confirmed').slice(0, 20);
    const queued = results.filter((r) => r.body.status === 'waitlisted').slice(-20);
    const moves = await Promise.all([
      ...[...holders, ...queued].map((r, i) => clients[i % 2].post(`/api/public/registrations/${r.body.manageToken}/cancel`)),
      ...(await burst(clients, c.slug, 100)),
    ]);
    expect(moves.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const after = await seatCounts(pool, c.id);
    expect(after).toMatchObject({ confirmed: CAPACITY, seatsHeld: CAPACITY, waitlisted: PEOPLE - CAPACITY - 40 + 100 });
  });

  // Negative control: the same burst through a deliberately unlocked read-count-then-insert,
  // judged by the same seatCounts check, oversells. So the tests above can fail.
  it('NEGATIVE CONTROL: an unlocked count-then-insert path oversells under the same kind of burst', async () => {
    const c = await publishedConference(api, { capacity: 10 });
    const naiveRegister = async (i: number) => {
      const client = await pool.connect();
      try {
        const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM registration WHERE conference_id = $1 AND status = 'confirmed'`, [c.id])).rows;
        await new Promise((resolve) => setTimeout(resolve, 5)); // the window a real request has between read and write
        const confirmed = n < 10;
        await client.query(
          `INSERT INTO registration (conference_id, status, name, email, organisation, sector, manage_token_hash, created_at, updated_at, waitlisted_at, waitlist_order)
           VALUES ($1, $2, 'Naive', $3, 'Org', 'other', $4, now(), now(), CASE WHEN $2 = 'waitlisted' THEN now() END,
                   CASE WHEN $2 = 'waitlisted' THEN nextval('registration_waitlist_order') END)`,
          [c.id, confirmed ? 'confirmed' : 'waitlisted', `naive${i}@example.org`, randomUUID()],
        );
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 60 }, (_, i) => naiveRegister(i)));
    const counts = await seatCounts(pool, c.id);
    expect(counts.confirmed).toBeGreaterThan(10);
    // Its rows went round the seat counter on purpose; they go, so the counter check after each test still holds.
    await pool.query(`DELETE FROM registration WHERE conference_id = $1`, [c.id]);
  });
});

import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { RegistrationWriter } from '../libs/registrations/src/batch/registration-writer';
import { expectSeatCountersAgree } from './support/seat-counter';
import { ApiClient, ApiResponse, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const email = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

/**
 * Group commit, seen from outside: requests for one conference that arrive while its seat lock is taken
 * are written together, in one transaction, when it is free.
 */
describe('registration batches', () => {
  let test: TestApp;
  let api: ApiClient;
  let pool: Pool;
  let writer: RegistrationWriter;

  beforeAll(async () => {
    test = await startTestApp();
    api = (await organiserClient(test)).api;
    pool = new Pool({ connectionString: test.databaseUrl, max: 4 });
    writer = test.app.get(RegistrationWriter);
  });
  afterAll(async () => {
    await pool?.end();
    await test?.close();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  /**
   * Holds the conference's row lock from outside while a first request (the blocker, a batch of its own)
   * waits for it and `bodies` gather behind it, in this order; then lets go. Also checks that nobody is
   * answered before the lock is free: an answer comes only after its batch commits.
   */
  async function inOneBatch(conference: { id: string; slug: string }, bodies: object[]): Promise<{ blocker: ApiResponse; answers: ApiResponse[] }> {
    const post = (body: object) => new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, body);
    const holder = await pool.connect();
    let answered = 0;
    const counted = (response: Promise<ApiResponse>) => response.then((r) => (answered++, r));
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM conference WHERE id = $1 FOR UPDATE', [conference.id]);
      const blocker = counted(post(participant({ email: email('blocker') })));
      await until(
        async () => (await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n > 0,
        'the first batch waits for the lock',
      );
      const answers: Array<Promise<ApiResponse>> = [];
      for (const body of bodies) {
        answers.push(counted(post(body)));
        await until(() => writer.waiting() === answers.length, `${answers.length} requests are gathered`);
      }
      expect(answered).toBe(0);
      await holder.query('COMMIT');
      return { blocker: await blocker, answers: await Promise.all(answers) };
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  }

  /** The transaction that wrote each registration (xmin): one value for one batch. */
  async function transactionsOf(ids: string[]): Promise<Set<string>> {
    const { rows } = await pool.query(`SELECT xmin::text AS tx FROM registration WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.tx));
  }

  it('more requests than free seats: the first to arrive get the seats, the rest queue in arrival order, all in one transaction', async () => {
    const conference = await publishedConference(api, { capacity: 4 });
    const people = Array.from({ length: 7 }, (_, i) => participant({ email: email(`p${i}`) }));
    const { blocker, answers } = await inOneBatch(conference, people);

    expect(blocker.body.status).toBe('confirmed');
    expect(answers.map((a) => [a.status, a.body.status, a.body.waitlistPosition])).toEqual([
      [201, 'confirmed', null],
      [201, 'confirmed', null],
      [201, 'confirmed', null],
      [201, 'waitlisted', 1],
      [201, 'waitlisted', 2],
      [201, 'waitlisted', 3],
      [201, 'waitlisted', 4],
    ]);
    const ids = answers.map((a) => a.body.id as string);
    expect((await transactionsOf(ids)).size).toBe(1);
    expect(await transactionsOf([blocker.body.id, ids[0]])).toHaveProperty('size', 2);

    // The queue in the database is the arrival order, and each e-mail tells its place.
    const { rows: queue } = await pool.query(
      `SELECT email FROM registration WHERE conference_id = $1 AND status = 'waitlisted' ORDER BY waitlist_order`,
      [conference.id],
    );
    expect(queue.map((r) => r.email)).toEqual(people.slice(3).map((p) => p.email));
    const { rows: mails } = await pool.query(
      `SELECT registration_id AS id, kind, text_body AS text FROM mail_outbox WHERE registration_id = ANY($1::uuid[])`,
      [ids],
    );
    const mailOf = new Map(mails.map((m) => [m.id, m]));
    answers.forEach((a, i) => {
      const mail = mailOf.get(a.body.id)!;
      expect(mail.kind).toBe(i < 3 ? 'registration_confirmed' : 'registration_waitlisted');
      if (i >= 3) expect(mail.text).toContain(`nummer ${i - 2}`);
    });
  });

  it('a repeated e-mail, in the batch or already registered, is refused (409) for that request only', async () => {
    const conference = await publishedConference(api, { capacity: 100 });
    const existing = email('existing');
    expect((await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: existing }))).status).toBe(201);
    const first = email('first');
    const bodies = [
      participant({ email: first }),
      participant({ email: email('second') }),
      participant({ email: first.toUpperCase() }),
      participant({ email: existing }),
      participant({ email: email('third') }),
    ];
    const { answers } = await inOneBatch(conference, bodies);

    expect(answers.map((a) => a.status)).toEqual([201, 201, 409, 409, 201]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['already_registered', 'already_registered']);
    expect((await transactionsOf(answers.filter((a) => a.status === 201).map((a) => a.body.id))).size).toBe(1);
    const { rows } = await pool.query(`SELECT lower(email) AS email, count(*)::int AS n FROM registration WHERE conference_id = $1 GROUP BY 1`, [conference.id]);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows).toHaveLength(5); // the blocker, the one registered before, and three of the batch
  });

  it('an e-mail already registered that would have taken the last seat: the batch is decided again, and the seat goes to the next in line', async () => {
    const conference = await publishedConference(api, { capacity: 4 });
    const existing = email('existing');
    expect((await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: existing }))).status).toBe(201);
    // Two seats left for the batch once the blocker has its own.
    const { answers } = await inOneBatch(conference, [
      participant({ email: existing.toUpperCase() }),
      participant({ email: email('p1') }),
      participant({ email: email('p2') }),
      participant({ email: email('p3') }),
    ]);
    expect(answers.map((a) => [a.status, a.body.status ?? a.body.code, a.body.waitlistPosition ?? null])).toEqual([
      [409, 'already_registered', null],
      [201, 'confirmed', null],
      [201, 'confirmed', null],
      [201, 'waitlisted', 1],
    ]);
    const { rows: [c] } = await pool.query(`SELECT seats_held FROM conference WHERE id = $1`, [conference.id]);
    expect(c.seats_held).toBe(4);
  });

  it('a row the database refuses fails its own request only: the batch is retried one by one', async () => {
    const conference = await publishedConference(api, { capacity: 100 });
    await pool.query(`
      CREATE FUNCTION refuse_one_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'Refused By The Database' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22023'; END IF;
        RETURN NEW;
      END $$`);
    await pool.query(`CREATE TRIGGER refuse_one_name BEFORE INSERT ON registration FOR EACH ROW EXECUTE FUNCTION refuse_one_name()`);
    try {
      const { answers } = await inOneBatch(conference, [
        participant({ email: email('before') }),
        participant({ email: email('refused'), name: 'Refused By The Database' }),
        participant({ email: email('after') }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([201, 400, 201]);
      expect(answers.map((a) => a.body.status ?? null)).toEqual(['confirmed', null, 'confirmed']);
    } finally {
      await pool.query(`DROP TRIGGER refuse_one_name ON registration`);
      await pool.query(`DROP FUNCTION refuse_one_name()`);
    }
  });

  it('every 201 is durable: its registration, with the status it announced, and exactly one e-mail in the outbox', async () => {
    const conference = await publishedConference(api, { capacity: 30 });
    const results = await Promise.all(
      Array.from({ length: 120 }, () => new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: email('durable') }))),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const { rows } = await pool.query(
      `SELECT r.id, r.status, (SELECT count(*)::int FROM mail_outbox m WHERE m.registration_id = r.id) AS mails
       FROM registration r WHERE r.id = ANY($1::uuid[])`,
      [results.map((r) => r.body.id)],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const r of results) expect(stored.get(r.body.id)).toEqual({ id: r.body.id, status: r.body.status, mails: 1 });
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(30);
  });
});

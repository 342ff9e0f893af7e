import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, RunningDatabase, startEmbeddedPostgres } from '@dialogdag/database';
import { removeDataDir } from './support/cluster';
import { openConference, Outcome, registration, send, SpawnedApp, startBuiltApp } from './support/spawned-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  email: string;
  at: number;
  outcome: Outcome;
}

/**
 * PostgreSQL killed hard (SIGKILL of the postmaster: no shutdown, no checkpoint) while registrations pour
 * in, then started again on the same port. The app, started on its own and never restarted, answers 503
 * with Retry-After while the database is away, becomes healthy again by itself, and loses nothing it
 * answered 201.
 */
describe('PostgreSQL killed in the middle of a burst of registrations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogdag-faults-pg-'));
  let database: RunningDatabase | undefined;
  let app: SpawnedApp | undefined;

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.stop();
    removeDataDir(dataDir);
  });

  /** A restart right after SIGKILL may find the old server's sessions still ending: PostgreSQL then refuses to start, briefly. */
  async function restart(port: number): Promise<RunningDatabase> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        return await startEmbeddedPostgres({ dataDir, port });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
  }

  it('answers 503 with Retry-After while it is gone, recovers on its own, and keeps every registration answered 201', async () => {
    const port = await freePort();
    database = await startEmbeddedPostgres({ dataDir, port, initdbFlags: ['--no-sync'] });
    app = await startBuiltApp({ DATABASE_URL: database.url, DATA_DIR: join(dataDir, 'app') });
    const slug = await openConference(app.url);

    // Eight clients registering one after another, without pause, until the test is done with them.
    const attempts: Attempt[] = [];
    let running = true;
    let next = 0;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) {
        const email = `p${next++}@example.org`;
        const outcome = await send(app!.url, 'POST', `/api/public/conferences/${slug}/registrations`, registration(email));
        attempts.push({ email, at: Date.now(), outcome });
        if ('status' in outcome && outcome.status === 503) await sleep(50);
      }
    });
    const is = (status: number) => (a: Attempt) => 'status' in a.outcome && a.outcome.status === status;
    const waitFor = async (done: () => boolean, until: number) => {
      while (!done() && Date.now() < until) await sleep(20);
    };

    try {
      await sleep(1500);
      const before = attempts.length;
      process.kill(database.pid!, 'SIGKILL');
      const killedAt = Date.now();

      // Within seconds: 503 with Retry-After, for registrations, the health check and pages.
      let health: Outcome = await send(app.url, 'GET', '/api/health');
      while (!('status' in health && health.status === 503) && Date.now() < killedAt + 10_000) {
        await sleep(100);
        health = await send(app.url, 'GET', '/api/health');
      }
      expect(health).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      await waitFor(() => attempts.some((a) => a.at >= killedAt && is(503)(a)), killedAt + 10_000);
      const firstRefusal = attempts.find((a) => a.at >= killedAt && is(503)(a));
      expect(firstRefusal).toBeDefined();
      expect(firstRefusal!.at - killedAt).toBeLessThan(5000);
      const page = await send(app.url, 'GET', `/c/${slug}`);
      expect(page).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect('status' in page && page.body).toMatch(/tillfälligt otillgänglig/);

      await sleep(2000);
      database = await restart(port);
      const restartedAt = Date.now();

      // Healthy again without being restarted, and registering again.
      health = await send(app.url, 'GET', '/api/health');
      while (!('status' in health && health.status === 200) && Date.now() < restartedAt + 30_000) {
        await sleep(100);
        health = await send(app.url, 'GET', '/api/health');
      }
      const healthyAfter = Date.now() - restartedAt;
      expect(health).toMatchObject({ status: 200 });
      const recovered = attempts.length;
      await waitFor(() => attempts.slice(recovered).filter(is(201)).length >= 20, restartedAt + 60_000);
      running = false;
      await Promise.all(clients);

      const statuses = attempts.map((a) => ('status' in a.outcome ? a.outcome.status : a.outcome.error));
      const count = (s: number | string) => statuses.filter((x) => x === s).length;
      console.log(
        `${attempts.length} registrations: ${before} before the kill; ${count(201)} answered 201, ${count(503)} 503; ` +
          `first 503 ${firstRefusal!.at - killedAt} ms after the kill; health green ${healthyAfter} ms after the restart`,
      );
      // Never a 500, nor a dropped connection: the app itself never went away.
      expect(new Set(statuses)).toEqual(new Set([201, 503]));
      for (const a of attempts.filter(is(503))) expect('status' in a.outcome && a.outcome.retryAfter).toMatch(/^\d+$/);
      expect(app.child.exitCode).toBeNull();

      const answered = attempts.filter(is(201)).map((a) => a.email);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ email: string }>('SELECT email FROM registration WHERE email = ANY($1)', [answered]);
      await client.end();
      expect(rows.map((r) => r.email).sort()).toEqual([...answered].sort());
    } finally {
      running = false;
      await Promise.all(clients);
    }
  });
});

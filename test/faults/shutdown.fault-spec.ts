import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresProcessesOf, registeredAmong, removeDataDir } from './support/cluster';
import { openConference, Outcome, registration, send, SpawnedApp, startBuiltApp } from './support/spawned-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stopping the app in the middle of a burst of registrations: with SIGTERM (a supervisor), with Ctrl-C (the
 * terminal signals the whole process group), and by killing it outright. Every registration answered 201
 * is in the database afterwards, no request is answered 500, and none that was taken up goes unanswered.
 */
describe('stopping the app during a burst of registrations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogdag-faults-stop-'));
  const started: SpawnedApp[] = [];

  afterAll(async () => {
    for (const app of started) if (app.child.exitCode === null && app.child.signalCode === null) process.kill(-app.child.pid!, 'SIGKILL');
    for (const line of postgresProcessesOf(dataDir)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGQUIT');
    await sleep(500);
    removeDataDir(dataDir);
  });

  async function start(): Promise<SpawnedApp> {
    const app = await startBuiltApp({ DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '10000' });
    started.push(app);
    return app;
  }

  /** 50 registrations at once, each on its own connection; `signal` after `afterMs`. */
  async function burst(app: SpawnedApp, slug: string, prefix: string, afterMs: number, signal: () => void) {
    const emails = Array.from({ length: 50 }, (_, i) => `${prefix}${i}@example.org`);
    const outcomes = emails.map((email) => send(app.url, 'POST', `/api/public/conferences/${slug}/registrations`, registration(email)));
    await sleep(afterMs);
    signal();
    return { emails, outcomes: await Promise.all(outcomes) };
  }

  /** What a client may see of a stopping instance: its answer, a 503 to try again, or no connection at all. */
  function judge(emails: string[], outcomes: Outcome[]) {
    const answered = emails.filter((_, i) => 'status' in outcomes[i] && (outcomes[i] as { status: number }).status === 201);
    const kinds = outcomes.map((o) => ('status' in o ? String(o.status) : o.error));
    for (const o of outcomes) {
      if ('error' in o) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(o.error);
      else if (o.status !== 201) expect({ status: o.status, retryAfter: o.retryAfter }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
    }
    return { answered, summary: Object.fromEntries([...new Set(kinds)].map((k) => [k, kinds.filter((x) => x === k).length])) };
  }

  async function expectStoppedCleanly(app: SpawnedApp, emails: string[], answered: string[]) {
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // No error logged (JSON lines: level 50), no session cut off under a request.
    expect(app.output()).not.toMatch(/"level":50|QueryRunnerAlreadyReleased|terminating connection/);
    // The app stopped its PostgreSQL on the way out.
    expect(postgresProcessesOf(dataDir)).toEqual([]);
    // Exactly the registrations answered 201 were made: none was lost, none was made and left unanswered.
    const registered = await registeredAmong(dataDir, emails);
    expect([...registered].sort()).toEqual([...answered].sort());
  }

  it('SIGTERM: answers the requests under way, refuses what comes after, then stops its PostgreSQL', async () => {
    const app = await start();
    const slug = await openConference(app.url);
    const { emails, outcomes } = await burst(app, slug, 'term', 150, () => app.child.kill('SIGTERM'));
    const { answered, summary } = judge(emails, outcomes);
    console.log(`SIGTERM 150 ms into 50 registrations: ${JSON.stringify(summary)}`);
    expect(answered.length).toBeGreaterThan(0);
    await expectStoppedCleanly(app, emails, answered);
  });

  it('Ctrl-C reaches the whole process group, yet PostgreSQL serves until the app has answered and stops it', async () => {
    const app = await start();
    const slug = await openConference(app.url);
    const { emails, outcomes } = await burst(app, slug, 'ctrlc', 150, () => process.kill(-app.child.pid!, 'SIGINT'));
    const { answered, summary } = judge(emails, outcomes);
    console.log(`Ctrl-C 150 ms into 50 registrations: ${JSON.stringify(summary)}`);
    expect(answered.length).toBeGreaterThan(0);
    await expectStoppedCleanly(app, emails, answered);
  });

  it('an app killed outright leaves its PostgreSQL behind; the next start stops that one and starts afresh', async () => {
    const killed = await start();
    const slug = await openConference(killed.url);
    expect(await send(killed.url, 'POST', `/api/public/conferences/${slug}/registrations`, registration('before-kill@example.org'))).toMatchObject({ status: 201 });
    process.kill(killed.child.pid!, 'SIGKILL');
    await killed.exited;
    expect(postgresProcessesOf(dataDir).length).toBeGreaterThan(0);

    const next = await start();
    expect(next.output()).toMatch(/Stopping the embedded PostgreSQL \(pid \d+\) that an app which ended without stopping it left running/);
    const health = await send(next.url, 'GET', '/api/health');
    expect(health).toMatchObject({ status: 200 });
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesOf(dataDir)).toEqual([]);
    expect(await registeredAmong(dataDir, ['before-kill@example.org'])).toEqual(new Set(['before-kill@example.org']));
  });
});

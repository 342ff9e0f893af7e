import { Client } from 'pg';
import { OutboxDispatcher } from '@dialogdag/mail';
import { ManualClock } from '@dialogdag/shared';
import { SlowSmtpServer } from './support/slow-smtp';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, createTestDatabase, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** Delivery when things fail: a slow or absent SMTP server, an instance that stops or crashes mid-send, two instances. */
describe('outbox delivery under faults', () => {
  const apps: TestApp[] = [];
  const stoppers: Array<() => Promise<void>> = [];

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(stoppers.splice(0).map((stop) => stop()));
  });

  async function sql<T = any>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const register = (test: TestApp, slug: string, email: string) =>
    new ApiClient(test.url).post(`/api/public/conferences/${slug}/registrations`, participant({ email }));

  it('sends outside any transaction: a slow SMTP server holds no lock, no connection and no registration up, nor the shutdown', async () => {
    const slow = new SlowSmtpServer(10_000);
    await slow.start();
    stoppers.push(() => slow.stop());
    const databaseUrl = await createTestDatabase();
    const first = await startTestApp({ databaseUrl, env: { SMTP_URL: slow.url, MAIL_SEND_TIMEOUT_MS: '30000' } });
    apps.push(first);
    const { api } = await organiserClient(first);
    const conference = await publishedConference(api, { capacity: 200 });

    expect((await register(first, conference.slug, 'first@example.org')).status).toBe(201);
    await slow.waitForArrivals(1);
    // The server holds the first message for 10 s. Meanwhile no session of the app is inside a transaction
    // (so no row of the outbox is locked), and registrations go through, all before the server answers.
    const inTransaction = await sql(databaseUrl, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`);
    expect(inTransaction).toEqual([]);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => register(first, conference.slug, `burst${i}@example.org`)));
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(slow.accepted).toEqual([]);

    // Shutting down abandons the sends in flight instead of waiting for the server, and records them for a retry.
    const inFlight = [...slow.arrived];
    apps.splice(apps.indexOf(first), 1);
    await first.close();
    expect(slow.accepted).toEqual([]);
    const abandoned = await sql(databaseUrl, `SELECT message_id, status, attempts, last_error, claimed_until FROM mail_outbox WHERE message_id = ANY($1)`, [inFlight]);
    expect(abandoned.length).toBe(inFlight.length);
    for (const row of abandoned) expect(row).toMatchObject({ status: 'pending', attempts: 1, claimed_until: null, last_error: expect.stringMatching(/Abandoned at shutdown/) });

    // Another instance takes the messages up and sends them with the Message-IDs the slow server already saw.
    const smtp = new TestSmtpServer();
    await smtp.start();
    stoppers.push(() => smtp.stop());
    const second = await startTestApp({ databaseUrl, env: { SMTP_URL: smtp.url } });
    apps.push(second);
    await smtp.waitFor(() => true, 21, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received).toHaveLength(21);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(21);
    for (const id of inFlight) expect(ids).toContain(id);
  }, 60_000);

  it('takes up a message whose holder crashed once its lease has run out, with the same Message-ID', async () => {
    const smtp = new TestSmtpServer();
    await smtp.start();
    stoppers.push(() => smtp.stop());
    const clock = new ManualClock('2030-03-01T10:00:00+01:00');
    // No background rounds: the test drives delivery.
    const test = await startTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '3600000' } });
    apps.push(test);
    const { api } = await organiserClient(test);
    const conference = await publishedConference(api);
    const dispatcher = test.app.get(OutboxDispatcher);
    await dispatcher.deliverDue();
    await smtp.stop();
    expect((await register(test, conference.slug, 'held@example.org')).status).toBe(201);
    await until(async () => (await sql(test.databaseUrl, `SELECT 1 FROM mail_outbox WHERE recipient = 'held@example.org' AND attempts = 1 AND claimed_until IS NULL`)).length === 1, 'the failed first attempt');

    // What an instance that crashed while sending leaves behind: its claim, valid (by PostgreSQL's clock)
    // for the send timeout and a margin. The app's clock, however far it moves, does not end it.
    const [held] = await sql(
      test.databaseUrl,
      `UPDATE mail_outbox SET claimed_by = 'crashed-host:4242:dead#7', claimed_until = now() + interval '90 seconds', next_attempt_at = $1, attempts = 0, last_error = NULL
        WHERE recipient = 'held@example.org' RETURNING message_id`,
      [clock.now()],
    );
    await smtp.start(smtp.port);
    expect(await dispatcher.deliverDue()).toBe(0);
    clock.advance(24 * 3600_000);
    expect(await dispatcher.deliverDue()).toBe(0);
    // The 90 seconds have passed.
    await sql(test.databaseUrl, `UPDATE mail_outbox SET claimed_until = now() - interval '1 second' WHERE recipient = 'held@example.org'`);
    expect(await dispatcher.deliverDue()).toBe(1);
    const [mail] = await smtp.waitFor((m) => m.to.includes('held@example.org'));
    expect(mail.messageId).toBe(held.message_id);
    const [row] = await sql(test.databaseUrl, `SELECT status, attempts, claimed_by FROM mail_outbox WHERE recipient = 'held@example.org'`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.claimed_by).not.toBe('crashed-host:4242:dead#7');
  });

  it('delivers every message once SMTP is back, exactly once although two instances deliver', async () => {
    const smtp = new TestSmtpServer();
    await smtp.start(); // reserve a port, then take the server down
    await smtp.stop();
    stoppers.push(() => smtp.stop());
    const clock = new ManualClock('2030-03-01T10:00:00+01:00');
    const databaseUrl = await createTestDatabase();
    const instances = [
      await startTestApp({ databaseUrl, clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '50' } }),
      await startTestApp({ databaseUrl, clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '50' } }),
    ];
    apps.push(...instances);
    const { api } = await organiserClient(instances[0]);
    const conference = await publishedConference(api, { capacity: 500 });

    const emails = Array.from({ length: 40 }, (_, i) => `down${i}@example.org`);
    const results = await Promise.all(emails.map((email, i) => register(instances[i % 2], conference.slug, email)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    // Every message tried and failed while the server is down.
    await until(async () => (await sql(databaseUrl, `SELECT 1 FROM mail_outbox WHERE attempts = 0 OR claimed_until IS NOT NULL`)).length === 0, 'first attempts');

    await smtp.start(smtp.port);
    clock.advance(60 * 60 * 1000);
    await smtp.waitFor(() => true, 40, 30_000);
    // Both instances keep polling a while longer: a second copy would turn up now.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(smtp.received.map((m) => m.to).sort()).toEqual([...emails].sort());
    const stored = await sql<{ message_id: string }>(databaseUrl, `SELECT message_id FROM mail_outbox WHERE status = 'sent'`);
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(new Set(stored.map((r) => r.message_id)));
    expect(stored).toHaveLength(40);
  }, 60_000);
});

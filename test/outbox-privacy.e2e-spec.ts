import { Client } from 'pg';
import { OutboxDispatcher, OutboxRetention } from '@dialogdag/mail';
import { ManualClock } from '@dialogdag/shared';
import { PageSession } from './support/pages';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, createTestDatabase, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The outbox keeps no more than it must: organisers never read a personal link, and bodies go after delivery. */
describe('outbox privacy', () => {
  const apps: TestApp[] = [];
  const servers: TestSmtpServer[] = [];

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  async function rows(databaseUrl: string, text: string, values: unknown[] = []): Promise<any[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it('shows organisers every e-mail without its personal link, in the API and on the page; the recipient gets the link', async () => {
    const smtp = new TestSmtpServer();
    servers.push(smtp);
    await smtp.start();
    const test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    apps.push(test);
    const organiser = await organiserClient(test);
    const conference = await publishedConference(organiser.api, { capacity: 1 });
    const anonymous = new ApiClient(test.url);
    const seated = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: 'seated@example.org' }));
    const waiting = await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: 'waiting@example.org' }));
    // Cancelling promotes the waiting one: a third e-mail with a personal link.
    expect((await anonymous.post(`/api/public/registrations/${seated.body.manageToken}/cancel`, {})).status).toBe(200);
    const tokens: string[] = [seated.body.manageToken, waiting.body.manageToken];

    const [toWaiting] = await smtp.waitFor((m) => m.to.includes('waiting@example.org'));
    expect(toWaiting.text).toContain(`/r/${waiting.body.manageToken}`);

    const outbox = await organiser.api.get(`/api/conferences/${conference.id}/outbox`);
    expect(outbox.body.total).toBeGreaterThanOrEqual(4);
    const shown = JSON.stringify(outbox.body);
    for (const token of tokens) expect(shown).not.toContain(token);
    expect(shown).toContain('/r/••••••');

    const page = await (await PageSession.login(test, organiser.email, organiser.password)).get(`/admin/conferences/${conference.id}/outbox`);
    expect(page.status).toBe(200);
    for (const token of tokens) expect(page.html).not.toContain(token);
    expect(page.html).toContain('/r/••••••');
  });

  it('clears bodies OUTBOX_BODY_RETENTION_HOURS after delivery, keeps what was sent to whom and when, and keeps undelivered mail', async () => {
    const smtp = new TestSmtpServer();
    servers.push(smtp);
    await smtp.start();
    const clock = new ManualClock('2030-03-01T10:00:00+01:00');
    const databaseUrl = await createTestDatabase();
    const env = { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '3600000', OUTBOX_BODY_RETENTION_HOURS: '48' };
    const first = await startTestApp({ databaseUrl, clock, env });
    const second = await startTestApp({ databaseUrl, clock, env });
    apps.push(first, second);
    const { api } = await organiserClient(first);
    const conference = await publishedConference(api);
    const anonymous = new ApiClient(first.url);
    for (let i = 0; i < 3; i++) expect((await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: `kept${i}@example.org` }))).status).toBe(201);
    await first.app.get(OutboxDispatcher).deliverDue();
    await smtp.waitFor(() => true, 3);
    // One more that cannot be delivered yet: its body is what will be sent, so it stays.
    await smtp.stop();
    expect((await anonymous.post(`/api/public/conferences/${conference.slug}/registrations`, participant({ email: 'later@example.org' }))).status).toBe(201);
    await first.app.get(OutboxDispatcher).deliverDue();

    const retention = [first.app.get(OutboxRetention), second.app.get(OutboxRetention)];
    clock.advance(47 * 3600_000);
    expect(await retention[0].clearExpired()).toBe(0);
    clock.advance(2 * 3600_000);
    // Both instances at once: each message is cleared once, by one of them.
    const cleared = await Promise.all(retention.map((r) => r.clearExpired()));
    expect(cleared[0] + cleared[1]).toBe(3);
    expect(await retention[1].clearExpired()).toBe(0);

    const stored = await rows(
      databaseUrl,
      `SELECT recipient, subject, kind, status, sent_at, created_at, text_body, html_body, attachments, body_cleared_at FROM mail_outbox ORDER BY id`,
    );
    const [delivered, pending] = [stored.filter((r) => r.status === 'sent'), stored.filter((r) => r.status === 'pending')];
    expect(delivered.map((r) => r.recipient).sort()).toEqual(['kept0@example.org', 'kept1@example.org', 'kept2@example.org']);
    for (const row of delivered) {
      expect(row).toMatchObject({ kind: 'registration_confirmed', text_body: '', html_body: null, attachments: [] });
      expect(row.subject).toContain('Bekräftelse');
      expect(row.sent_at).toBeInstanceOf(Date);
      expect(row.body_cleared_at).toEqual(clock.now());
    }
    expect(pending).toHaveLength(1);
    expect(pending[0].text_body).toMatch(/\/r\/[A-Za-z0-9_-]{40,}/);
    expect(pending[0].body_cleared_at).toBeNull();

    const outbox = await api.get(`/api/conferences/${conference.id}/outbox`);
    expect(outbox.body.items.filter((m: { text: string }) => m.text === '')).toHaveLength(3);
    expect(outbox.body.items.find((m: { to: string }) => m.to === 'kept0@example.org')).toMatchObject({ status: 'sent', subject: expect.stringContaining('Bekräftelse') });
  });
});

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@dialogdag/database';
import { OutboxDispatcher } from '@dialogdag/mail';
import { MessageDeliveryJob } from '@dialogdag/messages';
import { ManualClock } from '@dialogdag/shared';
import { ApiClient, createTestDatabase, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** An SMTP server that refuses the addresses it is told to, as a real one refuses an unknown mailbox. */
class RefusingSmtpServer {
  readonly received: Array<{ to: string; subject: string }> = [];
  readonly refuse = new Set<string>();
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<string> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) =>
        this.refuse.has(address.address.toLowerCase()) ? callback(Object.assign(new Error('550 No such user here'), { responseCode: 550 })) : callback(),
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
            this.received.push({ to, subject: mail.subject ?? '' });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function registerMany(test: TestApp, slug: string, n: number, prefix: string): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${prefix}${i}@example.org`;
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${slug}/registrations`, participant({ name: `Person ${i}`, email }));
    expect(res.status).toBe(201);
    emails.push(email);
  }
  return emails;
}

const send = (api: ApiClient, conferenceId: string, subject: string, count: number) =>
  api.post(`/api/conferences/${conferenceId}/messages`, { subject: { sv: subject }, body: { sv: 'Hej {name}, {personalLink}' }, filter: { groups: ['seat_holders'] }, confirmRecipientCount: count });

describe('delivery of messages', () => {
  const apps: TestApp[] = [];
  const servers: RefusingSmtpServer[] = [];

  /** An SMTP server of the test's own, and the pace settings (read with the rest of the configuration) to start apps with. */
  const setUp = async (rate: string, pollMs: string) => {
    const smtp = new RefusingSmtpServer();
    servers.push(smtp);
    const smtpUrl = await smtp.start();
    return { smtp, env: { SMTP_URL: smtpUrl, MESSAGE_RATE_PER_MINUTE: rate, MESSAGE_POLL_INTERVAL_MS: pollMs } };
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('hands messages to the outbox at MESSAGE_RATE_PER_MINUTE', async () => {
    const clock = new ManualClock('2030-09-01T10:00:00+02:00');
    // One a second, ten at most at once; this test drives the rounds itself.
    const test = await startTestApp({ clock, env: { MESSAGE_RATE_PER_MINUTE: '60', MESSAGE_POLL_INTERVAL_MS: '3600000' } });
    apps.push(test);
    const { api } = await organiserClient(test);
    const conference = await publishedConference(api);
    await registerMany(test, conference.slug, 15, 'paced');
    const job = test.app.get(MessageDeliveryJob);
    await job.handOver(); // settle the bucket at this clock
    clock.advance(60_000);

    const sent = await send(api, conference.id, 'Takt', 15);
    expect(sent.status).toBe(201);
    await job.idle(); // sending starts a round at once
    const handed = async () => (await api.get(`/api/conferences/${conference.id}/outbox`)).body.items.filter((m: { kind: string }) => m.kind === 'message').length;
    expect(await handed()).toBe(10);
    expect(await job.handOver()).toBe(0);
    clock.advance(3_000);
    expect(await job.handOver()).toBe(3);
    clock.advance(60_000);
    expect(await job.handOver()).toBe(2);
    // Without SMTP_URL the mail waits in the outbox: queued, not sent.
    const detail = await api.get(`/api/conferences/${conference.id}/messages/${sent.body.id}`);
    expect(detail.body.progress).toEqual({ total: 15, queued: 15, sent: 0, failed: 0 });
    expect(await handed()).toBe(15);
  });

  it('delivers each recipient once when several instances share the database', async () => {
    const { smtp, env } = await setUp('6000', '50');
    const databaseUrl = await createTestDatabase();
    const first = await startTestApp({ databaseUrl, env });
    apps.push(first);
    const second = await startTestApp({ databaseUrl, env });
    apps.push(second);
    const { api } = await organiserClient(first);
    const conference = await publishedConference(api, { capacity: 500 });
    const emails = await registerMany(first, conference.slug, 40, 'many');

    expect((await send(api, conference.id, 'Två instanser', 40)).status).toBe(201);
    // Both instances run their rounds; wait for all, then a while longer for any duplicate.
    for (let i = 0; i < 200 && smtp.received.filter((m) => m.subject === 'Två instanser').length < 40; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    const got = smtp.received.filter((m) => m.subject === 'Två instanser').map((m) => m.to);
    expect(got.sort()).toEqual(emails.sort());
  });

  it('shows a refused address as failed with the reason, and resends only the failed ones', async () => {
    const { smtp, env } = await setUp('6000', '3600000');
    const clock = new ManualClock('2030-09-01T10:00:00+02:00');
    const test = await startTestApp({ clock, env: { ...env, MAIL_POLL_INTERVAL_MS: '3600000' } });
    apps.push(test);
    const { api } = await organiserClient(test);
    const conference = await publishedConference(api);
    const emails = await registerMany(test, conference.slug, 3, 'bounce');
    smtp.refuse.add(emails[1]);
    const job = test.app.get(MessageDeliveryJob);
    const dispatcher = test.app.get(OutboxDispatcher);
    await dispatcher.deliverDue();

    const sent = await send(api, conference.id, 'Studsar', 3);
    await job.idle();
    // The outbox retries with backoff until it gives up.
    for (let i = 0; i < 25; i++) {
      await dispatcher.deliverDue();
      clock.advance(60 * 60 * 1000);
    }
    const path = `/api/conferences/${conference.id}/messages/${sent.body.id}`;
    let detail = await api.get(path);
    expect(detail.body.progress).toEqual({ total: 3, queued: 0, sent: 2, failed: 1 });
    const failed = detail.body.recipients.items.find((r: { status: string }) => r.status === 'failed');
    expect(failed.email).toBe(emails[1]);
    expect(failed.reason).toMatch(/550/);

    smtp.refuse.clear();
    expect((await api.post(`${path}/resend-failed`)).body).toEqual({ requeued: 1 });
    expect((await api.post(`${path}/resend-failed`)).body).toEqual({ requeued: 0 });
    await job.idle();
    await dispatcher.deliverDue();
    // The round also nudged the dispatcher, which may be delivering in the background.
    for (let i = 0; i < 100 && detail.body.progress.sent < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
      detail = await api.get(path);
    }
    expect(detail.body.progress).toEqual({ total: 3, queued: 0, sent: 3, failed: 0 });
    const got = smtp.received.filter((m) => m.subject === 'Studsar').map((m) => m.to);
    expect(got.sort()).toEqual([...emails].sort());
  });
});

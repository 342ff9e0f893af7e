import { OutboxDispatcher } from '@dialogdag/mail';
import { ManualClock } from '@dialogdag/shared';
import { seatDrift } from './support/seat-counter';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, createTestDatabase, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('mail outbox', () => {
  const apps: TestApp[] = [];
  const servers: TestSmtpServer[] = [];

  afterEach(async () => {
    // Every scenario here registers people: the seat counter must still equal the seat-holders.
    for (const app of apps) expect(await seatDrift(app.databaseUrl)).toEqual([]);
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('keeps mail in the outbox without SMTP_URL, readable by the conference organisers only', async () => {
    const test = await startTestApp();
    apps.push(test);
    const { api } = await organiserClient(test);
    const conference = await publishedConference(api);
    const person = participant();
    await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, person);

    const outbox = await api.get(`/api/conferences/${conference.id}/outbox`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.total).toBe(1);
    expect(outbox.body.items[0]).toMatchObject({ kind: 'registration_confirmed', to: person.email, status: 'pending' });
    // The personal link is the recipient's alone: organisers see that there is one, not the token.
    expect(outbox.body.items[0].text).toMatch(/\/r\/••••••/);
    expect(outbox.body.items[0].text).not.toMatch(/\/r\/[A-Za-z0-9_-]{20,}/);

    const other = (await organiserClient(test)).api;
    expect((await other.get(`/api/conferences/${conference.id}/outbox`)).status).toBe(404);
  });

  it('retries with backoff while the SMTP server is down and then delivers exactly once', async () => {
    const smtp = new TestSmtpServer();
    servers.push(smtp);
    await smtp.start(); // reserve a port, then take the server down
    await smtp.stop();
    const clock = new ManualClock('2030-01-10T10:00:00+01:00');
    // No background rounds: this test drives delivery itself.
    const test = await startTestApp({ clock, env: { SMTP_URL: smtp.url, MAIL_POLL_INTERVAL_MS: '3600000' } });
    apps.push(test);
    const { api } = await organiserClient(test);
    const conference = await publishedConference(api);
    const person = participant();
    await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, person);

    const dispatcher = test.app.get(OutboxDispatcher);
    expect(await dispatcher.deliverDue()).toBe(0);
    let [message] = (await api.get(`/api/conferences/${conference.id}/outbox`)).body.items;
    expect(message.status).toBe('pending');
    expect(message.attempts).toBeGreaterThanOrEqual(1);
    expect(message.lastError).toBeTruthy();

    await smtp.start(smtp.port);
    // Not yet due: the backoff holds it back until the clock passes the next attempt.
    expect(await dispatcher.deliverDue()).toBe(0);
    clock.advance(60 * 60 * 1000);
    expect(await dispatcher.deliverDue()).toBe(1);
    await smtp.waitFor((m) => m.to.includes(person.email));
    [message] = (await api.get(`/api/conferences/${conference.id}/outbox`)).body.items;
    expect(message.status).toBe('sent');

    clock.advance(60 * 60 * 1000);
    expect(await dispatcher.deliverDue()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((m) => m.to.includes(person.email))).toHaveLength(1);
  });

  it('delivers each message once when several app instances share the database', async () => {
    const smtp = new TestSmtpServer();
    servers.push(smtp);
    await smtp.start();
    const databaseUrl = await createTestDatabase();
    const first = await startTestApp({ databaseUrl, env: { SMTP_URL: smtp.url } });
    apps.push(first);
    const second = await startTestApp({ databaseUrl, env: { SMTP_URL: smtp.url } });
    apps.push(second);
    const { api } = await organiserClient(first);
    const conference = await publishedConference(api, { capacity: 500 });

    const people = Array.from({ length: 60 }, (_, i) => participant({ email: `person${i}@example.org` }));
    const clients = [new ApiClient(first.url), new ApiClient(second.url)];
    const results = await Promise.all(
      people.map((p, i) => clients[i % 2].post(`/api/public/conferences/${conference.slug}/registrations`, p)),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    // Both instances race to deliver the same outbox.
    await Promise.all([first.app.get(OutboxDispatcher).deliverDue(), second.app.get(OutboxDispatcher).deliverDue()]);
    await smtp.waitFor(() => true, 60);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received).toHaveLength(60);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(60);
  });
});

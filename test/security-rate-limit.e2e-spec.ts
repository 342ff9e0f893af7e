import { ManualClock } from '@dialogdag/shared';
import { createTestDatabase, startTestApp, TestApp } from './support/test-app';

/** The public rate limit counts in PostgreSQL per client address; X-Forwarded-For counts only from a trusted proxy. */
describe('security: the public rate limit', () => {
  const apps: TestApp[] = [];
  // A clock that stands still keeps every request of a test in one window.
  const clock = () => new ManualClock('2030-03-01T10:00:20+01:00');
  const start = async (env: Record<string, string>, databaseUrl?: string) => {
    const app = await startTestApp({ clock: clock(), env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', ...env }, databaseUrl });
    apps.push(app);
    return app;
  };

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  /** 429 when limited; any other answer (the empty body is refused) means the request got through. */
  const post = async (app: TestApp, forwardedFor?: string) => {
    const response = await send(app, forwardedFor);
    return { status: response.status === 429 ? 429 : 'through' };
  };
  const send = (app: TestApp, forwardedFor?: string) =>
    fetch(`${app.url}/api/public/conferences/no-such-conference/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: '{}',
    });

  it('is on by default', async () => {
    const { loadConfig } = await import('@dialogdag/config');
    expect(loadConfig({}).app.publicRateLimitPerMinute).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After past the limit, whatever X-Forwarded-For a client makes up', async () => {
    const app = await start({});
    const statuses = [];
    for (const spoofed of ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', '198.51.100.5']) {
      statuses.push((await post(app, spoofed)).status);
    }
    expect(statuses.slice(0, 3)).toEqual(['through', 'through', 'through']);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const refused = await send(app);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Too many requests/);
    // Reading stays open.
    expect((await fetch(`${app.url}/api/public/conferences/no-such-conference`)).status).toBe(404);
  });

  it('is shared by two instances on one database', async () => {
    const databaseUrl = await createTestDatabase();
    const first = await start({}, databaseUrl);
    const second = await start({}, databaseUrl);
    const statuses = [(await post(first)).status, (await post(second)).status, (await post(first)).status, (await post(second)).status];
    expect(statuses).toEqual(['through', 'through', 'through', 429]);
  });

  it('believes X-Forwarded-For from a proxy named in TRUST_PROXY, and counts each forwarded client apart', async () => {
    const app = await start({ TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < 3; i++) expect((await post(app, '203.0.113.7')).status).toBe('through');
    expect((await post(app, '203.0.113.7')).status).toBe(429);
    expect((await post(app, '203.0.113.8')).status).toBe('through');
    // The proxy's own entry is never the client's: a client-made-up first entry does not help either.
    expect((await post(app, '10.9.9.9, 203.0.113.7')).status).toBe(429);
  });

  it('does not believe X-Forwarded-For from an address that is not a named proxy', async () => {
    const app = await start({ TRUST_PROXY: '192.0.2.10' });
    for (const spoofed of ['203.0.113.20', '203.0.113.21', '203.0.113.22']) expect((await post(app, spoofed)).status).toBe('through');
    expect((await post(app, '203.0.113.23')).status).toBe(429);
  });
});

import { ManualClock } from '@dialogdag/shared';
import { ApiClient, createTestDatabase, organiserClient, sessionClient, startTestApp, TestApp } from './support/test-app';
import { PageSession } from './support/pages';

/** Log-in: throttling shared by instances, the redirect after it, the session cookie and the session's life. */
describe('auth: log-in and sessions', () => {
  const apps: TestApp[] = [];
  let first: TestApp;
  let second: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    clock = new ManualClock('2030-03-01T10:00:20+01:00');
    const env = { LOGIN_ATTEMPTS_PER_ACCOUNT: '4', LOGIN_ATTEMPTS_PER_ADDRESS: '40' };
    first = await startTestApp({ clock, env, databaseUrl });
    second = await startTestApp({ clock, env, databaseUrl });
    apps.push(first, second);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  const login = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
    new ApiClient(app.url).request('POST', '/api/auth/login', { email, password }, headers);

  it('throttles log-in per account across two instances, answering known and unknown e-mails alike', async () => {
    const known = await organiserClient(first);
    const unknown = 'nobody-here@example.org';
    const answers = async (email: string, password: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++) {
        const response = await login(i % 2 === 0 ? first : second, email, i === 5 ? password : 'wrong password');
        seen.push({ status: response.status, body: response.body, retryAfter: response.headers.get('retry-after') !== null });
      }
      return seen;
    };
    const forKnown = await answers(known.email, known.password);
    const forUnknown = await answers(unknown, 'whatever it is');
    expect(forKnown.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    // The right password does not help once throttled, and nothing tells the two accounts apart.
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown[4].retryAfter).toBe(true);
    // Another 15-minute window: the account may try again.
    clock.advance(15 * 60_000);
    expect((await login(second, known.email, known.password)).status).toBe(200);
  });

  it('throttles per client address too, whichever accounts are tried', async () => {
    const app = await startTestApp({ clock, env: { LOGIN_ATTEMPTS_PER_ADDRESS: '3' } });
    apps.push(app);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(app, `guess-${i}@example.org`, 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('redirects after log-in only to a path of this site', async () => {
    const organiser = await organiserClient(first);
    for (const [next, expected] of [
      ['/admin/conferences/new', '/admin/conferences/new'],
      ['/\\evil.example', '/admin'], ['//evil.example', '/admin'], ['https://evil.example', '/admin'],
      ['%2F%2Fevil.example', '/admin'], ['/%5Cevil.example', '/admin'], ['/%2F%2Fevil.example', '/admin'],
      ['/admin\r\nSet-Cookie: planted=1', '/admin'], ['/admin%0d%0aSet-Cookie:%20planted=1', '/admin'],
    ]) {
      const page = await fetch(`${first.url}/admin/login?next=${encodeURIComponent(next)}`);
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
      const html = await page.text();
      const token = /name="_csrf" value="([^"]+)"/.exec(html)![1];
      expect(html).toContain(`name="next" value="${expected === '/admin' ? '/admin' : next}"`);
      const response = await fetch(`${first.url}/admin/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, email: organiser.email, password: organiser.password, next }).toString(),
      });
      expect({ next, status: response.status, location: response.headers.get('location') }).toEqual({ next, status: 303, location: expected });
      expect(response.headers.get('set-cookie')).not.toMatch(/planted/);
    }
  });

  it('names the cookie __Host-… with Secure over https, and plainly on http', async () => {
    const organiser = await organiserClient(first);
    const plain = await login(first, organiser.email, organiser.password);
    expect(plain.headers.get('set-cookie')).toMatch(/^dialogdag_session=[^;]+;.*HttpOnly.*SameSite=Lax/i);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
    const behindTls = await startTestApp({ clock, env: { TRUST_PROXY: '127.0.0.1' } });
    apps.push(behindTls);
    const secureOrganiser = await organiserClient(behindTls);
    const secure = await login(behindTls, secureOrganiser.email, secureOrganiser.password, { 'x-forwarded-proto': 'https' });
    const setCookie = secure.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-dialogdag_session=/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
    // Over https only the __Host- cookie counts.
    const value = setCookie.split(';')[0].split('=').slice(1).join('=');
    const me = (cookie: string) => new ApiClient(behindTls.url).request('GET', '/api/auth/me', undefined, { cookie, 'x-forwarded-proto': 'https' });
    expect((await me(`__Host-dialogdag_session=${value}`)).status).toBe(200);
    expect((await me(`dialogdag_session=${value}`)).status).toBe(401);
  });

  it('gives a new session at every log-in and ends the one the browser came with', async () => {
    const organiser = await organiserClient(first);
    const before = await sessionClient(first.url, organiser.email, organiser.password);
    const again = await login(first, organiser.email, organiser.password, { cookie: before.cookie });
    expect(again.status).toBe(200);
    const after = (again.headers.get('set-cookie') ?? '').split(';')[0];
    expect(after).not.toBe(before.cookie);
    expect((await before.api.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(first.url).request('GET', '/api/auth/me', undefined, { cookie: after })).status).toBe(200);
  });

  it('logs out everywhere, and ends sessions left idle', async () => {
    const organiser = await organiserClient(first);
    const laptop = await sessionClient(first.url, organiser.email, organiser.password);
    const phone = await sessionClient(second.url, organiser.email, organiser.password);
    expect((await phone.api.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect((await laptop.api.get('/api/auth/me')).status).toBe(401);
    expect((await phone.api.get('/api/auth/me')).status).toBe(401);
    // API tokens are not sessions: they stay until revoked.
    expect((await organiser.api.get('/api/auth/me')).status).toBe(200);

    const idle = await sessionClient(first.url, organiser.email, organiser.password);
    clock.advance(3 * 3600_000);
    expect((await idle.api.get('/api/auth/me')).status).toBe(200);
    clock.advance(3 * 3600_000);
    expect((await idle.api.get('/api/auth/me')).status).toBe(200);
    clock.advance(4 * 3600_000 + 60_000);
    expect((await idle.api.get('/api/auth/me')).status).toBe(401);
  });

  it('lists API tokens with their last use, and revokes them', async () => {
    const organiser = await organiserClient(first);
    const { body: created } = await organiser.api.post('/api/auth/tokens', { name: 'Rapportskript' });
    const script = new ApiClient(first.url, created.token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    const listed = (await organiser.api.get('/api/auth/tokens')).body.items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toMatchObject({ name: 'Rapportskript', lastUsedAt: expect.any(String) });
    expect(listed.tokenHash).toBeUndefined();
    expect((await organiser.api.delete(`/api/auth/tokens/${created.id}`)).status).toBe(204);
    expect((await script.get('/api/auth/me')).status).toBe(401);
  });

  it('lets only platform administrators create organiser accounts', async () => {
    const { api } = await organiserClient(first);
    const refused = await api.post('/api/auth/organisers', { email: 'someone@example.org', name: 'Someone', password: 'lingonberry tram ferry' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('platform_admin_only');
    expect((await api.get('/api/auth/me')).body.isPlatformAdmin).toBe(false);
  });

  it('gives platform administrators a page that creates organiser accounts', async () => {
    const admin = await organiserClient(first, undefined, { isPlatformAdmin: true });
    const page = await PageSession.login(first, admin.email, admin.password);
    expect((await page.get('/admin/account')).html).toContain('href="/admin/organisers"');
    const weak = await page.post('/admin/organisers', '/admin/organisers', { email: 'paged@example.org', name: 'Paged', password: 'password1234' });
    expect(weak.status).toBe(422);
    const made = await page.post('/admin/organisers', '/admin/organisers', { email: 'paged@example.org', name: 'Paged', password: 'lingonberry tram ferry' });
    expect(made.status).toBe(303);
    expect((await page.get(made.location!)).html).toContain('paged@example.org');
    expect((await new ApiClient(first.url).post('/api/auth/login', { email: 'paged@example.org', password: 'lingonberry tram ferry' })).status).toBe(200);
    const plain = await organiserClient(first);
    const theirs = await PageSession.login(first, plain.email, plain.password);
    expect((await theirs.get('/admin/account')).html).not.toContain('/admin/organisers');
    expect((await theirs.get('/admin/organisers')).status).toBe(403);
  });

  it('asks for 12+ characters that are not among the common passwords', async () => {
    const { api } = await organiserClient(first, undefined, { isPlatformAdmin: true });
    for (const password of ['short pass', 'password1234', 'qwerty123456', 'aaaaaaaaaaaa']) {
      const response = await api.post('/api/auth/organisers', { email: `new-${password.length}-${Math.random()}@example.org`, name: 'New', password });
      expect({ password, status: response.status }).toEqual({ password, status: 400 });
      expect(JSON.stringify(response.body.message)).toMatch(/password/i);
    }
    expect((await api.post('/api/auth/organisers', { email: 'fine@example.org', name: 'Fine', password: 'lingonberry tram ferry' })).status).toBe(201);
  });
});

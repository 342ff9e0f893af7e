import { ApiClient, conferenceInput, organiserClient, sessionClient, startTestApp, TestApp } from './support/test-app';

/** CSRF: no page but our own can change anything with the session cookie, whatever the content type (issue #9). */
describe('security: CSRF protection of cookie sessions', () => {
  let test: TestApp;
  let bearer: ApiClient;
  let credentials: { email: string; password: string };
  let session: { cookie: string; csrfToken: string };
  let draftId: string;

  beforeAll(async () => {
    test = await startTestApp();
    const organiser = await organiserClient(test);
    bearer = organiser.api;
    credentials = organiser;
    session = await sessionClient(test.url, organiser.email, organiser.password);
    draftId = (await bearer.post('/api/conferences', conferenceInput())).body.id;
  });

  afterAll(async () => {
    await test?.close();
  });

  const otherPort = () => test.url.replace(/:(\d+)$/, (_, port) => `:${Number(port) + 1}`);
  const send = (path: string, init: { method?: string; contentType?: string; body?: string; headers?: Record<string, string> }) =>
    fetch(test.url + path, {
      method: init.method ?? 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, ...(init.contentType ? { 'content-type': init.contentType } : {}), ...init.headers },
      body: init.body,
    });
  const status = async (path: string) => (await bearer.get(path)).body.status;

  it('answers the login with the session’s CSRF token', async () => {
    expect(session.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a text/plain post with only the cookie: no publishing, no API token', async () => {
    expect((await send(`/api/conferences/${draftId}/publish`, { contentType: 'text/plain', body: '{}' })).status).toBe(403);
    expect((await send('/api/auth/tokens', { contentType: 'text/plain', body: '{"name":"stolen"}' })).status).toBe(403);
    expect((await send(`/admin/conferences/${draftId}/publish`, { contentType: 'text/plain;charset=UTF-8', body: 'x=1' })).status).toBe(403);
    expect(await status(`/api/conferences/${draftId}`)).toBe('draft');
    expect((await bearer.get('/api/auth/tokens')).body.items.map((t: { name: string }) => t.name)).not.toContain('stolen');
  });

  it('refuses form posts without the token in any letter case of the content type, and multipart too', async () => {
    const account = 'email=new-organiser%40example.org&name=Mallory&password=correct+horse+battery+staple';
    for (const contentType of ['Application/x-www-form-urlencoded', 'APPLICATION/X-WWW-FORM-URLENCODED', 'application/x-www-form-urlencoded; charset=utf-8']) {
      expect((await send('/api/auth/organisers', { contentType, body: account })).status).toBe(403);
      expect((await send('/admin/conferences', { contentType, body: 'title=Forged&slug=forged-x' })).status).toBe(403);
    }
    const multipart = new FormData();
    multipart.set('title', 'Forged');
    expect((await fetch(`${test.url}/admin/conferences`, { method: 'POST', redirect: 'manual', headers: { cookie: session.cookie }, body: multipart })).status).toBe(403);
    expect((await bearer.get('/api/conferences')).body.items.map((c: { title: string }) => c.title)).not.toContain('Forged');
  });

  it('refuses cookie-authenticated JSON without the header, with a wrong one, from another origin or a same-site page', async () => {
    const json = JSON.stringify(conferenceInput());
    expect((await send('/api/conferences', { contentType: 'application/json', body: json })).status).toBe(403);
    expect((await send('/api/conferences', { contentType: 'application/json', body: json, headers: { 'x-csrf-token': 'wrong' } })).status).toBe(403);
    const token = { 'x-csrf-token': session.csrfToken };
    expect((await send('/api/conferences', { contentType: 'application/json', body: json, headers: { ...token, origin: otherPort() } })).status).toBe(403);
    expect((await send('/api/conferences', { contentType: 'application/json', body: json, headers: { ...token, origin: 'null' } })).status).toBe(403);
    expect((await send('/api/conferences', { contentType: 'application/json', body: json, headers: { ...token, 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await send('/api/conferences', { contentType: 'application/json', body: json, headers: { ...token, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('accepts the right token from our own origin', async () => {
    const headers = { 'x-csrf-token': session.csrfToken, origin: test.url, 'sec-fetch-site': 'same-origin' };
    const created = await send('/api/conferences', { contentType: 'application/json', body: JSON.stringify(conferenceInput()), headers });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    expect((await send(`/api/conferences/${id}/publish`, { headers })).status).toBe(200);
    const form = await send(`/admin/conferences/${draftId}/publish`, {
      contentType: 'application/x-www-form-urlencoded', body: `_csrf=${session.csrfToken}`, headers: { origin: test.url },
    });
    expect(form.status).toBe(303);
  });

  it('exempts Bearer-token calls, which no browser adds by itself', async () => {
    const created = await bearer.request('POST', '/api/conferences', conferenceInput(), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(created.status).toBe(201);
  });

  it('checks log-in: not from another origin, and the form only with its pre-session token', async () => {
    const body = JSON.stringify(credentials);
    const crossOrigin = await fetch(`${test.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: otherPort() }, body });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.headers.get('set-cookie') ?? '').not.toMatch(/dialogdag_session=/);
    const fields = new URLSearchParams({ email: credentials.email, password: credentials.password }).toString();
    const noToken = await fetch(`${test.url}/admin/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('set-cookie') ?? '').not.toMatch(/dialogdag_session=/);

    const page = await fetch(`${test.url}/admin/login`);
    const loginCookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const post = (cookie: string, extra: Record<string, string> = {}) =>
      fetch(`${test.url}/admin/login`, {
        method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: `_csrf=${encodeURIComponent(token)}&${fields}`,
      });
    expect((await post('dialogdag_login=someone-elses-pre-session-cookie-value-0000')).status).toBe(403);
    expect((await post(loginCookie, { origin: otherPort() })).status).toBe(403);
    const ok = await post(loginCookie, { origin: test.url });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('set-cookie')).toMatch(/dialogdag_session=/);
  });

  it('checks log-out: a page elsewhere cannot end the session', async () => {
    const own = await sessionClient(test.url, credentials.email, credentials.password);
    expect((await fetch(`${test.url}/api/auth/logout`, { method: 'POST', headers: { cookie: own.cookie } })).status).toBe(403);
    expect((await fetch(`${test.url}/admin/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: own.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' })).status).toBe(403);
    expect((await own.api.get('/api/auth/me')).status).toBe(200);
    expect((await own.api.post('/api/auth/logout')).status).toBe(204);
    expect((await own.api.get('/api/auth/me')).status).toBe(401);
  });
});

import { ManualClock } from '@dialogdag/shared';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, startTestApp, TestApp } from './support/test-app';

/** Password reset by e-mail: through the outbox, single use, expiring, the same answer for unknown addresses. */
describe('auth: password reset by e-mail', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let anonymous: ApiClient;
  const clock = new ManualClock('2030-03-01T10:00:00+01:00');

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    anonymous = new ApiClient(test.url);
  });

  afterAll(async () => {
    await test?.close();
    await smtp?.stop();
  });

  const linkIn = (text: string) => /(http:\/\/\S+\/admin\/password-reset\/([\w-]+))/.exec(text)!;
  const formPage = async (url: string) => {
    const page = await fetch(url);
    const html = await page.text();
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.startsWith('dialogdag_login=')).join('; ');
    return { status: page.status, cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1], html };
  };

  it('e-mails a single-use link that sets a new password and ends every session', async () => {
    const organiser = await organiserClient(test);
    const session = await anonymous.post('/api/auth/login', { email: organiser.email, password: organiser.password });
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await anonymous.post('/api/auth/password-reset', { email: organiser.email.toUpperCase() })).status).toBe(202);
    const [mail] = await smtp.waitFor((m) => m.to.includes(organiser.email));
    const [, url, token] = linkIn(mail.text);

    const page = await formPage(url);
    expect(page.status).toBe(200);
    expect((await fetch(url)).headers.get('referrer-policy')).toBe('no-referrer');
    const choose = (password: string, form = page) =>
      fetch(url, {
        method: 'POST', redirect: 'manual', headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: form.csrf!, password }).toString(),
      });
    const common = await choose('password1234');
    expect(common.status).toBe(400);
    expect(await common.text()).toContain('most common');
    const done = await choose('a brand new lingonberry passphrase');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toMatch(/^\/admin\/login\?reset=1/);

    expect((await anonymous.post('/api/auth/login', { email: organiser.email, password: organiser.password })).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email: organiser.email, password: 'a brand new lingonberry passphrase' })).status).toBe(200);
    expect((await anonymous.request('GET', '/api/auth/me', undefined, { cookie })).status).toBe(401);
    // Used once: used up.
    expect((await choose('yet another lingonberry passphrase')).status).toBe(400);
    expect((await anonymous.post('/api/auth/password-reset/complete', { token, password: 'yet another lingonberry passphrase' })).status).toBe(400);
  });

  it('lets a link expire after an hour', async () => {
    const organiser = await organiserClient(test);
    await anonymous.post('/api/auth/password-reset', { email: organiser.email });
    const [mail] = await smtp.waitFor((m) => m.to.includes(organiser.email));
    const [, url, token] = linkIn(mail.text);
    clock.advance(61 * 60_000);
    expect((await fetch(url)).status).toBe(404);
    expect((await anonymous.post('/api/auth/password-reset/complete', { token, password: 'a brand new lingonberry passphrase' })).status).toBe(400);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'nobody-at-all@example.org' });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({});
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.some((m) => m.to.includes('nobody-at-all@example.org'))).toBe(false);
  });

  it('works from the pages, without JavaScript: ask, get the e-mail, choose', async () => {
    const organiser = await organiserClient(test);
    const ask = await formPage(`${test.url}/admin/password-reset?lang=en`);
    const asked = await fetch(`${test.url}/admin/password-reset?lang=en`, {
      method: 'POST', redirect: 'manual', headers: { cookie: ask.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: ask.csrf!, email: organiser.email }).toString(),
    });
    expect(asked.status).toBe(303);
    const [mail] = await smtp.waitFor((m) => m.to.includes(organiser.email));
    expect(mail.subject).toBe('Reset your Dialogdag password');
    const [, url] = linkIn(mail.text);
    const page = await formPage(url);
    const done = await fetch(url, {
      method: 'POST', redirect: 'manual', headers: { cookie: page.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: page.csrf!, password: 'moose lantern gravel harbour' }).toString(),
    });
    expect(done.status).toBe(303);
    // Without the pre-session token the form is refused.
    const forged = await fetch(`${test.url}/admin/password-reset`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${encodeURIComponent(organiser.email)}`,
    });
    expect(forged.status).toBe(403);
  });
});

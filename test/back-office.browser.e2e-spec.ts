import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { organiserClient, startTestApp, TestApp } from './support/test-app';

describe('back office in a real browser', () => {
  let test: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    test = await startTestApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('logs in, creates a conference through the form, publishes it and opens its public page', async () => {
    const { email, password } = await organiserClient(test);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await context.newPage();

    await page.goto(`${test.url}/admin`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill('wrong password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(await page.textContent('#error-summary')).toContain('Fel e-postadress eller lösenord');
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);

    await page.getByRole('link', { name: 'Skapa konferens' }).click();
    await page.getByLabel(/^Titel/).fill('Dialogkonferens Norrbotten');
    await page.getByLabel('Webbadress (slug)').fill('norrbotten-2030');
    await page.getByLabel('Börjar').fill('2030-10-20T09:00');
    await page.getByLabel('Slutar').fill('2030-10-20T08:00'); // before the start: refused
    await page.locator('[id="venue.name"]').fill('Kulturens hus');
    await page.locator('[id="venue.city"]').fill('Luleå');
    await page.getByLabel('Sista anmälningsdag').fill('2030-10-06T23:59');
    await page.getByLabel('Sista dag för kostnadsfri avbokning').fill('2030-10-06T23:59');
    await page.getByRole('button', { name: 'Spara' }).click();
    expect(await page.locator('#endsAt-error').textContent()).toContain('Konferensen måste sluta efter att den börjar.');
    expect(await page.getByLabel(/^Titel/).inputValue()).toBe('Dialogkonferens Norrbotten');

    await page.getByLabel('Slutar').fill('2030-10-20T16:00');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/\/admin\/conferences\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('Utkast');
    expect(await page.textContent('main')).toContain('400 kr');

    await page.getByRole('button', { name: 'Publicera och öppna anmälan' }).click();
    expect(await page.textContent('main')).toContain('Publicerad');
    await page.getByRole('link', { name: 'Publik sida' }).click();
    await page.waitForURL(`${test.url}/c/norrbotten-2030`);
    expect(await page.textContent('h1')).toBe('Dialogkonferens Norrbotten');
    expect(await page.textContent('main')).toContain('Kulturens hus, Luleå');
    await context.close();
  });

  it('refuses a back-office form post without the CSRF token', async () => {
    const { email, password } = await organiserClient(test);
    const login = await fetch(`${test.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const forged = await fetch(`${test.url}/admin/conferences`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Forged&slug=forged',
    });
    expect(forged.status).toBe(403);
  });
});

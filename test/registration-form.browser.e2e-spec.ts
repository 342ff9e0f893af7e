import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { personalLink, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

describe('public registration form in a real browser', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let api: ApiClient;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await test?.close();
    await smtp?.stop();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  it('shows errors next to the fields without JavaScript, then registers and confirms', async () => {
    const conference = await publishedConference(api, { title: 'Dialogkonferens Uppsala' });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${test.url}/c/${conference.slug}`);
    await expect(page.title()).resolves.toContain('Dialogkonferens Uppsala');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.textContent('body')).toContain('Anmälan är bindande');

    // Submit with a bad e-mail and a diet but no consent: the form comes back with the values kept.
    await page.getByLabel('Namn').fill('Karin Lind');
    await page.getByLabel('E-postadress').fill('karin-at-example');
    await page.getByLabel('Organisation, myndighet eller företag').fill('Uppsala kommun');
    await page.getByLabel('Sektor').selectOption('municipality');
    await page.getByLabel('Särskild kost', { exact: true }).fill('Glutenfri');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    expect(await page.locator('#email-error').textContent()).toContain('giltig e-postadress');
    expect(await page.locator('#dietConsent-error').textContent()).toContain('samtycket');
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#error-summary a[href="#email"]').count()).toBe(1);
    expect(await page.getByLabel('Namn').inputValue()).toBe('Karin Lind');

    await page.getByLabel('E-postadress').fill('karin.lind@example.org');
    await page.getByLabel(/Jag samtycker/).check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]+/);
    const body = await page.textContent('body');
    expect(body).toContain('Tack för din anmälan');
    expect(body).toContain('Din plats är bekräftad');
    expect(body).toContain('Uppsala kommun');

    const [mail] = await smtp.waitFor((m) => m.to.includes('karin.lind@example.org'));
    expect(mail.subject).toBe('Bekräftelse: Dialogkonferens Uppsala');
    expect(personalLink(mail)).toBe(page.url().replace('?welcome=1', ''));

    const list = await api.get(`/api/conferences/${conference.id}/registrations`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: 'Karin Lind', sector: 'municipality', diet: 'Glutenfri', language: 'sv', status: 'confirmed' }),
    ]);
    await context.close();
  });

  it('is keyboard-usable and switches to English', async () => {
    const conference = await publishedConference(api);
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${test.url}/c/${conference.slug}`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Erik Berg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('erik.berg@example.org');
    await page.getByLabel('Organisation, authority or company').fill('Länsstyrelsen Uppsala');
    await page.getByLabel('Sector').selectOption('county_board');
    await page.getByLabel('Name').press('Enter');
    await page.waitForURL(/\/r\//);
    expect(await page.textContent('body')).toContain('Your seat is confirmed');
    const [mail] = await smtp.waitFor((m) => m.to.includes('erik.berg@example.org'));
    expect(mail.subject).toMatch(/^Confirmation:/);
    await context.close();
  });
});

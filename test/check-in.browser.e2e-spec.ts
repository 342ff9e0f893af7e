import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

describe('check-in at the door on a phone', () => {
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

  it('finds a person, checks them in with one tap, undoes, and adds a walk-in — without JavaScript', async () => {
    const { api, email, password } = await organiserClient(test);
    const c = await publishedConference(api);
    const anonymous = new ApiClient(test.url);
    for (const [name, organisation] of [['Amina Hassan', 'Studieförbundet Vuxenskolan'], ['Bo Ek', 'Malmö stad']]) {
      expect((await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant({ name, organisation }))).status).toBe(201);
    }
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${test.url}/admin/login?lang=sv`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);

    await page.goto(`${test.url}/admin/conferences/${c.id}/registrations`);
    await page.getByRole('link', { name: 'Incheckning' }).click();
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe('0 av 2 incheckade');
    await page.getByLabel('Sök namn eller organisation').fill('amina');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.waitForURL(/q=amina/);
    expect(await page.locator('table.check-in tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Checka in Amina Hassan' }).click();
    await page.waitForURL(/check-in\?q=amina/);
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe('1 av 2 incheckade');
    await expect(page.getByRole('button', { name: 'Ångra Amina Hassan' }).isVisible()).resolves.toBe(true);
    // Fits the phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Ångra Amina Hassan' }).click();
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe('0 av 2 incheckade');

    await page.locator('#name').fill('Carl Dörr');
    await page.locator('#email').fill('carl@example.org');
    await page.locator('#organisation').fill('Röda Korset');
    await page.locator('#sector').selectOption('civil_society');
    await page.getByRole('button', { name: 'Registrera och checka in' }).click();
    await page.waitForURL(/q=Carl/);
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe('1 av 3 incheckade');
    await expect(page.getByRole('button', { name: 'Ångra Carl Dörr' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

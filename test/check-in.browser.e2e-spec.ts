import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

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
  expectSeatCountersAgree(() => test?.databaseUrl);

  /** An organiser logged in, in a new page of the context. */
  async function loggedIn(context: BrowserContext, email: string, password: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${test.url}/admin/login?lang=sv`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);
    return page;
  }

  it('finds a person, checks them in with one tap, undoes, and adds a walk-in — without JavaScript', async () => {
    const { api, email, password } = await organiserClient(test);
    const c = await publishedConference(api);
    const anonymous = new ApiClient(test.url);
    for (const [name, organisation] of [['Amina Hassan', 'Studieförbundet Vuxenskolan'], ['Bo Ek', 'Malmö stad']]) {
      expect((await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant({ name, organisation }))).status).toBe(201);
    }
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE', viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await loggedIn(context, email, password);

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

  it('scans the QR code with the camera where the browser can, and takes the typed code where it cannot', async () => {
    const { api, email, password } = await organiserClient(test);
    const c = await publishedConference(api);
    const anonymous = new ApiClient(test.url);
    const codeOf = async (name: string) => {
      const res = await anonymous.post(`/api/public/conferences/${c.slug}/registrations`, participant({ name }));
      return (await anonymous.get(`/api/public/registrations/${res.body.manageToken}`)).body.checkInCode as string;
    };
    const [scanned, typed] = [await codeOf('Amina Hassan'), await codeOf('Bo Ek')];
    const login = async (context: BrowserContext) => {
      const page = await loggedIn(context, email, password);
      await page.goto(`${test.url}/admin/conferences/${c.id}/check-in`);
      return page;
    };

    // A phone whose browser has BarcodeDetector and a camera (both stood in for here: headless Chromium has neither).
    const phone = await browser.newContext({ locale: 'sv-SE', viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.addInitScript({
      content: `
        window.BarcodeDetector = class { async detect() { return [{ rawValue: ${JSON.stringify(scanned)} }]; } };
        const camera = async () => {
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 64;
          canvas.getContext('2d').fillRect(0, 0, 64, 64);
          return canvas.captureStream();
        };
        Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia: camera }, configurable: true });`,
    });
    const page = await login(phone);
    await page.getByRole('button', { name: 'Skanna med kameran' }).click();
    await page.waitForURL(/checked=/);
    await expect(page.locator('#check-in-notice').innerText()).resolves.toMatch(/^Amina Hassan är incheckad \(\d\d:\d\d\)\.$/);
    await expect(page.locator('#check-in-count').innerText()).resolves.toBe('1 av 2 incheckade');
    await phone.close();

    // Chromium on Linux has no BarcodeDetector: no camera button, the code is typed instead.
    const plain = await browser.newContext({ locale: 'sv-SE' });
    const door = await login(plain);
    expect(await door.locator('#scan-button').count()).toBe(0);
    await door.getByLabel('Incheckningskod').fill(typed.toLowerCase());
    await door.getByRole('button', { name: 'Checka in med koden' }).click();
    await door.waitForURL(/checked=/);
    await expect(door.locator('#check-in-notice').innerText()).resolves.toContain('Bo Ek är incheckad');
    await plain.close();
  });
});

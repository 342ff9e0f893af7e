import { Browser, Page } from 'playwright-core';
import { RegistrationExtensions } from '@dialogdag/registrations';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { expectSeatCountersAgree } from './support/seat-counter';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

const W = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The registration pages in the states the other accessibility test does not reach: ranked choices, book tables, the QR pass, refusals. */
describe('accessibility of the registration pages with choices, book tables and check-in codes (axe-core, WCAG 2.1 AA)', () => {
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  let c: { id: string; slug: string };
  let token: string;

  beforeAll(async () => {
    test = await startTestApp();
    test.app.get(RegistrationExtensions).setPreferenceProvider({
      rounds: async (_id, lang) => [{ key: 'morning', label: lang === 'sv' ? 'Förmiddagens workshop' : 'Morning workshop', maxChoices: 3, options: [1, 2, 3].map((n) => ({ id: W(n), label: `Workshop ${n}` })) }],
      validate: async (_id, preferences) => (preferences.every((id) => [W(1), W(2), W(3)].includes(id)) ? [] : [{ field: 'workshopPreferences', message: 'unknown' }]),
    });
    const { api, email, password } = await organiserClient(test);
    c = await publishedConference(api);
    await api.patch(`/api/conferences/${c.id}/book-tables`, { limit: 2 });
    const registered = await new ApiClient(test.url).post(
      `/api/public/conferences/${c.slug}/registrations`,
      participant({ bookTable: true, bookTableDescription: 'Studiematerial', workshopPreferences: [W(2)] }),
    );
    token = registered.body.manageToken;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${test.url}/admin`);
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  const pages: Array<[string, () => string]> = [
    ['the form with ranked choices and a book table', () => `/c/${c.slug}`],
    ['the personal page with the QR pass, choices and the book table', () => `/r/${token}`],
    ['the check-in page with the code field', () => `/admin/conferences/${c.id}/check-in`],
    ['the book tables', () => `/admin/conferences/${c.id}/book-tables`],
  ];
  for (const [name, path] of pages) {
    for (const lang of ['sv', 'en']) {
      it(`${name} (${lang}) has no violations`, async () => {
        const response = await page.goto(`${test.url}${path()}?lang=${lang}`);
        expect(response?.status()).toBe(200);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    }
  }

  it('forms sent back with errors at the choices, the book table and the code have no violations', async () => {
    await page.goto(`${test.url}/c/${c.slug}?lang=sv`);
    await page.locator('#choice-0-1').selectOption(W(1));
    await page.locator('#choice-0-2').selectOption(W(1));
    await page.locator('#bookTable').check();
    await page.locator('form[action^="/c/"] button[type=submit]').click();
    expect(await page.locator('#choice-0-1-error').count()).toBe(1);
    expect(await page.locator('#bookTableDescription-error').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${test.url}/admin/conferences/${c.id}/check-in?lang=sv`);
    await page.locator('#code').fill('AAAA-BBBB-CCCC');
    await page.locator('#scan-form button[type=submit]').click();
    expect(await page.locator('#code-error').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

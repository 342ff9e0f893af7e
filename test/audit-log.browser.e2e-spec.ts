import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The audit log page in a browser: reached from the overview, filtered without script, accessible in both languages. */
describe('audit log page (browser)', () => {
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  let conferenceId: string;

  beforeAll(async () => {
    test = await startTestApp();
    const owner = await organiserClient(test);
    const c = await publishedConference(owner.api);
    conferenceId = c.id;
    const added = await owner.api.post(`/api/conferences/${c.id}/registrations`, participant({ name: 'Åsa <Ek>' }));
    await owner.api.post(`/api/conferences/${c.id}/registrations/${added.body.id}/check-in`);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.locator('#email').fill(owner.email);
    await page.locator('#password').fill(owner.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${test.url}/admin`);
  });

  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('is linked from the overview and filters by action with a plain form', async () => {
    await page.goto(`${test.url}/admin/conferences/${conferenceId}?lang=sv`);
    await page.getByRole('link', { name: 'Ändringslogg' }).click();
    await page.waitForURL(`${test.url}/admin/conferences/${conferenceId}/audit-log`);
    expect(await page.locator('#audit-log tbody tr').count()).toBe(4);
    await page.locator('#action').selectOption('POST /api/conferences/:id/registrations/:rid/check-in');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/action=/);
    expect(await page.locator('#audit-log tbody tr').count()).toBe(1);
    await page.getByText('Visa inskickade uppgifter').click();
    expect(await page.locator('#audit-log details[open]').count()).toBe(1);
  });

  for (const lang of ['sv', 'en']) {
    it(`has no accessibility violations (${lang}), details open`, async () => {
      const response = await page.goto(`${test.url}/admin/conferences/${conferenceId}/audit-log?lang=${lang}`);
      expect(response?.status()).toBe(200);
      for (const summary of await page.locator('#audit-log summary').all()) await summary.click();
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
});

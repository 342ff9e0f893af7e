import { Browser } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The public form with its bot check and privacy notice, and "Your data", in a browser without JavaScript. */
describe('privacy in the browser, without JavaScript', () => {
  let test: TestApp;
  let browser: Browser;
  let api: ApiClient;
  let organiser: { email: string; password: string };

  beforeAll(async () => {
    test = await startTestApp();
    const created = await organiserClient(test);
    api = created.api;
    organiser = created;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('registers through the form with the honeypot present, shows the notice, downloads and erases', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Gävle', contactEmail: 'konferens@example.org' });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${test.url}/c/${c.slug}`);
    expect(await page.locator('#website').count()).toBe(1);
    expect(await page.locator('.honeypot').getAttribute('aria-hidden')).toBe('true');
    const notice = page.locator('#privacy-notice-link');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toBe('Så behandlar vi dina personuppgifter');

    await notice.click();
    await page.waitForURL(`${test.url}/c/${c.slug}/privacy?lang=sv`);
    const text = await page.textContent('#privacy-notice');
    expect(text).toContain('365 dagar efter konferensen');
    expect(text).toContain('konferens@example.org');
    expect(text).toContain('Integritetsskyddsmyndigheten');
    await page.goBack();

    await page.getByLabel('Namn').fill('Maja Holm');
    await page.getByLabel('E-postadress').fill('maja.holm@example.org');
    await page.getByLabel('Organisation, myndighet eller företag').fill('Gävle kommun');
    await page.getByLabel('Sektor').selectOption('municipality');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]+\?welcome=1/);
    expect(await page.textContent('#your-data')).toContain('Dina uppgifter');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-data').click()]);
    expect(download.suggestedFilename()).toBe(`dialogdag-${c.slug}.json`);

    await page.locator('#erase-link').click();
    expect(await page.textContent('#erasure-consequence')).toContain('Din anmälan avbokas först, utan kostnad.');
    await page.getByRole('button', { name: 'Radera min anmälan' }).click();
    await page.waitForURL(`${test.url}/c/${c.slug}/privacy?lang=sv&erased=1`);
    expect(await page.textContent('#erased-notice')).toContain('Din anmälan är raderad');
    const list = await api.get(`/api/conferences/${c.id}/registrations`);
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'Raderad deltagare', status: 'cancelled', organisation: 'Gävle kommun' })]);
    await context.close();
  });

  // axe runs as a script, so these pages are checked in a browser with JavaScript on.
  it('has no WCAG 2.1 AA violations on the form, the notice, "Your data", the erasure steps and the participant page', async () => {
    const c = await publishedConference(api, { title: 'Dialogkonferens Falun' });
    const registered = await new ApiClient(test.url).post(`/api/public/conferences/${c.slug}/registrations`, participant());
    const { id, manageToken } = registered.body;
    const page = await browser.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.locator('#email').fill(organiser.email);
    await page.locator('#password').fill(organiser.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${test.url}/admin`);
    for (const path of [
      `/c/${c.slug}`,
      `/c/${c.slug}/privacy?lang=en`,
      `/r/${manageToken}`,
      `/r/${manageToken}/erase`,
      `/admin/conferences/${c.id}/registrations/${id}`,
      `/admin/conferences/${c.id}/registrations/${id}/erase`,
    ]) {
      await page.goto(test.url + path);
      expect({ path, violations: await accessibilityViolations(page) }).toEqual({ path, violations: [] });
    }
    await page.close();
  });
});

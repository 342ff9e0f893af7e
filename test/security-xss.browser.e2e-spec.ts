import { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/**
 * User text that is also markup, typed into every field people fill in, and then every page that shows it
 * opened in a real browser: the markup must show as text and never run. Escaping, not the Content-Security-Policy,
 * is what is tested: each page must show the payload's characters literally.
 */
const MARKUP = `<img src=x onerror="window.__xss=1">`;
const SCRIPT = `<script>window.__xss=2</script>`;

describe('user text in pages (browser)', () => {
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const paths: string[] = [];
  let csv = '';

  beforeAll(async () => {
    test = await startTestApp();
    const owner = await organiserClient(test);
    const c = await publishedConference(owner.api, { title: `Dialog ${MARKUP}` });
    const base = `/api/conferences/${c.id}`;
    const workshop = await owner.api.post(`${base}/workshops`, { title: `Workshop ${SCRIPT}`, theme: MARKUP, capacity: 10, room: SCRIPT });
    const people = [];
    for (const [i, name] of [`Ada ${MARKUP}`, `Bo ${SCRIPT}`].entries()) {
      const added = await owner.api.post(`${base}/registrations`, participant({ name, organisation: `Org ${i} ${SCRIPT}`, diet: MARKUP, dietConsent: true, workshopPreferences: [workshop.body.id] }));
      expect(added.status).toBe(201);
      people.push(added.body);
    }
    expect((await owner.api.post(`${base}/registrations`, participant({ name: 'Cecilia', organisation: '=HYPERLINK("http://evil.example")' }))).status).toBe(201);
    await owner.api.post(`${base}/tables`, { tables: [{ name: `Bord ${MARKUP}`, seats: 8 }] });
    await owner.api.post(`${base}/seating`);
    await owner.api.post(`${base}/workshop-assignment`);
    const exported = await owner.api.get(`${base}/registrations?format=csv`);
    expect(exported.status).toBe(200);
    csv = String(exported.body);
    paths.push(
      `/admin/conferences/${c.id}`,
      `/admin/conferences/${c.id}/registrations`,
      `/admin/conferences/${c.id}/registrations/${people[0].id}`,
      `/admin/conferences/${c.id}/diets`,
      `/admin/conferences/${c.id}/check-in?q=Ada`,
      `/admin/conferences/${c.id}/fees`,
      `/admin/conferences/${c.id}/workshops`,
      `/admin/conferences/${c.id}/workshops/${workshop.body.id}`,
      `/admin/conferences/${c.id}/seating`,
      `/admin/conferences/${c.id}/messages/new`,
      `/admin/conferences/${c.id}/attendance`,
      `/admin/conferences/${c.id}/audit-log`,
      `/c/${c.slug}`,
      `/r/${people[0].manageToken}`,
    );
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
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

  it('shows markup as text and runs none of it, on every page that shows what people typed', async () => {
    for (const path of paths) {
      const response = await page.goto(`${test.url}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      expect({ path, ran: await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss ?? null) }).toEqual({ path, ran: null });
      const text = await page.locator('body').innerText();
      expect({ path, literal: text.includes('<img src=x') || text.includes('<script>') }).toEqual({ path, literal: true });
      expect(await page.locator('img[src=x], body script:not([src]):text("__xss")').count()).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });

  it('keeps a spreadsheet from reading user text as a formula, and quotes markup as plain text in CSV', () => {
    expect(csv).toContain('Ada <img src=x onerror=""window.__xss=1"">');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|,)"?=/m);
  });
});

import { Browser, Page } from 'playwright-core';
import { DemoSeeder } from '../apps/api/src/demo.seeder';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { ApiClient, startTestApp, TestApp } from './support/test-app';

/** The demo shows every reports page at once; each page passes axe-core (WCAG 2.1 AA) in both languages. */
describe('reports pages with demo data, in a real browser', () => {
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  const ids = { upcoming: '', past: '', series: '', noteTaker: '', personal: '' };

  beforeAll(async () => {
    test = await startTestApp({ env: { DEMO_DATA: 'true' } });
    const demo = (await test.app.get(DemoSeeder).seed()).demo!;
    const login = await fetch(`${test.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo.email, password: demo.password }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    api = new ApiClient(test.url);
    const authed = <T = any>(path: string, init: RequestInit = {}) =>
      fetch(test.url + path, { ...init, headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) } }).then((r) => r.json() as Promise<T>);
    const series = await authed<{ items: Array<{ id: string; conferenceIds: string[] }> }>('/api/series');
    ids.series = series.items[0].id;
    [ids.past, ids.upcoming] = series.items[0].conferenceIds;
    const { csrfToken: csrf } = (await login.json()) as { csrfToken: string };
    const note = await authed<{ noteTakerUrl: string }>(`/api/conferences/${ids.past}/group-notes`, { method: 'POST', headers: { 'x-csrf-token': csrf }, body: JSON.stringify({ theme: 'Språk', groupName: 'Bord 9' }) });
    ids.noteTaker = new URL(note.noteTakerUrl).pathname;
    const person = await authed<{ manageToken: string }>(`/api/conferences/${ids.past}/registrations`, {
      method: 'POST', headers: { 'x-csrf-token': csrf }, body: JSON.stringify({ name: 'Karin Lind', email: 'karin.lind@example.org', organisation: 'Lunds kommun', sector: 'municipality' }),
    });
    ids.personal = person.manageToken;
    browser = await launchBrowser();
    // axe runs as a script; the pages themselves carry none.
    // The session from the API login above, handed to the browser (the login form has its own tests).
    const context = await browser.newContext();
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: test.url }]);
    page = await context.newPage();
  }, 180_000); // seeds the demo (some 220 registrations): minutes on a busy shared machine

  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('seeds about 120 participants, a few checked in, and a past conference of the same series with notes and evaluations', async () => {
    const text = async (path: string) => (await page.goto(`${test.url}${path}`))!.text();
    const upcoming = await text(`/admin/conferences/${ids.upcoming}/attendance?lang=sv`);
    expect(upcoming).toMatch(/<dt>Anmälda med plats<\/dt><dd>116<\/dd>/);
    expect(upcoming).toMatch(/<dt>Deltog \(incheckade\)<\/dt><dd>6<\/dd>/);
    const past = await text(`/admin/conferences/${ids.past}/report?lang=sv`);
    expect(past).toMatch(/\d+ personer deltog: \d+ från idéburna organisationer, \d+ från offentlig sektor \(varav \d+ förtroendevalda politiker\)/);
    expect(past).toContain('Bostadsrådgivning på flera språk');
    expect(past).toMatch(/\d+ deltagare besvarade utvärderingen\./);
    const series = await text(`/admin/series/${ids.series}?lang=sv`);
    expect(series).toContain('Dialogkonferens Skåne');
    expect(series).toContain('Dialogkonferens Västra Götaland');
    expect(await api.get('/api/public/conferences/dialogkonferens-goteborg')).toMatchObject({ status: 200 });
  });

  const pages: Array<[string, () => string]> = [
    ['the conference summary', () => `/admin/conferences/${ids.upcoming}/attendance`],
    ['the summary print view', () => `/admin/conferences/${ids.past}/attendance?print=1`],
    ['the series list', () => '/admin/series'],
    ['the series summary', () => `/admin/series/${ids.series}`],
    ['the series print view', () => `/admin/series/${ids.series}?print=1`],
    ['the report draft', () => `/admin/conferences/${ids.past}/report`],
    ['the group notes', () => `/admin/conferences/${ids.past}/group-notes`],
    ['the evaluation summary and settings', () => `/admin/conferences/${ids.past}/evaluation`],
    ['the note-taker page', () => ids.noteTaker],
    ['the participant’s evaluation form', () => `/r/${ids.personal}/evaluation`],
  ];

  describe.each(['sv', 'en'])('in %s', (lang) => {
    it.each(pages)('%s passes axe-core', async (_name, path) => {
      const url = new URL(path(), test.url);
      url.searchParams.set('lang', lang);
      expect((await page.goto(url.toString()))?.status()).toBe(200);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it('an evaluation sent without ratings shows its errors accessibly, then takes the answers', async () => {
    await page.goto(`${test.url}/r/${ids.personal}/evaluation?lang=sv`);
    await page.getByRole('button', { name: 'Skicka utvärderingen' }).click();
    expect(await page.locator('#error-summary').textContent()).toContain('Välj ett betyg för varje fråga.');
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const group of await page.locator('fieldset').all()) await group.getByLabel('4').check();
    await page.getByRole('button', { name: 'Skicka utvärderingen' }).click();
    expect(await page.locator('[role=status]').textContent()).toContain('Tack för dina svar!');
  });
});

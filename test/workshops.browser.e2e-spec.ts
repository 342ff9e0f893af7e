import { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

/** The workshop pages in a browser without JavaScript: forms, the assignment and its groups, refusals, accessibility. */
describe('workshop pages in a real browser', () => {
  let test: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axePage: Page;
  let api: ApiClient;
  let conference: { id: string; slug: string };

  beforeAll(async () => {
    test = await startTestApp();
    browser = await launchBrowser();
    const organiser = await organiserClient(test);
    api = organiser.api;
    conference = await publishedConference(api, { title: 'Dialogkonferens Örebro' });
    await api.post(`/api/conferences/${conference.id}/speakers`, { name: 'Sara Nilsson', title: 'Utvecklare', organisation: 'Länsstyrelsen', sector: 'county_board' });
    // The flows run without JavaScript; axe-core needs it, so it checks the same pages in a second session.
    context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    page = await context.newPage();
    axePage = await (await browser.newContext()).newPage();
    for (const p of [page, axePage]) {
      await p.goto(`${test.url}/admin/login`);
      await p.locator('#email').fill(organiser.email);
      await p.locator('#password').fill(organiser.password);
      await p.locator('button[type=submit]').click();
      await p.waitForURL(`${test.url}/admin`);
    }
  });

  /** The page as it stands (its HTML), checked by axe-core; works for answers to form posts too. */
  const violations = async (of: Page) => {
    await axePage.setContent(await of.content());
    return accessibilityViolations(axePage);
  };
  const violationsAt = async (path: string) => {
    expect((await axePage.goto(`${test.url}${path}`))?.status()).toBe(200);
    return accessibilityViolations(axePage);
  };

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await test?.close();
  });

  it('adds workshops through the form, with its refusals, and no accessibility violations', async () => {
    await page.goto(`${test.url}/admin/conferences/${conference.id}?lang=sv`);
    await page.getByRole('link', { name: 'Workshoppar' }).click();
    await page.waitForURL(`${test.url}/admin/conferences/${conference.id}/workshops`);
    expect(await page.textContent('main')).toContain('Inga workshoppar ännu.');
    await page.getByLabel(/^Namn/).fill('Hälsa');
    await page.getByLabel('Tema').fill('Jämlik hälsa');
    await page.getByLabel(/^Platser per omgång/).fill('0');
    await page.getByLabel('Sara Nilsson, Länsstyrelsen').check();
    await page.getByRole('button', { name: 'Spara' }).click();
    expect(await page.textContent('#error-summary')).toContain('capacity must be at least 1');
    expect(await page.getByLabel(/^Namn/).inputValue()).toBe('Hälsa');
    expect(await violations(page)).toEqual([]);

    await page.getByLabel(/^Platser per omgång/).fill('2');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(`${test.url}/admin/conferences/${conference.id}/workshops`);
    const row = page.locator('main table tbody tr', { hasText: 'Hälsa' });
    expect(await row.textContent()).toContain('Jämlik hälsa');
    const created = (await api.get(`/api/conferences/${conference.id}/workshops`)).body.items[0];
    expect(created).toMatchObject({ title: 'Hälsa', capacity: 2, rounds: [1], inspirers: [{ name: 'Sara Nilsson' }] });
    for (const lang of ['sv', 'en']) {
      expect(await violationsAt(`/admin/conferences/${conference.id}/workshops?lang=${lang}`)).toEqual([]);
      expect(await violationsAt(`/admin/conferences/${conference.id}/workshops/${created.id}?lang=${lang}`)).toEqual([]);
    }
  });

  it('runs the assignment from the page, says the result in words, shows the groups, and re-checks manual moves', async () => {
    const health = (await api.get(`/api/conferences/${conference.id}/workshops`)).body.items[0];
    const housing = (await api.post(`/api/conferences/${conference.id}/workshops`, { title: 'Boende', theme: '', capacity: 3 })).body;
    const names = ['Anna Berg', 'Bo Ek', 'Cilla Ström', 'David Lund'];
    for (const [i, name] of names.entries()) {
      const res = await new ApiClient(test.url).post(`/api/public/conferences/${conference.slug}/registrations`, participant({ name, sector: i % 2 ? 'municipality' : 'civil_society', workshopPreferences: i < 3 ? [health.id, housing.id] : [housing.id] }));
      expect(res.status).toBe(201);
    }
    await page.goto(`${test.url}/admin/conferences/${conference.id}/workshop-assignment?lang=sv`);
    expect(await page.textContent('main')).toContain('Fördelningen har inte körts än.');
    await page.getByRole('button', { name: 'Kör fördelningen' }).click();
    await page.waitForURL(/done=run/);
    const main = await page.textContent('main');
    expect(main).toContain('Fördelningen är klar.');
    expect(main).toContain('3 av 4 med önskemål fick sitt förstahandsval, 1 sitt andrahandsval och 0 sitt tredjehandsval.');
    expect(main).toContain('Bevisat bästa möjliga');
    expect(main).toContain('2 av 2 platser');
    expect(main).toContain('Grupp 1 (2)');
    expect(main).toContain('Alla med plats på konferensen har en workshop.');
    for (const lang of ['sv', 'en']) expect(await violationsAt(`/admin/conferences/${conference.id}/workshop-assignment?lang=${lang}`)).toEqual([]);

    // Hälsa is full: moving David there is refused with the API's reason and status.
    await page.goto(`${test.url}/admin/conferences/${conference.id}/workshop-assignment?lang=sv`);
    await page.getByLabel('Deltagare').selectOption({ label: 'David Lund, Studieförbundet Vuxenskolan' });
    await page.getByLabel('Workshop', { exact: true }).selectOption({ label: 'Hälsa' });
    const refused = page.waitForResponse((r) => r.url().endsWith('/workshop-assignment/move'));
    await page.getByRole('button', { name: 'Spara placeringen' }).click();
    expect((await refused).status()).toBe(409);
    expect(await page.textContent('#error-summary')).toContain('Hälsa is full');
    expect(await violations(page)).toEqual([]);

    // Taking someone out of Hälsa frees the place; David then moves in, locked.
    const inHealth = (await api.get(`/api/conferences/${conference.id}/workshop-assignment`)).body.assignments.find((a: any) => a.workshopId === health.id);
    await page.getByLabel('Deltagare').selectOption(inHealth.registrationId);
    await page.getByLabel('Workshop', { exact: true }).selectOption({ label: 'Ingen workshop (Workshoppar)' });
    await page.getByRole('button', { name: 'Spara placeringen' }).click();
    await page.waitForURL(/done=moved/);
    await page.getByLabel('Deltagare').selectOption({ label: 'David Lund, Studieförbundet Vuxenskolan' });
    await page.getByLabel('Workshop', { exact: true }).selectOption({ label: 'Hälsa' });
    await page.getByRole('button', { name: 'Spara placeringen' }).click();
    await page.waitForURL(/done=moved/);
    const after = await page.textContent('main');
    expect(after).toContain('David Lund, Studieförbundet Vuxenskolan – utanför valen (låst)');
    expect(after).toContain('1 placering ändrad för hand.');
    expect(after).toContain('Utan workshop (1)');

    await page.getByRole('button', { name: 'Skicka e-post till deltagarna om deras workshop' }).click();
    await page.waitForURL(/notified=3/);
  });

  it('refuses to delete a chosen workshop unless the organiser ticks the box, then says what was cleared', async () => {
    const health = (await api.get(`/api/conferences/${conference.id}/workshops`)).body.items[0];
    await page.goto(`${test.url}/admin/conferences/${conference.id}/workshops/${health.id}?lang=sv`);
    const refused = page.waitForResponse((r) => r.url().endsWith('/delete'));
    await page.getByRole('button', { name: 'Ta bort workshoppen' }).click();
    expect((await refused).status()).toBe(409);
    expect(await page.textContent('#error-summary')).toMatch(/3 people have chosen this workshop and 2 are assigned to it/);
    await page.getByLabel(/Ta bort även om deltagare/).check();
    await page.getByRole('button', { name: 'Ta bort workshoppen' }).click();
    await page.waitForURL(/cleared=3/);
    expect(await page.textContent('main')).toContain('Workshoppen togs bort. 3 anmälningars val rensades och 2 placeringar togs bort.');
  });
});

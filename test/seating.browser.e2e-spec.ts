import { Browser } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('table placement page in a real browser (the page has no scripts; axe needs them on)', () => {
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

  it('adds tables in bulk, places everyone, shows the room accessibly and moves someone by picking a table', async () => {
    const { api, email, password } = await organiserClient(test);
    const conference = await publishedConference(api);
    const anonymous = new ApiClient(test.url);
    const sectors = ['civil_society', 'civil_society', 'municipality', 'state_agency', 'civil_society', 'business'];
    for (let i = 0; i < 18; i++)
      await anonymous.post(
        `/api/public/conferences/${conference.slug}/registrations`,
        participant({ name: `Person ${String(i + 1).padStart(2, '0')}`, organisation: i < 2 ? 'Malmö stad' : `Organisation ${i}`, sector: i < 2 ? 'municipality' : sectors[i % 6] }),
      );

    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${test.url}/admin/login`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);

    await page.goto(`${test.url}/admin/conferences/${conference.id}/seating`);
    await page.getByLabel('Antal bord').fill('0');
    await page.getByRole('button', { name: 'Lägg till borden' }).click();
    expect(await page.textContent('#error-summary')).toContain('count must be at least 1');
    await page.getByLabel('Antal bord').fill('3');
    await page.getByLabel('Platser per bord').fill('6');
    await page.getByRole('button', { name: 'Lägg till borden' }).click();
    expect(await page.locator('table.tables tbody tr').count()).toBe(3);

    await page.getByRole('button', { name: 'Placera alla' }).click();
    await page.waitForURL(/seating/);
    const room = page.locator('.room');
    for (const name of ['Bord 1', 'Bord 2', 'Bord 3']) expect(await room.getByRole('heading', { name: new RegExp(`^${name} `) }).count()).toBe(1);
    expect(await page.textContent('#summary ~ ul, section[aria-labelledby=summary]')).toContain('Ingen sitter med någon från samma organisation.');
    // Colour is not the only cue: each person carries the party's name for screen readers and its letter on screen.
    expect(await room.locator('.visually-hidden', { hasText: 'Civilsamhället:' }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Person 01 – Malmö stad' });
    const tableOfSecond = await room.locator('section', { hasText: 'Person 02' }).locator('h3').textContent();
    await page.getByLabel('Till bord').selectOption({ label: tableOfSecond!.split(' (')[0] });
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    // Every table is full: the move is refused with the reason, nothing lost.
    expect(await page.textContent('#error-summary')).toContain('seats taken');

    await page.getByLabel('Antal bord').fill('1');
    await page.getByLabel('Platser per bord').fill('4');
    await page.getByRole('button', { name: 'Lägg till borden' }).click();
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Person 01 – Malmö stad' });
    await page.getByLabel('Till bord').selectOption({ label: 'Bord 4' });
    await page.getByLabel('Behåll personen här vid nya körningar').check();
    await page.getByRole('button', { name: 'Flytta', exact: true }).click();
    const notice = await page.textContent('.notice');
    expect(notice).toContain('Person 01 sitter nu vid Bord 4.');
    expect(notice).toContain('Bord 4 saknar');
    expect(await page.textContent('section[aria-labelledby=fixed]')).toContain('Person 01 – Bord 4');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

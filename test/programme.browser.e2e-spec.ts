import { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { organiserClient, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('programme back office in a browser', () => {
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

  it('adds a speaker and two items through the forms, shows a clash next to the field, and the public page shows them', async () => {
    const organiser = await organiserClient(test);
    const conference = await publishedConference(organiser.api, { title: 'Dialogkonferens Gävleborg' });
    const page = await browser.newPage({ locale: 'sv-SE' });

    await page.goto(`${test.url}/admin/login?lang=sv`);
    await page.fill('#email', organiser.email);
    await page.fill('#password', organiser.password);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('button[type=submit]')]);

    await page.goto(`${test.url}/admin/conferences/${conference.id}?lang=sv`);
    await Promise.all([page.waitForURL(/\/speakers$/), page.click('a[href$="/speakers"]')]);
    await page.fill('#name', 'Fatima Ahmed');
    await page.fill('#title', 'Verksamhetschef');
    await page.fill('#organisation', 'Gävle Frivilligcentral');
    await page.selectOption('#sector', 'civil_society');
    await Promise.all([page.waitForURL(/\/speakers$/), page.click('form[action$="/speakers"] button[type=submit]')]);
    expect(await page.textContent('table')).toContain('Fatima Ahmed');

    await page.goto(`${test.url}/admin/conferences/${conference.id}/programme`);
    await page.selectOption('#kind', 'welcome');
    await page.fill('#title', 'Välkommen');
    await page.fill('#startsAt', '09:00');
    await page.fill('#endsAt', '09:30');
    await Promise.all([page.waitForURL(/\/programme$/), page.click('form[action$="/programme/items"] button[type=submit]')]);

    await page.selectOption('#kind', 'talk');
    await page.fill('#title', 'Goda exempel från Gävle');
    await page.fill('#startsAt', '09:15');
    await page.fill('#endsAt', '10:00');
    await page.selectOption('#speaker0', { label: 'Fatima Ahmed, Gävle Frivilligcentral' });
    await page.click('form[action$="/programme/items"] button[type=submit]');
    // Overlaps the welcome: the clash is shown in the summary and next to the field, and the form keeps the input.
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain('"Välkommen" (09:00–09:30)');
    expect(await page.textContent('.field.has-error')).toContain('Välkommen');
    expect(await page.inputValue('#title')).toBe('Goda exempel från Gävle');

    await page.fill('#startsAt', '09:30');
    await page.selectOption('#role0', 'inspirer');
    await Promise.all([page.waitForURL(/\/programme$/), page.click('form[action$="/programme/items"] button[type=submit]')]);
    const timeline = await page.textContent('.timeline');
    expect(timeline).toContain('Välkommen');
    expect(timeline).toContain('Goda exempel från Gävle');
    expect(timeline).toContain('Fatima Ahmed');

    // A workshop in a room during the talk for everyone is allowed, and the page says what it overlaps.
    await page.selectOption('#kind', 'workshop');
    await page.fill('#title', 'Workshop: Språk');
    await page.fill('#startsAt', '09:45');
    await page.fill('#endsAt', '10:30');
    await page.fill('#room', 'Sal B');
    await Promise.all([page.waitForURL(/\/programme$/), page.click('form[action$="/programme/items"] button[type=submit]')]);
    expect(await page.textContent('#warnings')).toContain('"Workshop: Språk" (09:45–10:30) i Sal B pågår samtidigt som "Goda exempel från Gävle" (09:30–10:00), som är för alla.');

    await page.goto(`${test.url}/c/${conference.slug}?lang=sv`);
    const programme = await page.textContent('.programme');
    expect(programme).toContain('09:00–09:30');
    expect(programme).toContain('Välkommen');
    expect(programme).toContain('09:30–10:00');
    expect(programme).toContain('Goda exempel från Gävle');
    expect(programme).toContain('Fatima Ahmed, Verksamhetschef, Gävle Frivilligcentral (inspiratör)');
    await page.close();
  });
});

import { Browser, Page } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('adapting the automatic e-mails and writing to the seat holders in the back office', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ env: { SMTP_URL: smtp.url } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await test?.close();
    await smtp?.stop();
  });

  const directions = 'Ingången till Folkets Hus är flyttad till parksidan: gå in vid fontänen, {name}.';

  it('puts the organiser\'s directions in the confirmation, and sends "Ny ingång till Folkets Hus" to every seat holder once, in their language', async () => {
    const { api, email, password } = await organiserClient(test);
    const conference = await publishedConference(api, { capacity: 3 });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);

    // From the messages page to the confirmation's texts.
    await page.goto(`${test.url}/admin/conferences/${conference.id}/messages`);
    await page.getByRole('link', { name: 'Automatiska e-brev' }).click();
    expect(await page.textContent('#kind-registration_confirmed')).toContain('Standardtext');
    await page.getByRole('link', { name: 'Bekräftelse' }).click();
    expect(await page.textContent('h1')).toBe('Anpassa e-brevet: Bekräftelse');
    // With nobody registered, the preview is of an imaginary participant (the organiser's name) and says what is generated.
    expect(await page.textContent('#preview-sv')).toContain('avgift på 400 kr');

    // A mistake first: the unknown placeholder is named and linked to its field, and everything typed stays.
    await page.locator('[id="intro.sv"]').fill('Hej {namn}!');
    await page.locator('[id="closing.sv"]').fill('Frågor? Ring Eva.');
    await page.getByRole('button', { name: 'Spara' }).click();
    expect(await page.textContent('#error-summary')).toContain('{namn}');
    expect(await page.getAttribute('#error-summary a', 'href')).toBe('#intro.sv');
    expect(await page.locator('[id="intro.sv"]').inputValue()).toBe('Hej {namn}!');
    expect(await page.locator('[id="closing.sv"]').inputValue()).toBe('Frågor? Ring Eva.');

    await page.locator('[id="intro.sv"]').fill(directions);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = await page.textContent('#preview-sv');
    expect(preview).toContain('Ingången till Folkets Hus är flyttad till parksidan: gå in vid fontänen, Test Organiser.');
    expect(preview!.indexOf('fontänen')).toBeLessThan(preview!.indexOf('avgift på 400 kr'));
    expect(await page.textContent('#preview-en')).not.toContain('fontänen');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/\/texts\/registration_confirmed\?saved=1$/);
    expect(await page.textContent('[role="status"]')).toContain('Texterna är sparade');
    expect(await page.locator('[id="intro.sv"]').inputValue()).toBe(directions);

    // Three register (one in English); the Swedish confirmations carry the directions, the fee sentence as generated.
    const public_ = new ApiClient(test.url);
    const amina = participant({ name: 'Amina Hassan' });
    const john = participant({ name: 'John Smith', sector: 'state_agency' });
    const sara = participant({ name: 'Sara Lind', sector: 'municipality' });
    const waiting = participant({ name: 'Väntande Person' });
    for (const [body, lang] of [[amina, 'sv'], [john, 'en'], [sara, 'sv'], [waiting, 'sv']] as const) {
      expect((await public_.post(`/api/public/conferences/${conference.slug}/registrations?lang=${lang}`, body)).status).toBe(201);
    }
    const [confirmation] = await smtp.waitFor((m) => m.to === amina.email && m.subject.startsWith('Bekräftelse'), 1);
    const paragraphs = confirmation.text.split('\n\n');
    expect(paragraphs[1]).toBe('Ingången till Folkets Hus är flyttad till parksidan: gå in vid fontänen, Amina Hassan.');
    expect(paragraphs).toContain('Anmälan är bindande men kan överlåtas till en kollega. Avbokning ska göras senast 6 oktober 2030 kl. 23:59, annars debiteras en avgift på 400 kr.');
    expect(paragraphs).toContain('Frågor? Ring Eva.');
    const [english] = await smtp.waitFor((m) => m.to === john.email && m.subject.startsWith('Confirmation'), 1);
    expect(english.text).not.toContain('fontänen');

    // Then the message, from the back office after a preview.
    await page.goto(`${test.url}/admin/conferences/${conference.id}/messages/new`);
    await page.locator('[id="subject.sv"]').fill('Ny ingång till Folkets Hus');
    await page.locator('[id="body.sv"]').fill('Hej {name}!\n\nIngången är nu från parken, vid fontänen.');
    await page.locator('[id="subject.en"]').fill('New entrance to Folkets Hus');
    await page.locator('[id="body.en"]').fill('Dear {name},\n\nThe entrance is now from the park, by the fountain.');
    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    expect(await page.textContent('#recipient-count')).toBe('Filtret når 3 mottagare.');
    await page.getByRole('button', { name: 'Skicka till 3 mottagare' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    const sv = await smtp.waitFor((m) => m.subject === 'Ny ingång till Folkets Hus', 2);
    const en = await smtp.waitFor((m) => m.subject === 'New entrance to Folkets Hus', 1);
    expect(sv.map((m) => m.to).sort()).toEqual([amina.email, sara.email].sort());
    expect(en.map((m) => m.to)).toEqual([john.email]);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.subject.endsWith('Folkets Hus'))).toHaveLength(3);

    // Reset to the default text: one button, then a confirmation.
    await page.goto(`${test.url}/admin/conferences/${conference.id}/messages/texts/registration_confirmed`);
    await page.getByRole('button', { name: 'Återställ standardtexten (svenska)' }).click();
    expect(await page.textContent('h1')).toBe('Återställ standardtexten?');
    const confirmUrl = page.url();
    await page.getByRole('button', { name: 'Ja, återställ' }).click();
    await page.waitForURL(/\?reset=sv$/);
    expect(await page.textContent('[role="status"]')).toContain('Standardtexten används igen (svenska)');
    expect(await page.locator('[id="intro.sv"]').inputValue()).toBe('');
    expect(await page.textContent('#preview-sv')).not.toContain('fontänen');

    // axe runs as a script, so the same session looks again with scripts on (the pages have none of their own).
    const axeContext = await browser.newContext({ locale: 'sv-SE', storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    const check = async (p: Page) => expect(await accessibilityViolations(p)).toEqual([]);
    await axePage.goto(`${test.url}/admin/conferences/${conference.id}/messages/texts`);
    await check(axePage);
    await axePage.goto(`${test.url}/admin/conferences/${conference.id}/messages/texts/registration_confirmed`);
    await check(axePage);
    await axePage.locator('[id="intro.en"]').fill('Hello {plats}');
    await axePage.getByRole('button', { name: 'Förhandsgranska' }).click();
    expect(await axePage.textContent('#error-summary')).toContain('{plats}');
    await check(axePage);
    await axePage.goto(`${test.url}/admin/conferences/${conference.id}/messages/texts/registration_cancelled`);
    await axePage.locator('[id="closing.sv"]').fill('Vi hoppas att du kan komma nästa gång.');
    await axePage.getByRole('button', { name: 'Spara' }).click();
    await axePage.getByRole('button', { name: 'Återställ standardtexten (svenska)' }).click();
    expect(axePage.url()).toBe(confirmUrl.replace('registration_confirmed', 'registration_cancelled'));
    await check(axePage);
    await axeContext.close();
    await context.close();
  });
});

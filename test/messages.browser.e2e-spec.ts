import { Browser } from 'playwright-core';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';

describe('composing and sending a message in the back office', () => {
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

  it('previews, sends a test to the organiser, and sends "Ny ingång till Folkets Hus" to every seat holder once', async () => {
    const { api, email, password } = await organiserClient(test);
    const conference = await publishedConference(api, { capacity: 2 });
    const public_ = new ApiClient(test.url);
    const amina = participant({ name: 'Amina Hassan' });
    const john = participant({ name: 'John <Smith>', sector: 'state_agency' });
    const waiting = participant({ name: 'Väntande Person' });
    const aminaToken = (await public_.post(`/api/public/conferences/${conference.slug}/registrations`, amina)).body.manageToken;
    await public_.post(`/api/public/conferences/${conference.slug}/registrations?lang=en`, john);
    await public_.post(`/api/public/conferences/${conference.slug}/registrations`, waiting);

    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${test.url}/admin`);

    await page.goto(`${test.url}/admin/conferences/${conference.id}/messages`);
    expect(await page.textContent('main')).toContain('Inga meddelanden skickade ännu.');
    await page.getByRole('link', { name: 'Nytt meddelande' }).click();
    expect(await page.getByLabel('Platsinnehavare').isChecked()).toBe(true);

    // A mistake first: an unknown placeholder is named, and what was written stays.
    await page.locator('[id="subject.sv"]').fill('Ny ingång till Folkets Hus');
    await page.locator('[id="body.sv"]').fill('Hej {namn}!');
    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    expect(await page.textContent('#error-summary')).toContain('{namn}');
    expect(await page.locator('[id="subject.sv"]').inputValue()).toBe('Ny ingång till Folkets Hus');

    await page.locator('[id="body.sv"]').fill('Hej {name}!\n\nIngången är nu från parken.\n\n- Ta med frågor\n- Se {personalLink}');
    await page.locator('[id="subject.en"]').fill('New entrance to Folkets Hus');
    await page.locator('[id="body.en"]').fill('Dear {name},\n\nThe entrance is now from the park.');
    await page.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    expect(await page.textContent('#recipient-count')).toBe('Filtret når 2 mottagare.');
    const preview = await page.locator('.message-preview').textContent();
    expect(preview).toContain('Hej Amina Hassan!');
    expect(preview).toContain('Dear Amina Hassan,');
    expect(await page.locator('.mail-preview li').first().textContent()).toBe('Ta med frågor');

    // Preview as the other recipient: their name is shown as text, not markup.
    await page.getByLabel('Visa som').selectOption({ label: 'John <Smith>' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    expect(await page.locator('.message-preview').textContent()).toContain('Dear John <Smith>,');

    await page.getByRole('button', { name: 'Skicka ett test till mig' }).click();
    expect(await page.textContent('.message-preview [role="status"]')).toContain(`Ett test är på väg till ${email}`);
    const tests = await smtp.waitFor((m) => m.subject.startsWith('[Test]'), 2);
    expect(tests.every((m) => m.to === email)).toBe(true);

    await page.getByRole('button', { name: 'Skicka till 2 mottagare' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    expect(await page.textContent('h1')).toContain('Ny ingång till Folkets Hus');

    const sv = await smtp.waitFor((m) => m.subject === 'Ny ingång till Folkets Hus', 1);
    const en = await smtp.waitFor((m) => m.subject === 'New entrance to Folkets Hus', 1);
    expect(sv[0].to).toBe(amina.email);
    expect(en[0].to).toBe(john.email);
    expect(en[0].html).toContain('Dear John &lt;Smith&gt;,');
    for (let i = 0; i < 50 && (await page.textContent('#progress-sent')) !== '2'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await page.getByRole('link', { name: 'Uppdatera läget' }).click();
    }
    expect(await page.textContent('#progress-sent')).toBe('2');
    expect(await page.textContent('#progress-failed')).toBe('0');
    const detailUrl = page.url();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.subject.endsWith('Folkets Hus') && !m.subject.startsWith('[Test]'))).toHaveLength(2);
    expect(smtp.received.some((m) => m.to === waiting.email && m.subject.endsWith('Folkets Hus'))).toBe(false);

    await page.getByRole('link', { name: 'Alla meddelanden' }).click();
    expect(await page.textContent('main table')).toContain('Ny ingång till Folkets Hus');

    // axe runs as a script, so the same session looks again with scripts on (the pages have none of their own).
    const axeContext = await browser.newContext({ locale: 'sv-SE', storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    for (const url of [`${test.url}/admin/conferences/${conference.id}/messages`, detailUrl]) {
      await axePage.goto(url);
      expect(await accessibilityViolations(axePage)).toEqual([]);
    }
    await axePage.goto(`${test.url}/admin/conferences/${conference.id}/messages/new`);
    await axePage.locator('[id="subject.sv"]').fill('Hej');
    await axePage.locator('[id="body.sv"]').fill('Hej {name}');
    await axePage.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    expect(await axePage.textContent('#recipient-count')).toBe('Filtret når 2 mottagare.');
    expect(await accessibilityViolations(axePage)).toEqual([]);
    await axePage.locator('[id="body.sv"]').fill('Hej {namn}');
    await axePage.getByRole('button', { name: 'Förhandsgranska' }).first().click();
    expect(await accessibilityViolations(axePage)).toEqual([]);
    // The personal page lists the message Amina received.
    await axePage.goto(`${test.url}/r/${aminaToken}`);
    expect(await axePage.textContent('#messages-received')).toBe('Meddelanden från arrangörerna');
    expect(await axePage.textContent('.messages-received')).toContain('Ingången är nu från parken.');
    expect(await accessibilityViolations(axePage)).toEqual([]);
    await axeContext.close();
    await context.close();
  });
});

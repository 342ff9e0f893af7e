import { Browser } from 'playwright-core';
import { ManualClock } from '@dialogdag/shared';
import { launchBrowser } from './support/browser';
import { personalLink, TestSmtpServer } from './support/smtp';
import { ApiClient, organiserClient, participant, publishedConference, startTestApp, TestApp } from './support/test-app';
import { expectSeatCountersAgree } from './support/seat-counter';

jest.setTimeout(60_000);

describe('personal link in a browser: cancel with the fee shown first, transfer with a receipt', () => {
  let test: TestApp;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let api: ApiClient;
  const clock = new ManualClock('2030-09-01T12:00:00+02:00');

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    await smtp.start();
    test = await startTestApp({ clock, env: { SMTP_URL: smtp.url } });
    api = (await organiserClient(test)).api;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
    await smtp?.stop();
  });
  expectSeatCountersAgree(() => test?.databaseUrl);

  async function registered(slug: string) {
    const person = participant();
    const res = await new ApiClient(test.url).post(`/api/public/conferences/${slug}/registrations`, person);
    expect(res.status).toBe(201);
    const [mail] = await smtp.waitFor((m) => m.to.includes(person.email));
    return { person, link: personalLink(mail) };
  }

  it('cancels after the deadline, seeing "Avbokning nu kostar 400 kr" before confirming', async () => {
    const c = await publishedConference(api);
    const { link } = await registered(c.slug);
    clock.set('2030-10-10T12:00:00+02:00');
    const page = await browser.newPage();
    await page.goto(`${link}?lang=sv`);
    await page.getByRole('link', { name: 'Avboka anmälan' }).click();
    await expect(page.locator('#cancellation-fee').innerText()).resolves.toContain('Avbokning nu kostar 400 kr');
    await page.getByRole('button', { name: 'Bekräfta avbokning' }).click();
    await page.waitForURL(/cancelled=/);
    await expect(page.locator('#registration-status').innerText()).resolves.toContain('avbokad');
    await expect(page.locator('#registration-fee').innerText()).resolves.toContain('400 kr');
    await page.close();
  });

  it('transfers to a colleague, shows a receipt, and the colleague’s new link works while the old one is gone', async () => {
    clock.set('2030-09-01T12:00:00+02:00');
    const c = await publishedConference(api);
    const { link } = await registered(c.slug);
    const page = await browser.newPage();
    await page.goto(`${link}?lang=en`);
    await page.getByRole('link', { name: 'Transfer the registration to a colleague' }).click();
    await page.getByLabel('Colleague’s name').fill('');
    await page.getByRole('button', { name: 'Transfer registration' }).click();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Enter your colleague’s name.');
    const colleagueEmail = `colleague-${Date.now()}@example.org`;
    await page.getByLabel('Colleague’s name').fill('Noor Said');
    await page.getByLabel('Colleague’s e-mail address').fill(colleagueEmail);
    await page.getByRole('button', { name: 'Transfer registration' }).click();
    await page.waitForURL(/\/transferred/);
    await expect(page.locator('main').innerText()).resolves.toContain('transferred to Noor Said');

    const [mail] = await smtp.waitFor((m) => m.to.includes(colleagueEmail));
    const theirs = await page.goto(personalLink(mail));
    expect(theirs?.status()).toBe(200);
    await expect(page.locator('main').innerText()).resolves.toContain('Noor Said');
    const old = await page.goto(link);
    expect(old?.status()).toBe(404);
    await page.close();
  });
});

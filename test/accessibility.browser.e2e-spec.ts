import { Browser, Page } from 'playwright-core';
import { OutboxService } from '@dialogdag/mail';
import { DemoSeeder } from '../apps/api/src/demo.seeder';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { ApiClient, startTestApp, TestApp } from './support/test-app';

/** Every kind of page, checked with axe-core against WCAG 2.1 AA, in Swedish and English. */
describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let test: TestApp;
  let browser: Browser;
  let page: Page;
  let token: string;
  let conferenceId: string;

  beforeAll(async () => {
    test = await startTestApp({ env: { DEMO_DATA: 'true' } });
    const demo = (await test.app.get(DemoSeeder).seed()).demo!;
    const registered = await new ApiClient(test.url).post('/api/public/conferences/dialogkonferens-goteborg/registrations', {
      name: 'Karin Lind',
      email: 'karin@example.org',
      organisation: 'Uppsala kommun',
      sector: 'municipality',
    });
    token = registered.body.manageToken;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${test.url}/admin/login`);
    await page.locator('#email').fill(demo.email);
    await page.locator('#password').fill(demo.password!);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${test.url}/admin`);
    conferenceId = (await page.locator('main table a[href^="/admin/conferences/"]').first().getAttribute('href'))!.split('/').pop()!;
  });

  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  const pages: Array<[string, () => string]> = [
    ['the start page', () => '/'],
    ['the public conference page with its form', () => '/c/dialogkonferens-goteborg'],
    ['the printable programme', () => '/c/dialogkonferens-goteborg/programme'],
    ['the personal page', () => `/r/${token}`],
    ['the cancellation step', () => `/r/${token}/cancel`],
    ['the transfer form', () => `/r/${token}/transfer`],
    ['the login page', () => '/admin/login'],
    ['the back office start', () => '/admin'],
    ['the account page', () => '/admin/account'],
    ['the new-conference form', () => '/admin/conferences/new'],
    ['the conference overview', () => `/admin/conferences/${conferenceId}`],
    ['the conference form', () => `/admin/conferences/${conferenceId}/edit`],
    ['the programme editor', () => `/admin/conferences/${conferenceId}/programme`],
    ['the speakers', () => `/admin/conferences/${conferenceId}/speakers`],
    ['the outbox', () => `/admin/conferences/${conferenceId}/outbox`],
    ['the participant list', () => `/admin/conferences/${conferenceId}/registrations`],
    ['the printable participant list', () => `/admin/conferences/${conferenceId}/registrations?print=1`],
    ['the check-in page', () => `/admin/conferences/${conferenceId}/check-in?q=karin`],
    ['the fees', () => `/admin/conferences/${conferenceId}/fees`],
    ['the diets', () => `/admin/conferences/${conferenceId}/diets?names=true`],
    ['who runs the conference', () => `/admin/conferences/${conferenceId}/members`],
    ['the organiser accounts', () => '/admin/organisers'],
  ];

  for (const [name, path] of pages) {
    for (const lang of ['sv', 'en']) {
      it(`${name} (${lang}) has no violations`, async () => {
        const response = await page.goto(`${test.url}${path()}${path().includes('?') ? '&' : '?'}lang=${lang}`);
        expect(response?.status()).toBe(200);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    }
  }

  it('the invitation page, for someone without an account, has no violations', async () => {
    await page.goto(`${test.url}/admin/conferences/${conferenceId}/members?lang=en`);
    await page.locator('#email').fill('invited@example.org');
    await page.locator('#role').selectOption('checkin');
    await page.locator('form[action$="/members/invite"] button[type=submit]').click();
    const { items } = await test.app.get(OutboxService).listForConference(conferenceId);
    const link = /http:\/\/\S+\/invitations\/[\w-]+\?lang=en/.exec(items.find((m) => m.recipient === 'invited@example.org')!.textBody)![0];
    const anonymous = await browser.newPage();
    try {
      expect((await anonymous.goto(link))?.status()).toBe(200);
      expect(await accessibilityViolations(anonymous)).toEqual([]);
    } finally {
      await anonymous.close();
    }
  });

  it('a form with errors has no violations', async () => {
    await page.goto(`${test.url}/c/dialogkonferens-goteborg?lang=sv`);
    await page.locator('form[action^="/c/"] button[type=submit]').click();
    expect(await page.locator('#error-summary').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

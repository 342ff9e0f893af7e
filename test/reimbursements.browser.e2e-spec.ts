import { Browser, Page } from 'playwright-core';
import { ManualClock } from '@dialogdag/shared';
import { accessibilityViolations } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { claimsFixture } from './reimbursements.fixture';
import { publishedConference } from './support/test-app';

jest.setTimeout(90_000);

/** Travel claims in a browser without JavaScript: the claimant's pages and the back office. */
describe('travel claims in a browser', () => {
  const clock = new ManualClock('2030-10-21T10:00:00+02:00');
  const f = claimsFixture(clock);
  let browser: Browser;
  const anonymous = () => f.anonymous();
  const register = (slug: string, overrides: Record<string, unknown> = {}) => f.register(slug, overrides);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(() => clock.set('2030-10-21T10:00:00+02:00'));
  afterAll(async () => {
    await browser?.close();
  });

  async function noViolations(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  it('a volunteer claims a car journey with two passengers, seeing SEK 600 before submitting; a passenger sees whose car they ride in', async () => {
    const c = await publishedConference(f.api);
    const driver = await register(c.slug, { name: 'Amina Hassan', organisation: 'Studieförbundet Vuxenskolan' });
    const p1 = await register(c.slug, { name: 'Noor Said', organisation: 'Kvinnojouren Kalmar' });
    await register(c.slug, { name: 'Erik Lund', organisation: 'Kalmar kommun', sector: 'municipality', isVolunteer: false });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    await page.goto(`${f.test.url}/r/${driver.manageToken}?lang=sv`);
    await page.getByRole('link', { name: 'Sök reseersättning' }).click();
    await page.waitForURL(/\/travel-claim/);
    await page.getByLabel(/Varifrån reste du/).fill('Kalmar');
    await page.getByLabel(/Sträcka tur och retur/).fill('240');
    await page.getByLabel('Bil', { exact: true }).check();
    await page.getByLabel('Sök deltagare').fill('kalmar');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByLabel('Noor Said (Kvinnojouren Kalmar)').check();
    await page.getByLabel('Erik Lund (Kalmar kommun)').check();
    // Nothing is sent before the amount has been shown.
    expect(await page.getByRole('button', { name: 'Skicka ansökan' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Visa ersättningen' }).last().click();
    await expect(page.locator('#claim-amount-total').innerText()).resolves.toBe('Ersättning: 600 kr');
    await expect(page.locator('#claim-amount').innerText()).resolves.toContain('Bil: 240 km × 2,50 kr');
    expect(await page.getByLabel('Noor Said (Kvinnojouren Kalmar)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.waitForURL(/received=1/);
    await expect(page.locator('main').innerText()).resolves.toContain('Din ansökan har kommit in');
    await expect(page.locator('#claim-stage').innerText()).resolves.toBe('ny');
    await expect(page.locator('#claim-computed').innerText()).resolves.toBe('600 kr');
    await expect(page.locator('#claim-facts').innerText()).resolves.toContain('Erik Lund, Noor Said');

    await page.goto(`${f.test.url}/r/${driver.manageToken}?lang=sv`);
    await expect(page.locator('#travel-claim-status').innerText()).resolves.toMatch(/^Ärende RE-\d{5}: ny, 600 kr\.$/);
    await page.goto(`${f.test.url}/r/${p1.manageToken}?lang=sv`);
    await expect(page.locator('main').innerText()).resolves.toContain('Du reser med Amina Hassan (Studieförbundet Vuxenskolan)');
    await page.goto(`${f.test.url}/r/${p1.manageToken}/travel-claim?lang=sv`);
    await expect(page.locator('main').innerText()).resolves.toContain('Du reser med Amina Hassan (Studieförbundet Vuxenskolan)');
    expect(await page.getByRole('button', { name: 'Visa ersättningen' }).count()).toBe(0);

    // Until it is decided, the claim can be corrected (the amount is shown again) or withdrawn.
    await page.goto(`${f.test.url}/r/${driver.manageToken}/travel-claim?lang=sv`);
    await page.getByRole('link', { name: 'Ändra ansökan' }).click();
    expect(await page.getByLabel('Noor Said (Kvinnojouren Kalmar)').isChecked()).toBe(true);
    await page.getByLabel('Erik Lund (Kalmar kommun)').uncheck();
    await page.getByLabel(/Sträcka tur och retur/).fill('300,5');
    await page.getByRole('button', { name: 'Visa ersättningen' }).last().click();
    await expect(page.locator('#claim-amount-total').innerText()).resolves.toBe('Ersättning: 751,25 kr');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.waitForURL(/corrected=1/);
    await expect(page.locator('#claim-computed').innerText()).resolves.toBe('751,25 kr');
    await expect(page.locator('#claim-facts').innerText()).resolves.not.toContain('Erik Lund');
    await page.getByRole('button', { name: 'Återkalla ansökan' }).click();
    await page.waitForURL(/withdrawn=1/);
    await expect(page.locator('main').innerText()).resolves.toContain('Ansökan är återkallad.');
    expect(await page.getByLabel(/Varifrån reste du/).inputValue()).toBe('');
    await context.close();
  });

  it('shows the reasons to a municipal official and to a 60 km journey, keeping what was typed', async () => {
    const c = await publishedConference(f.api);
    const official = await register(c.slug, { sector: 'municipality', isVolunteer: false });
    const volunteer = await register(c.slug);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${f.test.url}/r/${official.manageToken}/travel-claim?lang=en`);
    await expect(page.locator('#claim-refusal').innerText()).resolves.toContain('Only volunteers can claim travel reimbursement');
    await expect(page.locator('#claim-refusal').innerText()).resolves.toContain('Municipality or city district');

    await page.goto(`${f.test.url}/r/${volunteer.manageToken}/travel-claim?lang=en`);
    await page.getByLabel(/Where did you travel from/).fill('Lund');
    await page.getByLabel(/Distance there and back/).fill('60');
    await page.getByRole('button', { name: 'Show the amount' }).last().click();
    await expect(page.locator('#error-summary').innerText()).resolves.toContain('The journey must be at least 100 km there and back; you gave 60 km.');
    expect(await page.getByLabel(/Where did you travel from/).inputValue()).toBe('Lund');
    await page.getByLabel(/Distance there and back/).fill('far');
    await page.getByRole('button', { name: 'Show the amount' }).last().click();
    await expect(page.locator('#roundTripKm-error').innerText()).resolves.toContain('distance there and back');
    await context.close();
  });

  it('takes a public-transport receipt by content and payee details on the claim page', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${f.test.url}/r/${volunteer.manageToken}/travel-claim?lang=en`);
    await page.getByLabel(/Where did you travel from/).fill('Växjö');
    await page.getByLabel(/Distance there and back/).fill('412,5');
    await page.getByLabel('Public transport', { exact: true }).check();
    await page.getByLabel('Ticket cost (SEK)').fill('459,50');
    await page.getByRole('button', { name: 'Show the amount' }).last().click();
    await expect(page.locator('#claim-amount-total').innerText()).resolves.toBe('Reimbursement: SEK 459.50');
    await page.getByLabel(/Ticket receipt/).setInputFiles({ name: 'ticket.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not really a pdf') });
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await expect(page.locator('#receipt-error').innerText()).resolves.toBe('The receipt must be a PDF, JPEG or PNG file.');
    await page.getByLabel(/Ticket receipt/).setInputFiles({ name: 'ticket.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF') });
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await page.waitForURL(/received=1/);
    await expect(page.locator('#claim-facts').innerText()).resolves.toContain('uploaded');

    await page.getByLabel('Clearing number').fill('8327-9');
    await page.getByLabel('Account number').fill('123');
    await page.getByRole('button', { name: 'Save payee details' }).click();
    await expect(page.locator('#accountNumber-error').innerText()).resolves.toContain('5–12 digits');
    await page.getByLabel('Account number').fill('9876543210');
    await page.getByRole('button', { name: 'Save payee details' }).click();
    await page.waitForURL(/payee=1/);
    expect(await page.locator('main').innerText()).not.toContain('9876543210');
    await expect(page.locator('#claim-payee').innerText()).resolves.toMatch(/^given /);
    await context.close();
  });

  it('lets the organiser review, approve, pay and export, with the bank details only on the review page', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug, { name: 'Fatima Ali', organisation: 'Hyresgästföreningen' });
    const claim = await anonymous().post(`/api/public/registrations/${volunteer.manageToken}/travel-claim`, {
      fromPlace: 'Borås', roundTripKm: 240, mode: 'car', payee: { bankgiro: '5678-8888' },
    });
    expect(claim.status).toBe(201);
    clock.set('2030-11-05T10:00:00+01:00');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${f.test.url}/admin/login?lang=sv`);
    await page.getByLabel('E-postadress').fill(f.organiser.email);
    await page.getByLabel('Lösenord').fill(f.organiser.password);
    await page.getByRole('button', { name: 'Logga in' }).click();

    await page.goto(`${f.test.url}/admin/conferences/${c.id}/travel-claims?lang=sv`);
    await expect(page.locator('#travel-claims').innerText()).resolves.toContain('Fatima Ali');
    expect(await page.locator('main').innerText()).not.toContain('8888');
    await page.getByRole('link', { name: `Granska ${claim.body.reference}` }).click();
    await expect(page.locator('#payee-details').innerText()).resolves.toContain('Bankgiro 5678-8888');
    await page.getByLabel('Justera beloppet').check();
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await expect(page.locator('#error-summary').innerText()).resolves.toContain('Ange det justerade beloppet.');
    await page.getByLabel(/Bevilja beräknat belopp/).check();
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await page.waitForURL(/decided=1/);
    await expect(page.locator('#claim-stage').innerText()).resolves.toBe('beviljad');
    await page.getByLabel('Utbetalningsdag').fill('2030-11-04');
    await page.getByRole('button', { name: 'Markera som utbetald' }).click();
    await page.waitForURL(/paid=1/);
    await expect(page.locator('#claim-stage').innerText()).resolves.toBe('utbetald');
    await page.getByRole('link', { name: 'Alla ansökningar' }).click();
    await expect(page.locator('#travel-budget').innerText()).resolves.toContain('600 kr');
    await expect(page.locator('#travel-summary').innerText()).resolves.toContain('240');
    await context.close();
  });

  it('passes axe (WCAG 2.1 A and AA) on the claim form with its amount, the claim, the queue and the review page', async () => {
    const c = await publishedConference(f.api);
    const volunteer = await register(c.slug, { name: 'Maja Nilsson', organisation: 'Röda Korset Kalmar' });
    await register(c.slug, { name: 'Karl Berg', organisation: 'Röda Korset Kalmar' });
    // axe runs as a script, so this page has JavaScript on; the pages themselves have none.
    const page = await browser.newPage();
    await page.goto(`${f.test.url}/r/${volunteer.manageToken}/travel-claim?lang=sv`);
    await noViolations(page);
    await page.getByLabel(/Varifrån reste du/).fill('Kalmar');
    await page.getByLabel(/Sträcka tur och retur/).fill('20');
    await page.getByLabel('Sök deltagare').fill('röda');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await noViolations(page);
    await page.getByLabel('Karl Berg (Röda Korset Kalmar)').check();
    await page.getByRole('button', { name: 'Visa ersättningen' }).last().click();
    await expect(page.locator('#error-summary').innerText()).resolves.toContain('minst 100 km');
    await noViolations(page);
    await page.getByLabel(/Sträcka tur och retur/).fill('310');
    await page.getByRole('button', { name: 'Visa ersättningen' }).last().click();
    await expect(page.locator('#claim-amount-total').innerText()).resolves.toBe('Ersättning: 775 kr');
    await noViolations(page);
    await page.getByRole('button', { name: 'Skicka ansökan' }).click();
    await page.waitForURL(/received=1/);
    await noViolations(page);

    await page.goto(`${f.test.url}/admin/login?lang=sv`);
    await page.getByLabel('E-postadress').fill(f.organiser.email);
    await page.getByLabel('Lösenord').fill(f.organiser.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto(`${f.test.url}/admin/conferences/${c.id}/travel-claims?lang=sv`);
    await noViolations(page);
    await page.locator('#travel-claims a').first().click();
    await page.waitForURL(/\/admin\/travel-claims\//);
    await noViolations(page);
    await page.close();
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { connect, eventually, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, submitReferral, type OfficeFixture } from './fixtures';
import { chooseWithKeyboard, expectAccessible, headingOf, tabTo, typeWithKeyboard } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'PROSECUTORLAND');
  context = await personContext(test_);
  page = await context.newPage();
  await page.goto('/sign-in');
  await expectAccessible(page, test_, 'sign-in');
  // The identity provider's account page is part of every person's way in: it is scanned too.
  await signIn(page, test_, office.prosecutor, '/', (providerPage) =>
    expectAccessible(providerPage, test_, 'identity-provider-sign-in'),
  );
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

describe('a prosecutor', () => {
  it('sees the office home', async () => {
    await page.goto('/');
    expect(await headingOf(page)).toBe('Your office’s referrals');
    await expectAccessible(page, test_, 'prosecutor-home');
  });

  it('submits a referral with errors, sees each one, corrects them with the keyboard alone, and sees it screened and offered', async () => {
    await page.goto('/referrals/new');
    await expectAccessible(page, test_, 'referral-form');
    // First attempt: a case number and a name only.
    await page.locator('#caseNumber').fill('PROS-2026-0001');
    await page.locator('#parties-0-fullName').fill('Robin Example');
    await page.getByRole('button', { name: 'Submit the referral' }).click();
    expect(await page.title()).toMatch(/^Error: Submit a referral/);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.isVisible()).toBe(true);
    const problems = await summary.locator('a').allTextContents();
    expect(problems.some((text) => /Date of the incident/.test(text))).toBe(true);
    expect(problems.some((text) => /Person responsible: full name/.test(text))).toBe(true);
    // What was entered is still there.
    expect(await page.locator('#caseNumber').inputValue()).toBe('PROS-2026-0001');
    expect(await page.locator('#parties-0-fullName').inputValue()).toBe('Robin Example');
    await expectAccessible(page, test_, 'referral-form-errors');

    // Now only the keyboard.
    await page.locator('body').focus();
    await typeWithKeyboard(page, 'jurisdiction', 'P');
    await chooseWithKeyboard(page, 'source-2');
    await typeWithKeyboard(page, 'offense-code', 'SR-350');
    await typeWithKeyboard(page, 'offense-category', 'property_damage');
    await chooseWithKeyboard(page, 'offense-severity-2');
    await typeWithKeyboard(page, 'incidentDate-day', '1');
    await typeWithKeyboard(page, 'incidentDate-month', '10');
    await typeWithKeyboard(page, 'incidentDate-year', '2026');
    await chooseWithKeyboard(page, 'stage-2');
    await chooseWithKeyboard(page, 'protectiveOrder-2');
    await typeWithKeyboard(page, 'reportBackBy-day', '30');
    await typeWithKeyboard(page, 'reportBackBy-month', '6');
    await typeWithKeyboard(page, 'reportBackBy-year', '2027');
    await chooseWithKeyboard(page, 'parties-0-minor-2');
    await typeWithKeyboard(page, 'parties-0-contact-email', 'robin@example.org');
    await chooseWithKeyboard(page, 'parties-0-contact-safeChannels');
    await typeWithKeyboard(page, 'parties-0-preferredLanguage', 'en');
    await chooseWithKeyboard(page, 'parties-0-interpreter-2');
    await typeWithKeyboard(page, 'parties-1-fullName', 'Casey Example');
    await chooseWithKeyboard(page, 'parties-1-minor-2');
    await typeWithKeyboard(page, 'parties-1-contact-phone', '+1 555 0100');
    await chooseWithKeyboard(page, 'parties-1-contact-safeChannels-3');
    await typeWithKeyboard(page, 'parties-1-preferredLanguage', 'en');
    await chooseWithKeyboard(page, 'parties-1-interpreter-2');
    await tabTo(page, 'notes');
    await page.keyboard.press('Tab');
    const posted = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.keyboard.press('Enter');
    await (await posted).finished();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Referral submitted');
    expect(await headingOf(page)).toBe('Referral PROS-2026-0001');
    await expectAccessible(page, test_, 'referral-submitted');
    // Screening and matching happen through Kafka: the page shows the offer once it exists.
    await eventually(async () => {
      await page.reload();
      return (await page.locator('.govuk-tag').first().textContent())?.includes('Offered to a programme');
    }, 'the referral to be offered to the partner');
    expect(await page.getByText('A programme has been asked and has until the date below to answer.').isVisible()).toBe(
      true,
    );
    await expectAccessible(page, test_, 'referral-offered');
  });

  it('finds the referral by its case number, which never appears in a URL', async () => {
    await page.goto('/referrals/search');
    await expectAccessible(page, test_, 'search');
    await page.locator('#caseNumber').fill('  pros-2026-0001 ');
    await page.getByRole('button', { name: 'Find' }).click();
    expect(page.url()).not.toContain('PROS');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    await expectAccessible(page, test_, 'search-results');
  });

  it('lists referrals filtered on the server', async () => {
    await page.goto('/referrals?status=offered');
    expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, test_, 'referrals-list');
    await page.goto('/referrals?status=completed');
    expect(await page.getByText('No referral matches these filters.').isVisible()).toBe(true);
  });

  it('withdraws another referral after confirming why', async () => {
    const referralId = await submitReferral(test_, office, 'PROS-2026-0002');
    await page.goto(`/referrals/${referralId}`);
    await page.getByRole('link', { name: 'Withdraw the referral' }).click();
    expect(await headingOf(page)).toBe('Withdraw the referral');
    await page.getByRole('button', { name: 'Withdraw the referral' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select why the referral is withdrawn');
    await expectAccessible(page, test_, 'withdraw-errors');
    await page.getByLabel('The charges were dropped').check();
    await page.getByRole('button', { name: 'Withdraw the referral' }).click();
    await page.waitForURL(new RegExp(`/referrals/${referralId}$`));
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Withdrawn');
    await expectAccessible(page, test_, 'referral-withdrawn');
  });

  it('extends a report-back date', async () => {
    const referralId = await submitReferral(test_, office, 'PROS-2026-0003');
    await page.goto(`/referrals/${referralId}/extend`);
    await expectAccessible(page, test_, 'extend');
    await page.locator('#reportBackBy-day').fill('31');
    await page.locator('#reportBackBy-month').fill('12');
    await page.locator('#reportBackBy-year').fill('2027');
    await page.getByRole('button', { name: 'Extend' }).click();
    await page.waitForURL(new RegExp(`/referrals/${referralId}$`));
    expect(await page.getByText('31 December 2027').first().isVisible()).toBe(true);
  });

  it('keeps the office’s register of staff training: who has none comes first, and the figures count them (issue 22)', async () => {
    await page.goto('/office/staff');
    expect(await headingOf(page)).toBe('Staff training in restorative justice');
    expect(await page.getByText('Nobody is on the register yet.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add to the register' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the name of the member of staff');
    await expectAccessible(page, test_, 'prosecutor-staff-errors');
    for (const name of ['Ada Advocate', 'Bo Clerk']) {
      await page.locator('#fullName').fill(name);
      await page.getByRole('button', { name: 'Add to the register' }).click();
      await page.waitForURL(/\/office\/staff$/);
    }
    await page
      .locator('#staff tbody tr', { hasText: 'Ada Advocate' })
      .getByRole('link', { name: 'Record training' })
      .click();
    expect(await headingOf(page)).toBe('Record restorative-justice training');
    await page.locator('#course').fill('Restorative principles for prosecutors');
    await page.locator('#completedOn').fill('2026-09-14');
    await page.locator('#hours').fill('6');
    await expectAccessible(page, test_, 'prosecutor-staff-training-form');
    await page.getByRole('button', { name: 'Save training' }).click();
    await page.waitForURL(/\/office\/staff$/);
    const rows = await page.locator('#staff tbody tr').allTextContents();
    expect(rows[0]).toMatch(/Bo Clerk[\s\S]*No training yet/);
    expect(rows[1]).toMatch(/Ada Advocate[\s\S]*Restorative principles for prosecutors[\s\S]*6 hours/);
    expect(await page.locator('#staff-figures').textContent()).toMatch(
      /Staff on the register\s*2[\s\S]*Trained\s*1[\s\S]*No training yet\s*1/,
    );
    await expectAccessible(page, test_, 'prosecutor-staff');
    await page.goto('/figures');
    expect(await page.locator('#staff-training-figures').textContent()).toContain(
      '1 of 2 staff on the register have completed restorative-justice training (6 hours in all); 1 has none yet.',
    );
  });

  it('signs out, which ends the session', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const signOut = page.getByRole('button', { name: 'Yes, sign me out' });
    if (await signOut.isVisible().catch(() => false)) await signOut.click();
    await page.waitForURL(/\/signed-out$/);
    expect(await headingOf(page)).toBe('You have signed out');
    await expectAccessible(page, test_, 'signed-out');
    await page.goto('/referrals');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});

describe('a prosecutor of the demo office', () => {
  it('reads a completed case’s outcome report and the follow-ups page', async () => {
    const demo = await personContext(test_);
    const demoPage = await demo.newPage();
    // The demo seed's first office: its prosecutor is the identity provider's prosecutor-1.
    await signIn(demoPage, test_, 'prosecutor-1', '/referrals?status=completed');
    const first = demoPage.locator('table tbody tr a').first();
    await first.click();
    await demoPage.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    expect(await demoPage.locator('.govuk-tag').first().textContent()).toContain('Completed');
    await expectAccessible(demoPage, test_, 'referral-completed');
    await demoPage.getByRole('link', { name: 'Read the outcome report' }).click();
    expect(await headingOf(demoPage)).toBe('Outcome report');
    expect(await demoPage.locator('.govuk-summary-list').first().textContent()).toContain('Completed');
    await expectAccessible(demoPage, test_, 'outcome-report');
    await demoPage.goto('/follow-ups');
    expect(await headingOf(demoPage)).toBe('Follow-ups');
    await expectAccessible(demoPage, test_, 'follow-ups');
    await demo.close();
  });
});

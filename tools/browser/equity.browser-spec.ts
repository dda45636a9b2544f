import type { BrowserContext, Page } from 'playwright-core';
import { connect, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let contexts: BrowserContext[] = [];

const lastYear = new Date().getUTCFullYear() - 1;

async function signedIn(account: string): Promise<Page> {
  const context = await personContext(test_);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, test_, account, '/');
  return page;
}

/**
 * Equity of access in the console (issue 20): a prosecutor supplies the count of eligible cases
 * the office did not refer, is told what is wrong with a bad count, and sees it with the equity
 * figures; an administrator sees it by office. The self-declared attributes appear as tables of
 * their own, in aggregate only.
 */
beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'EQUITYLAND');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  contexts = [];
  await test_?.close();
});

describe('eligible cases not referred and equity of access', () => {
  let prosecutor: Page;

  beforeAll(async () => {
    prosecutor = await signedIn(office.prosecutor);
  });

  it('refuses a count that is not a whole number, saying so beside the field', async () => {
    await prosecutor.goto(`/equity/eligible-not-referred?year=${lastYear}`);
    expect(await headingOf(prosecutor)).toBe(`Eligible cases not referred, ${lastYear}`);
    await expectAccessible(prosecutor, test_, 'eligible-not-referred');
    await prosecutor.locator('#month').selectOption(`${lastYear}-03`);
    await prosecutor.locator('#count').fill('-3');
    await prosecutor.getByRole('button', { name: 'Save the count' }).click();
    expect(await prosecutor.locator('.govuk-error-summary').isVisible()).toBe(true);
    expect(await prosecutor.locator('#count-error').textContent()).toMatch(/Number of cases/);
    expect(await prosecutor.locator('#count').inputValue()).toBe('-3');
    await expectAccessible(prosecutor, test_, 'eligible-not-referred-error');
  });

  it('saves a month’s count and lists it', async () => {
    await prosecutor.locator('#month').selectOption(`${lastYear}-03`);
    await prosecutor.locator('#count').fill('12');
    await prosecutor.getByRole('button', { name: 'Save the count' }).click();
    await prosecutor.getByText('Count saved').waitFor();
    const march = prosecutor.locator('#supplied tr', { hasText: `March ${lastYear}` });
    expect((await march.locator('td').textContent())?.trim()).toBe('12');
    await expectAccessible(prosecutor, test_, 'eligible-not-referred-saved');
  });

  it('shows it with the equity figures, and every attribute as its own table', async () => {
    await prosecutor.goto(`/equity?period=${lastYear}`);
    expect(await headingOf(prosecutor)).toBe(`Equity of access, ${lastYear}`);
    const row = prosecutor.locator('#eligible-not-referred tr', { hasText: 'Your office' });
    expect((await row.locator('td').textContent())?.trim()).toBe('12');
    for (const title of ['Preferred language', 'Ethnicity (self-declared)', 'Gender (self-declared)'])
      await prosecutor.getByRole('heading', { level: 2, name: title }).waitFor();
    await expectAccessible(prosecutor, test_, 'equity');
  });

  it('answers a period that is not a calendar period with the problem, not with figures for it', async () => {
    const response = await prosecutor.goto('/equity?period=last-year');
    expect(response?.status()).toBe(400);
    expect(await prosecutor.locator('#period-error').textContent()).toMatch(/a year \(2026\), a quarter/);
    await expectAccessible(prosecutor, test_, 'equity-error');
  });

  it('shows an administrator the counts by office name', async () => {
    const admin = await signedIn('admin-1');
    await admin.goto(`/equity?period=${lastYear}`);
    const names = await admin.locator('#eligible-not-referred tbody th').allTextContents();
    expect(names.map((name) => name.trim())).toContain('All offices that supplied counts');
    expect(names.length).toBeGreaterThanOrEqual(2);
    await expectAccessible(admin, test_, 'equity-admin');
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { connect, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let context: BrowserContext;
let page: Page;

const HEADER = [
  'source',
  'case_number',
  'jurisdiction',
  'offense_code',
  'offense_category',
  'offense_severity',
  'incident_date',
  'stage',
  'protective_order',
  'report_back_by',
  'harmed_full_name',
  'harmed_minor',
  'harmed_email',
  'harmed_safe_channels',
  'harmed_preferred_language',
  'harmed_interpreter',
  'responsible_full_name',
  'responsible_minor',
  'responsible_phone',
  'responsible_safe_channels',
  'responsible_preferred_language',
  'responsible_interpreter',
];

function csv(jurisdiction: string, tag: string): string {
  const row = (n: number, harmedEmail: string, responsibleChannels: string) =>
    [
      'prosecutor',
      `IMPORT-${tag}-${n}`,
      jurisdiction,
      'SR-350',
      'property_damage',
      'misdemeanor',
      '2026-02-01',
      'pre_trial',
      'false',
      '2099-06-30',
      `Robin Import ${n}`,
      'false',
      harmedEmail,
      'email',
      'es',
      'false',
      `Casey Import ${n}`,
      'false',
      '+1 555 0100',
      responsibleChannels,
      'en',
      'false',
    ].join(',');
  return (
    [
      HEADER.join(','),
      row(1, `robin1.${tag}@example.org`, 'phone'),
      row(2, 'not-an-address', ''),
      row(3, `robin3.${tag}@example.org`, 'phone'),
    ].join('\r\n') + '\r\n'
  );
}

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'IMPORTLAND');
  context = await personContext(test_);
  page = await context.newPage();
  await signIn(page, test_, office.prosecutor, '/');
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

describe('a prosecutor importing referrals from a spreadsheet', () => {
  const file = {
    name: 'referrals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv('IMPORTLAND', String(Date.now()))),
  };

  it('is told to choose a file when none was chosen', async () => {
    await page.goto('/referrals/import');
    expect(await headingOf(page)).toBe('Import referrals from a spreadsheet');
    await expectAccessible(page, test_, 'referral-import');
    await page.getByRole('button', { name: 'Import the referrals' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Choose a CSV file');
    await expectAccessible(page, test_, 'referral-import-no-file');
  });

  it('sees each row created or refused with its problems by column, and nothing created twice on a second upload', async () => {
    await page.goto('/referrals/import');
    await page.locator('#file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import the referrals' }).click();
    const rows = page.locator('table.govuk-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect((await rows.nth(0).textContent())?.replace(/\s+/g, ' ')).toContain('Created');
    const refused = (await rows.nth(1).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(refused).toContain('Not imported');
    expect(refused).toContain('harmed_email: must be an email');
    expect(refused).toContain('responsible_safe_channels: must name the safe channels');
    expect(await page.locator('main').textContent()).toContain('2 referrals created and screened');
    await expectAccessible(page, test_, 'referral-import-report');

    await page.locator('#file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import the referrals' }).click();
    expect(await page.locator('main').textContent()).toContain('0 referrals created and screened');
    expect(await page.locator('main').textContent()).toContain('2 already imported before');
    // The created referral's page opens from the report.
    await page.locator('table.govuk-table tbody tr').nth(0).getByRole('link').click();
    expect(page.url()).toMatch(/\/referrals\/[0-9a-f-]{36}$/);
  });
});

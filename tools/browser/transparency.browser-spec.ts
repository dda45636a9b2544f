import type { BrowserContext, Page } from 'playwright-core';
import {
  accessibilityViolations,
  api,
  apiToken,
  connect,
  eventually,
  personContext,
  type BrowserTest,
} from './browser-test';
import { officeWithPartner, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let context: BrowserContext;
let page: Page;

/**
 * The public transparency report, opened by someone who never signs in: the office opts its
 * jurisdiction in through the API, then a visitor reads the list, last year's report (too few
 * referrals there: the page says only that), the definitions and the CSV and JSON beside it.
 */
beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'OPENLAND');
  const prosecutor = await apiToken(test_, { account: office.prosecutor });
  // outcome-tracking learns the office's jurisdictions from office.registered: wait for it.
  await eventually(async () => {
    const answer = await api(
      test_,
      'outcome-tracking',
      'PUT',
      `/api/publication-opt-ins/${office.jurisdiction}`,
      prosecutor,
      { optedIn: true },
    );
    return answer.status === 200;
  }, 'the opt-in accepted');
  context = await personContext(test_);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

const lastYear = String(new Date().getUTCFullYear() - 1);

it('lists the published jurisdictions without sign-in', async () => {
  const response = await page.goto(`${test_.info.consoleUrl}/transparency`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('public, max-age=3600');
  expect(await headingOf(page)).toBe('Restorative justice: published figures');
  await expectAccessible(page, test_, 'transparency-index');
  await page.getByRole('link', { name: lastYear, exact: true }).first().waitFor();
});

it('shows a report whose figures link to their definitions, printable, with CSV and JSON at stable addresses', async () => {
  const response = await page.goto(`${test_.info.consoleUrl}/transparency/${office.jurisdiction}/${lastYear}`);
  expect(response?.status()).toBe(200);
  expect(await headingOf(page)).toBe(`Restorative justice figures, ${lastYear}`);
  await expect(page.getByText('Fewer than 10 referrals: nothing more is published').isVisible()).resolves.toBe(true);
  await expectAccessible(page, test_, 'transparency-report');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, test_, 'transparency-report-print');
  await page.emulateMedia({ media: 'screen' });
  const json = await fetch(`${test_.info.consoleUrl}/transparency/${office.jurisdiction}/${lastYear}.json`);
  expect(json.status).toBe(200);
  expect(await json.json()).toMatchObject({ jurisdiction: office.jurisdiction, period: lastYear, tooFew: true });
  const csv = await fetch(`${test_.info.consoleUrl}/transparency/${office.jurisdiction}/${lastYear}.csv`);
  expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
  expect(await csv.text()).toContain(`"${office.jurisdiction}","${lastYear}","Referred"`);
  await page.getByRole('link', { name: /Referred/ }).click();
  expect(page.url()).toContain('/transparency/definitions#referred');
  await expectAccessible(page, test_, 'transparency-definitions');
});

it('answers not found for a jurisdiction nobody published and for a period not ended', async () => {
  expect((await page.goto(`${test_.info.consoleUrl}/transparency/NOWHERE/${lastYear}`))?.status()).toBe(404);
  expect(
    (
      await page.goto(`${test_.info.consoleUrl}/transparency/${office.jurisdiction}/${new Date().getUTCFullYear() + 1}`)
    )?.status(),
  ).toBe(404);
});

it('has an accessibility scan that finds what WCAG 2.2 AA forbids, and only that', async () => {
  // Every page of every journey passes the scan: this proves the scan would fail one. The public
  // page is broken as a careless change would break it (an image without a text alternative, a
  // field without a label), with a skipped heading level, which WCAG leaves to best practice.
  await page.goto(`${test_.info.consoleUrl}/transparency`);
  await page.evaluate(
    `document.querySelector('main').insertAdjacentHTML('beforeend', '<h5>Skipped levels</h5><img src="/nothing.png"><input id="unlabelled-field">')`,
  );
  const found = await accessibilityViolations(page);
  const rules = found.map((violation) => violation.id);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  expect(rules).not.toContain('heading-order');
  expect(found.find((violation) => violation.id === 'label')?.nodes).toEqual(['#unlabelled-field']);
});

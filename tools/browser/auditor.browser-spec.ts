import type { BrowserContext, Page } from 'playwright-core';
import { api, apiToken, connect, eventually, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, submitReferral, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let referralId: string;
let acceptedAt: string;
let context: BrowserContext;
let page: Page;

/**
 * A referral made through the APIs moves a little (screened, offered, accepted by the partner);
 * then the auditor follows it through the ledger in the browser.
 */
beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'AUDITORLAND');
  referralId = await submitReferral(test_, office, 'AUD-2026-0001');
  // Five more, so the jurisdiction's figures are large enough to be published (and drawn).
  for (let n = 2; n <= 6; n++) await submitReferral(test_, office, `AUD-2026-000${n}`);
  const partner = await apiToken(test_, { account: office.partnerAdmin });
  const offer = await eventually(async () => {
    const offers = await api(test_, 'partner-matching', 'GET', '/api/offers', partner);
    return offers.body?.items?.find((item: any) => item.referralId === referralId && item.status === 'pending');
  }, 'the offer to the partner');
  const accepted = await api(test_, 'partner-matching', 'POST', `/api/offers/${offer.id}/accept`, partner);
  expect(accepted.status).toBe(200);
  const auditorToken = await apiToken(test_, { account: 'auditor' });
  const timeline = await eventually(async () => {
    const answer = await api(test_, 'audit-ledger', 'GET', `/api/audit/referrals/${referralId}/timeline`, auditorToken);
    return answer.status === 200 && answer.body.items.some((item: any) => item.eventType === 'offer.accepted')
      ? answer.body
      : undefined;
  }, 'the acceptance in the ledger');
  acceptedAt = timeline.items.find((item: any) => item.eventType === 'offer.accepted').occurredAt;
  // A signed checkpoint, so the checkpoints page and the verify form have one to show.
  const admin = await apiToken(test_, { account: 'admin-1' });
  expect((await api(test_, 'audit-ledger', 'POST', '/api/audit/checkpoints', admin)).status).toBe(201);

  context = await personContext(test_);
  page = await context.newPage();
  await signIn(page, test_, 'auditor', '/audit');
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

describe('an auditor', () => {
  it('sees the oversight home: last verification, unusual reads, exceptions, cases to review', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await headingOf(page)).toBe('Oversight');
    for (const heading of [
      'The chain’s last verification',
      'Unusual reads of personal data',
      'Exceptions',
      'Cases to review',
    ]) {
      expect(await page.getByRole('heading', { level: 2, name: heading }).isVisible()).toBe(true);
    }
    await expectAccessible(page, test_, 'auditor-home');
  });

  it('finds the referral in the ledger, each event in words with its sequence, hashes and actor', async () => {
    await page.goto('/audit/events');
    await page.locator('#referralId').fill(referralId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/audit\/events\?.*referralId=/);
    const table = page.locator('table.govuk-table');
    expect(await table.getByText('The referral was submitted').isVisible()).toBe(true);
    expect(await table.getByText('A programme accepted the case').isVisible()).toBe(true);
    expect(
      await table
        .getByText(/^Prosecutor prosecutor-\d+/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await table.locator('code').first().textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, test_, 'auditor-search');
    // A filter that cannot be applied is said, not ignored.
    await page.goto('/audit/events?organisationId=nope');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Organisation must be');
    await expectAccessible(page, test_, 'auditor-search-error');
  });

  it('downloads the search as CSV and as NDJSON, streamed through the console', async () => {
    await page.goto(`/audit/events?referralId=${referralId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ledger-export.csv');
    const csv = await context.request.get(`/audit/events/export?referralId=${referralId}&format=csv`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const csvText = await csv.text();
    expect(csvText.startsWith('sequence,event_id,topic,')).toBe(true);
    expect(csvText).toContain('referral.submitted');
    const ndjson = await context.request.get(`/audit/events/export?referralId=${referralId}&format=ndjson`);
    expect(ndjson.headers()['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = (await ndjson.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ sequence: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.every((line) => line.event.referralId === referralId)).toBe(true);
  });

  it('opens the referral’s timeline across the services, with the reads apart', async () => {
    await page.goto(`/audit/events?referralId=${referralId}`);
    await page
      .getByRole('link', { name: /^Timeline/ })
      .first()
      .click();
    await page.waitForURL(`**/audit/referrals/${referralId}`);
    expect(await headingOf(page)).toBe('Referral timeline');
    const timeline = page.locator('.moj-timeline');
    for (const sentence of [
      'The referral was submitted',
      'The referral was screened against the jurisdiction’s policy',
      'The case was offered to a programme',
      'A programme accepted the case',
    ]) {
      expect(await timeline.getByText(sentence, { exact: true }).count()).toBeGreaterThan(0);
    }
    expect(await timeline.getByText('Someone read personal data').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Who read it' }).isVisible()).toBe(true);
    await expectAccessible(page, test_, 'auditor-timeline');
  });

  it('sees the case as it stood when the programme accepted it, and what changed since', async () => {
    await page.getByRole('link', { name: 'See the case as it stood at a moment' }).click();
    expect(await headingOf(page)).toBe('State at a moment');
    await expectAccessible(page, test_, 'auditor-state-form');
    await page.locator('#date').fill(acceptedAt.slice(0, 10));
    await page.locator('#time').fill(acceptedAt.slice(11, 19));
    await page.getByRole('button', { name: 'Show the case then' }).click();
    await page.waitForURL(/\/state\?date=/);
    expect(await page.getByRole('heading', { level: 2, name: /^The case at / }).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toMatch(/The referral was accepted by a programme\./);
    expect(await page.getByRole('heading', { name: 'What happened since' }).isVisible()).toBe(true);
    await expectAccessible(page, test_, 'auditor-state-at-acceptance');
  });

  it('follows a completed demo case from its submission to its outcome, and sees it as it stood when it was accepted', async () => {
    const auditorToken = await apiToken(test_, { account: 'auditor' });
    const completed = await api(
      test_,
      'referral-intake',
      'GET',
      '/api/referrals?status=completed&limit=1',
      auditorToken,
    );
    const completedId: string = completed.body.items[0].id;
    await page.goto(`/audit/referrals/${completedId}`);
    const timeline = page.locator('.moj-timeline');
    for (const sentence of [
      'The referral was submitted',
      'A programme accepted the case',
      'An agreement was recorded',
      'The case was completed',
    ]) {
      expect(await timeline.getByText(sentence, { exact: true }).count()).toBeGreaterThan(0);
    }
    await expectAccessible(page, test_, 'auditor-timeline-completed');
    const ledger = await api(
      test_,
      'audit-ledger',
      'GET',
      `/api/audit/referrals/${completedId}/timeline`,
      auditorToken,
    );
    const accepted: string = ledger.body.items.find((item: any) => item.eventType === 'offer.accepted').occurredAt;
    await page.goto(
      `/audit/referrals/${completedId}/state?date=${accepted.slice(0, 10)}&time=${encodeURIComponent(accepted.slice(11, 19))}`,
    );
    expect(await page.locator('main').textContent()).toMatch(/The referral was accepted by a programme\./);
    expect(await page.getByRole('heading', { name: 'What happened since' }).isVisible()).toBe(true);
    await expectAccessible(page, test_, 'auditor-state-completed-case');
  });

  it('runs a verification of the whole chain and watches it to the end', async () => {
    await page.goto('/audit/verify');
    await expectAccessible(page, test_, 'auditor-verify');
    await page.getByRole('button', { name: 'Start the verification' }).click();
    await page.waitForURL(/\/audit\/verifications\/[0-9a-f-]{36}$/);
    // The page updates itself; it ends on the verdict.
    await page.getByRole('heading', { name: 'The chain is intact' }).waitFor({ timeout: 60_000 });
    expect(await headingOf(page)).toBe('Verification finished');
    expect(await page.locator('#verification-progress').textContent()).toMatch(/Events checked\s*(\d+) of \1 \(100%\)/);
    await expectAccessible(page, test_, 'auditor-verification-passed');
  });

  it('sees the signed checkpoints with their signature status and how to check one offline', async () => {
    await page.goto('/audit/checkpoints');
    expect(await headingOf(page)).toBe('Signed checkpoints');
    expect(await page.locator('table .govuk-tag').first().textContent()).toBe('Valid');
    expect(await page.getByText('npm run auditor -- checkpoint fetch').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'auditor-checkpoints');
  });

  it('sees the outcome figures as accessible charts with the same numbers in tables, and downloads one as CSV', async () => {
    const auditorToken = await apiToken(test_, { account: 'auditor' });
    const metrics = await eventually(async () => {
      const answer = await api(test_, 'outcome-tracking', 'GET', '/api/metrics?jurisdiction=AUDITORLAND', auditorToken);
      return answer.body?.figures?.referralsBySource?.police?.value === 6 ? answer.body : undefined;
    }, 'the six referrals in the figures');
    await page.goto('/figures');
    expect(await headingOf(page)).toBe('Outcome figures');
    await page.locator('#jurisdiction').fill('AUDITORLAND');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await page.waitForURL(/jurisdiction=AUDITORLAND/);
    const bySource = page.locator('#chart-referrals-by-source-title').locator('..');
    expect(await bySource.getAttribute('role')).toBe('img');
    // The bar carries the API's figure, and the table beside it says the same number.
    expect(await bySource.locator('rect').getAttribute('data-value')).toBe(
      String(metrics.figures.referralsBySource.police.value),
    );
    expect(await page.locator('#referrals-by-source-table tbody tr').first().textContent()).toMatch(/Police\s*6/);
    // A chart draws exactly the figures its table publishes: none withheld, none without a value.
    for (const table of await page.locator('table[id$="-table"]').all()) {
      const id = ((await table.getAttribute('id')) ?? '').replace(/-table$/, '');
      const published = await table.locator('tbody td.govuk-table__cell--numeric:not(:has(em))').count();
      expect(await page.locator(`#chart-${id}-title`).locator('..').locator('rect').count()).toBe(published);
    }
    await expectAccessible(page, test_, 'figures');
    const csv = await context.request.get('/figures/csv/referrals-by-source?jurisdiction=AUDITORLAND');
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toBe('figure,value,shown as,based on\r\nPolice,6,6,\r\n');
  });
});

describe('other roles', () => {
  async function asPerson<T>(
    account: string,
    journey: (page: Page, context: BrowserContext) => Promise<T>,
  ): Promise<T> {
    const personal = await personContext(test_);
    try {
      const personalPage = await personal.newPage();
      await signIn(personalPage, test_, account);
      return await journey(personalPage, personal);
    } finally {
      await personal.close();
    }
  }

  it.each([
    ['a prosecutor', () => office.prosecutor, 200],
    ['a partner administrator', () => office.partnerAdmin, 404],
  ])('%s gets the not-found page for every auditor page', async (who, account, figuresStatus) => {
    await asPerson(account(), async (personalPage, personal) => {
      for (const path of [
        '/audit',
        '/audit/events',
        `/audit/referrals/${referralId}`,
        `/audit/referrals/${referralId}/state`,
        '/audit/verify',
        '/audit/checkpoints',
      ]) {
        const response = await personalPage.goto(path);
        expect({ who, path, status: response?.status() }).toEqual({ who, path, status: 404 });
        expect(await headingOf(personalPage)).toBe('Page not found');
      }
      expect((await personal.request.get(`/audit/events/export?referralId=${referralId}&format=csv`)).status()).toBe(
        404,
      );
      await expectAccessible(personalPage, test_, `${who.replace(/^an? /, '').replace(/ /g, '-')}-audit-not-found`);
      // The figures are for prosecutors (their own office's), administrators and auditors only.
      expect((await personalPage.goto('/figures'))?.status()).toBe(figuresStatus);
      if (figuresStatus === 200) {
        expect(await personalPage.getByText('You see your office’s referrals only.').isVisible()).toBe(true);
        await expectAccessible(personalPage, test_, 'prosecutor-figures');
      }
    });
  });

  it('an administrator may open the auditor pages too', async () => {
    await asPerson('admin-1', async (personalPage) => {
      await personalPage.goto('/audit');
      expect(await headingOf(personalPage)).toBe('Oversight');
      expect(await personalPage.getByRole('navigation', { name: 'Oversight pages' }).isVisible()).toBe(true);
      await expectAccessible(personalPage, test_, 'admin-oversight');
    });
  });
});

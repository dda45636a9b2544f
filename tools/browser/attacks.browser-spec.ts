import Redis from 'ioredis';
import type { BrowserContext, Page } from 'playwright-core';
import { connect, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, submitReferral, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let otherOffice: OfficeFixture;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'GUARDLAND');
  otherOffice = await officeWithPartner(test_, 'ELSEWHERE');
  context = await personContext(test_);
  page = await context.newPage();
  await signIn(page, test_, office.prosecutor);
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

/** The id of this browser's console session, from its signed cookie (`s:<id>.<signature>`). */
async function sessionId(browserContext: BrowserContext): Promise<string> {
  const cookie = (await browserContext.cookies()).find((candidate) => candidate.name === 'rj.console.sid');
  if (!cookie) throw new Error('no session cookie');
  return decodeURIComponent(cookie.value).replace(/^s:/, '').split('.')[0];
}

describe('the console under attack and failure', () => {
  it('answers a form posted without its CSRF token with the 403 page, and changes nothing', async () => {
    const referralId = await submitReferral(test_, office, 'GUARD-0001');
    const response = await page.request.post(`/referrals/${referralId}/withdraw`, {
      form: { reasonCode: 'other' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('You cannot do that');
    await page.goto(`/referrals/${referralId}`);
    expect(await page.locator('.govuk-tag').first().textContent()).not.toContain('Withdrawn');
    await page.setContent(
      await (
        await page.request.post(`/referrals/${referralId}/withdraw`, { form: { reasonCode: 'other', _csrf: 'forged' } })
      ).text(),
    );
    expect(await headingOf(page)).toBe('You cannot do that');
  });

  it('shows the not-found page for another office’s referral and for another role’s pages', async () => {
    const foreign = await submitReferral(test_, otherOffice, 'ELSE-0001');
    const response = await page.goto(`/referrals/${foreign}`);
    expect(response?.status()).toBe(404);
    expect(await headingOf(page)).toBe('Page not found');
    expect(await page.content()).not.toContain('ELSE-0001');
    await expectAccessible(page, test_, 'not-found');
    expect((await page.goto('/admin/review-queue'))?.status()).toBe(404);
    expect((await page.goto('/referrals/not-a-uuid'))?.status()).toBe(404);
  });

  it('sends a person whose session went idle to sign in, then back where they were', async () => {
    const referralId = await submitReferral(test_, office, 'GUARD-0002');
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    try {
      const key = `${test_.info.sessionPrefix}${await sessionId(context)}`;
      const stored = JSON.parse((await redis.get(key)) ?? 'null');
      expect(stored?.user).toBeTruthy();
      // As if the last request had been 31 minutes ago.
      stored.lastSeenAt = Date.now() - 31 * 60_000;
      await redis.set(key, JSON.stringify(stored), 'KEEPTTL');
    } finally {
      redis.disconnect();
    }
    await page.goto(`/referrals/${referralId}`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByText('You were signed out because you were inactive').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'sign-in-after-idle');
    await page.getByRole('button', { name: /Sign in with your organisation/ }).click();
    // The identity provider still knows the person, or asks again.
    const account = page.locator(`input[name="account"][value="${office.prosecutor}"]`);
    if (await account.isVisible().catch(() => false)) {
      await account.check();
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.waitForURL(new RegExp(`/referrals/${referralId}$`));
    expect(await headingOf(page)).toBe('Referral GUARD-0002');
  });

  it('shows an error page with the reference when a service stops answering, and keeps a form’s values', async () => {
    await page.goto('/referrals/new');
    await page.locator('#caseNumber').fill('GUARD-0003');
    await page.locator('#parties-0-fullName').fill('Robin Example');
    const intake = test_.info.pids['referral-intake'];
    process.kill(intake, 'SIGSTOP');
    try {
      await page.getByRole('button', { name: 'Submit the referral' }).click();
      await page.waitForLoadState('load');
      const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      expect(summary).toMatch(/could not be submitted just now.*Reference: [0-9a-f-]{36}/s);
      expect(await page.locator('#caseNumber').inputValue()).toBe('GUARD-0003');
      expect(await page.locator('#parties-0-fullName').inputValue()).toBe('Robin Example');
      await expectAccessible(page, test_, 'referral-form-service-down');
      const listing = await page.goto('/referrals');
      expect(listing?.status()).toBe(500);
      expect(await headingOf(page)).toBe('Sorry, there is a problem');
      expect(await page.locator('[data-correlation-id]').textContent()).toMatch(/^[0-9a-f-]{36}$/);
      await expectAccessible(page, test_, 'error-page');
    } finally {
      process.kill(intake, 'SIGCONT');
    }
  });
});

import type { BrowserContext, Page } from 'playwright-core';
import { api, apiToken, connect, eventually, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, submitReferral, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let admin1: BrowserContext;
let page: Page;

async function statusOf(referralId: string): Promise<string> {
  const token = await apiToken(test_, { account: 'admin-1' });
  return (await api(test_, 'referral-intake', 'GET', `/api/referrals/${referralId}`, token)).body.status;
}

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'ADMINLAND');
  admin1 = await personContext(test_);
  page = await admin1.newPage();
  await signIn(page, test_, 'admin-1');
});

afterAll(async () => {
  await admin1?.close();
  await test_?.close();
});

describe('an administrator', () => {
  it('sees the review queue on the home page', async () => {
    const referralId = await submitReferral(test_, office, 'ADM-2026-0001', { protectiveOrder: true });
    await page.goto('/');
    await expectAccessible(page, test_, 'admin-home');
    await page.goto('/admin/review-queue');
    expect(await page.locator(`a[href="/admin/review-queue/${referralId}"]`).count()).toBe(1);
    // The queue shows offence facts, never who is involved.
    expect(await page.content()).not.toContain('Robin Example');
    await expectAccessible(page, test_, 'admin-review-queue');
  });

  it('decides a review with a reason, and the referral goes on to matching', async () => {
    const referralId = await submitReferral(test_, office, 'ADM-2026-0002', { protectiveOrder: true });
    await page.goto(`/admin/review-queue/${referralId}`);
    await expectAccessible(page, test_, 'admin-review-decide');
    await page.getByLabel('Yes, it is eligible').check();
    await page
      .getByLabel('Reason for your decision')
      .fill('The protective order concerns a third person; the victim asked for this.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.waitForLoadState('load');
    await eventually(
      async () => (['matching', 'offered'].includes(await statusOf(referralId)) ? true : null),
      'the reviewed referral to go to matching',
    );
  });

  it('needs a second administrator to override an excluded domestic-violence category', async () => {
    const referralId = await submitReferral(test_, office, 'ADM-2026-0003', {
      offense: { code: 'DV-1', category: 'domestic_violence', severity: 'misdemeanor' },
    });
    expect(await statusOf(referralId)).toBe('ineligible');
    await page.goto(`/admin/review-queue/${referralId}`);
    await expectAccessible(page, test_, 'admin-override-decide');
    // An excluded referral can only be made eligible: the page asks for the reason alone.
    await page
      .getByLabel('Reason for your decision')
      .fill('Specialist programme available; the person harmed asked for a dialogue.');
    await page.getByRole('button', { name: 'Ask for approval of the override' }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page, test_, 'admin-override-requested');
    expect(await statusOf(referralId)).toBe('ineligible');

    // The same administrator cannot approve their own request.
    // Its request is found through its referral: the queue is shared by every test file and
    // lists every administrator's requests, newest first, so its first row need not be this one.
    await page.goto(`/admin/review-queue/${referralId}`);
    const approvalPath = (await page.getByRole('link', { name: 'View the request' }).getAttribute('href')) ?? '';
    expect(approvalPath).toMatch(/^\/admin\/review-queue\/approvals\//);
    await page.goto('/admin/review-queue');
    expect(await page.locator(`a[href="${approvalPath}"]`).count()).toBe(1);
    await page.goto(approvalPath);
    await expectAccessible(page, test_, 'admin-approval-own');
    const approveOwn = page.getByRole('button', { name: 'Approve the override' });
    if (await approveOwn.isVisible()) {
      await approveOwn.click();
      await page.waitForLoadState('load');
      expect(await page.content()).toContain('Another admin has to approve it');
    }
    expect(await statusOf(referralId)).toBe('ineligible');

    // A second administrator approves it.
    const admin2 = await personContext(test_);
    const second = await admin2.newPage();
    await signIn(second, test_, 'admin-2');
    // Their home page says an override waits for them.
    expect(await second.getByRole('heading', { name: 'Overrides waiting for your approval' }).isVisible()).toBe(true);
    await expectAccessible(second, test_, 'admin-home-override-waiting');
    await second.locator(`a[href="${approvalPath}"]`).click();
    expect(new URL(second.url()).pathname).toBe(approvalPath);
    await second.getByRole('button', { name: 'Approve the override' }).click();
    await second.waitForLoadState('load');
    await eventually(
      async () => (['matching', 'offered', 'unmatched'].includes(await statusOf(referralId)) ? true : null),
      'the approved override to take effect',
    );
    await admin2.close();
  });

  it('edits a jurisdiction’s screening policy and sees its version history', async () => {
    await page.goto(`/admin/screening-policies/${office.jurisdiction}`);
    await expectAccessible(page, test_, 'admin-policy-edit');
    await page.locator('input[name="excludedSeverities"][value="felony"]').check();
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.waitForLoadState('load');
    const token = await apiToken(test_, { account: 'admin-1' });
    const policy = await api(test_, 'referral-intake', 'GET', `/api/screening-policies/${office.jurisdiction}`, token);
    expect(policy.body.excludedSeverities).toContain('felony');
    await page.goto(`/admin/screening-policies/${office.jurisdiction}`);
    expect(await page.content()).toMatch(/[Vv]ersion 1/);
    await expectAccessible(page, test_, 'admin-policy-saved');
    await page.goto(`/admin/screening-policies/${office.jurisdiction}/versions/1`);
    await expectAccessible(page, test_, 'admin-policy-version');
  });

  it('opens the offices and partners, and erases a referral’s personal data after a confirmation', async () => {
    await page.goto('/admin/offices');
    await expectAccessible(page, test_, 'admin-offices');
    await page.goto('/admin/offices/new');
    await expectAccessible(page, test_, 'admin-office-new');
    await page.goto('/admin/partners');
    await expectAccessible(page, test_, 'admin-partners');
    await page.goto(`/admin/partners/${office.partnerId}/edit`);
    await expectAccessible(page, test_, 'admin-partner-edit');
    await page.goto('/admin/partners/new');
    await expectAccessible(page, test_, 'admin-partner-new');
    await page.goto(`/admin/partners/${office.partnerId}/deactivate`);
    await expectAccessible(page, test_, 'admin-partner-deactivate');
    await page.goto(`/admin/offices/${office.officeId}/edit`);
    await expectAccessible(page, test_, 'admin-office-edit');
    await page.goto('/admin/screening-policies');
    await expectAccessible(page, test_, 'admin-policies');

    const referralId = await submitReferral(test_, office, 'ADM-2026-0004');
    await page.goto(`/admin/referrals/${referralId}/erase`);
    await expectAccessible(page, test_, 'admin-erase-confirm');
    await page.getByRole('button', { name: 'Erase the personal data' }).click();
    await page.waitForURL(new RegExp(`/referrals/${referralId}$`));
    const token = await apiToken(test_, { account: 'admin-1' });
    const referral = await api(test_, 'referral-intake', 'GET', `/api/referrals/${referralId}`, token);
    expect(referral.body.personalDataErasedAt).toBeTruthy();
    expect(referral.body.parties[0].fullName).toBeNull();
    expect(await headingOf(page)).toMatch(/^Referral/);
  });

  it('sets a jurisdiction’s practice thresholds, starting from the standards’ defaults (issue 22)', async () => {
    await page.goto('/admin/practice-records');
    expect(await headingOf(page)).toBe('Credentials to verify');
    await page.getByRole('link', { name: 'Practice thresholds per jurisdiction' }).click();
    await expectAccessible(page, test_, 'admin-practice-thresholds-pick');
    await page.locator('#jurisdiction').fill(office.jurisdiction);
    await page.getByRole('button', { name: 'Show thresholds' }).click();
    expect(await page.locator('#version').textContent()).toContain('uses the platform’s defaults');
    expect(await page.locator('#minBasicMediationHours').inputValue()).toBe('30');
    expect(await page.locator('#supervisionIntervalDays').inputValue()).toBe('84');
    await page.locator('#caseloadCap').fill('8');
    await page.locator('#timeZone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Time zone');
    await expectAccessible(page, test_, 'admin-practice-thresholds-errors');
    await page.locator('#timeZone').fill('Europe/Amsterdam');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Thresholds saved');
    expect(await page.locator('#version').textContent()).toContain('Version 1 is in force.');
    expect(await page.locator('#caseloadCap').inputValue()).toBe('8');
    await expectAccessible(page, test_, 'admin-practice-thresholds');
  });

  it('signs out', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const confirm = page.getByRole('button', { name: 'Yes, sign me out' });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page.waitForURL(/\/signed-out$/);
  });
});

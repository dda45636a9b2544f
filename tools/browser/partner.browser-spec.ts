import type { BrowserContext, Page } from 'playwright-core';
import { connect, eventually, personContext, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, qualifyMediator, submitReferral, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let context: BrowserContext;
let page: Page;
let offerUrl: string;
let caseUrl: string;

// The people of the fixture's referral: no page may name them before the offer is accepted.
const NAMES = /Robin Example|Casey Example/;
const MEDIATOR_SUB = 'mediator-partnerland-1';

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'PARTNERLAND');
  await submitReferral(test_, office, 'PART-2026-0001');
  context = await personContext(test_);
  page = await context.newPage();
  await signIn(page, test_, office.partnerAdmin);
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

const banner = () => page.locator('.govuk-notification-banner__heading').textContent();

describe('a partner administrator', () => {
  it('lands on the programme’s home and sees the offer of the prosecutor’s referral with the time left to answer', async () => {
    expect(new URL(page.url()).pathname).toBe('/partner');
    expect(await headingOf(page)).toBe('Your programme');
    // Screening and matching go through Kafka: the home page shows the offer once it is made.
    await eventually(async () => {
      await page.reload();
      return (await page.getByRole('link', { name: 'Answer', exact: true }).count()) > 0;
    }, 'the offer to reach the partner');
    expect(await page.locator('#offers ~ table').textContent()).toMatch(
      /Answer within 1 day and 23 hours|Answer within 2 days/,
    );
    expect(await page.content()).not.toMatch(NAMES);
    await expectAccessible(page, test_, 'partner-home');
  });

  it('sees the time left to answer count down while the inbox stays open', async () => {
    // A browser's clock is its context's: a context of its own keeps the fake one away from the other pages.
    const clockContext = await personContext(test_);
    const clockPage = await clockContext.newPage();
    await clockPage.clock.install();
    await signIn(clockPage, test_, office.partnerAdmin, '/partner/offers');
    const left = clockPage.locator('[data-expires-at]').first();
    expect(await left.textContent()).toMatch(/^Answer within (1 day and 23 hours|2 days)$/);
    await clockPage.clock.runFor('25:00:00');
    expect(await left.textContent()).toMatch(/^Answer within 2[23] hours$/);
    expect(await left.getAttribute('class')).toBeNull();
    await clockContext.close();
  });

  it('reads the anonymous offer in the inbox, and a decline without a reason is refused in words', async () => {
    await page.goto('/partner/offers');
    expect(await page.locator('table tbody tr').count()).toBe(1);
    expect(await page.content()).not.toMatch(NAMES);
    await expectAccessible(page, test_, 'partner-offers');

    await page.getByRole('link', { name: 'Answer', exact: true }).click();
    expect(await headingOf(page)).toBe('An offer of a case');
    offerUrl = page.url();
    const facts = await page.locator('.govuk-summary-list').textContent();
    expect(facts).toContain('Damage to property (misdemeanour)');
    expect(facts).toContain('PARTNERLAND');
    expect(facts).toContain('English');
    expect(facts).toContain('What is asked');
    expect(await page.content()).not.toMatch(NAMES);
    await expectAccessible(page, test_, 'partner-offer');

    await page.getByRole('button', { name: 'Decline this offer' }).click();
    expect(await page.getByRole('group', { name: 'Why do you decline this offer?' }).isVisible()).toBe(true);
    await expectAccessible(page, test_, 'partner-offer-decline');
    await page.getByRole('button', { name: 'Decline the offer' }).click();
    expect(await page.title()).toMatch(/^Error: Decline this offer/);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select why you decline this offer');
    await expectAccessible(page, test_, 'partner-offer-decline-errors');
  });

  it('accepts the offer after confirming, and the case it opens names the people', async () => {
    await page.goto(`${offerUrl}/accept`);
    expect(await headingOf(page)).toBe('Are you sure you want to accept this offer?');
    expect(await page.content()).not.toMatch(NAMES);
    await expectAccessible(page, test_, 'partner-offer-accept');
    await page.getByRole('button', { name: 'Accept the offer' }).click();
    await page.waitForURL(offerUrl);
    expect(await banner()).toContain('Offer accepted');
    // The case opens when scheduling hears of the acceptance.
    await eventually(async () => {
      await page.goto(offerUrl);
      return (await page.getByRole('link', { name: 'Open the case' }).count()) > 0;
    }, 'the accepted offer’s case to open');
    await expectAccessible(page, test_, 'partner-offer-accepted');
    await page.getByRole('link', { name: 'Open the case' }).click();
    caseUrl = page.url();
    expect(caseUrl).toMatch(/\/partner\/cases\/[0-9a-f-]{36}$/);
    await expectAccessible(page, test_, 'partner-case-new');
    expect(await page.locator('table').first().textContent()).toMatch(
      /Robin Example[\s\S]*Person harmed[\s\S]*English/,
    );
    expect(await page.getByText('No mediator is on this case yet.').isVisible()).toBe(true);
  });

  it('keeps the organisation’s profile, with specialist status read-only', async () => {
    await page.goto('/partner/profile');
    expect(await page.getByText('Not a specialist programme (decided by an administrator)').isVisible()).toBe(true);
    expect(await page.locator('[name="specialties"]').count()).toBe(0);
    await expectAccessible(page, test_, 'partner-profile');
    await page.locator('#capacity').fill('-3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Capacity must be 0 or more');
    expect(await page.locator('#capacity').inputValue()).toBe('-3');
    expect(await page.locator('#languages').inputValue()).toBe('en, es');
    await expectAccessible(page, test_, 'partner-profile-errors');
    await page.locator('#capacity').fill('40');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await banner()).toContain('Profile saved');
    expect(await page.locator('#capacity').inputValue()).toBe('40');
  });

  it('registers a mediator, after the form says what is missing', async () => {
    await page.goto('/partner/mediators');
    expect(await page.getByText('No mediator is registered yet.').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'partner-mediators-empty');
    await page.getByRole('button', { name: 'Register a mediator' }).click();
    await expectAccessible(page, test_, 'partner-mediator-form');
    await page.locator('#fullName').fill('Mia Mediator');
    await page.getByRole('button', { name: 'Register mediator' }).click();
    const problems = await page.locator('.govuk-error-summary').textContent();
    expect(problems).toContain('Enter the mediator’s account id');
    expect(problems).toContain('Enter the mediator’s work e-mail address');
    expect(await page.locator('#fullName').inputValue()).toBe('Mia Mediator');
    await expectAccessible(page, test_, 'partner-mediator-form-errors');
    await page.locator('#sub').fill(MEDIATOR_SUB);
    await page.locator('#email').fill('mia@partnerland.example');
    await page.getByRole('button', { name: 'Register mediator' }).click();
    await page.waitForURL(/\/partner\/mediators$/);
    expect(await banner()).toContain('Mediator registered');
    expect(await page.locator('table tbody tr').first().textContent()).toMatch(
      /Mia Mediator[\s\S]*mia@partnerland\.example[\s\S]*0[\s\S]*Active/,
    );
    await expectAccessible(page, test_, 'partner-mediators');
  });

  it('records a credential, an administrator verifies it, and only then can the mediator be proposed (issue 22)', async () => {
    // Everything but the basic mediation training comes through the API; the page records that one.
    await qualifyMediator(test_, office, MEDIATOR_SUB, (call) => call.body['kind'] === 'basic_mediation');
    await page.goto(caseUrl);
    await page.getByLabel('Mia Mediator').check();
    await page.getByRole('button', { name: 'Propose mediator' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'This mediator has 0 of the 30 hours of verified, unexpired basic mediation training required.',
    );
    await expectAccessible(page, test_, 'partner-case-propose-refused');
    expect(await page.locator('#refused-practice a').textContent()).toBe(
      'See what Mia Mediator still needs in their credentials and practice',
    );

    await page.goto('/partner/mediators');
    await page.getByRole('link', { name: 'Credentials of Mia Mediator' }).click();
    expect(await headingOf(page)).toBe('Credentials and practice');
    expect(await page.locator('#unmet').textContent()).toContain('0 of the 30 hours');
    await expectAccessible(page, test_, 'partner-practice');
    await page.getByRole('button', { name: 'Record a credential' }).click();
    await page.getByRole('button', { name: 'Save record' }).click();
    const missing = await page.locator('.govuk-error-summary').textContent();
    expect(missing).toContain('Select what kind of credential it is');
    expect(missing).toContain('Enter the hours of training it stands for');
    expect(missing).toContain('Enter the date it was obtained');
    await expectAccessible(page, test_, 'partner-practice-form-errors');
    await page.getByLabel('Basic mediation training').check();
    await page.locator('#issuer').fill('Mediation Academy');
    await page.locator('#hours').fill('30');
    await page.locator('#obtainedOn').fill('2026-03-02');
    await page.locator('#certificateReference').fill('MA-2026-0042');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.waitForURL(/\/practice$/);
    expect(await banner()).toContain('Recorded');
    expect(await page.locator('#credentials').textContent()).toMatch(
      /Basic mediation training[\s\S]*Mediation Academy[\s\S]*30[\s\S]*Awaiting verification/,
    );
    expect(await page.locator('#unmet').textContent()).toContain('0 of the 30 hours');
    expect(await page.locator('#awaiting').textContent()).toContain(
      '1 record awaits an administrator’s verification and does not count until then.',
    );

    // A platform administrator verifies it against the certificate.
    const adminContext = await personContext(test_);
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, test_, 'admin-1', '/admin/practice-records');
    expect(await headingOf(adminPage)).toBe('Credentials to verify');
    const row = adminPage.locator('#records tbody tr', { hasText: 'MA-2026-0042' });
    expect(await row.textContent()).toMatch(
      /Mia Mediator[\s\S]*Basic mediation training, 30 hours[\s\S]*Mediation Academy/,
    );
    await expectAccessible(adminPage, test_, 'admin-practice-records');
    // The whole record, read-only, before verifying one part of it.
    await row.getByRole('link', { name: 'Mia Mediator' }).click();
    expect(await headingOf(adminPage)).toBe('Credentials and practice');
    expect(await adminPage.locator('#unmet').textContent()).toContain('0 of the 30 hours');
    expect(await adminPage.getByRole('button', { name: 'Record a credential' }).count()).toBe(0);
    await expectAccessible(adminPage, test_, 'admin-mediator-practice');
    await adminPage.getByRole('link', { name: 'Back to credentials to verify' }).click();
    await row.getByRole('button', { name: 'Verify' }).click();
    await adminPage.waitForURL(/\/admin\/practice-records$/);
    expect(await adminPage.locator('.govuk-notification-banner__heading').textContent()).toContain('Verified');
    expect(await adminPage.locator('#records tbody tr', { hasText: 'MA-2026-0042' }).count()).toBe(0);
    await adminContext.close();

    await page.reload();
    expect(await page.locator('#standing + p').textContent()).toContain(
      'Mia Mediator meets every rule for leading a case.',
    );
    expect(await page.locator('#credentials').textContent()).not.toContain('Awaiting verification');
    expect(await page.locator('#awaiting').count()).toBe(0);
  });

  it('proposes the mediator on the case, and the case list shows the next step', async () => {
    await page.goto('/partner/cases');
    expect(await page.locator('table tbody').textContent()).toContain('Propose a mediator');
    await expectAccessible(page, test_, 'partner-cases');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: 'Propose mediator' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select a mediator to propose');
    await expectAccessible(page, test_, 'partner-case-propose-errors');
    await page.getByLabel('Mia Mediator').check();
    await page.getByRole('button', { name: 'Propose mediator' }).click();
    await page.waitForURL(caseUrl);
    expect(await banner()).toContain('Mediator proposed');
    expect(await page.getByText('Mia Mediator: proposed, has not declared yet').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'partner-case-proposed');
    await page.goto('/partner/cases');
    expect(await page.locator('table tbody').textContent()).toContain(
      'Waiting for the proposed mediator to declare any conflict of interest',
    );
  });

  it('deactivates the mediator after confirming: they keep the case and are offered for nothing new', async () => {
    await page.goto(`/partner/mediators/${MEDIATOR_SUB}/edit`);
    await expectAccessible(page, test_, 'partner-mediator-edit');
    await page.getByRole('link', { name: 'Deactivate this mediator' }).click();
    expect(await headingOf(page)).toBe('Are you sure you want to deactivate this mediator?');
    expect(await page.getByText('they keep the cases they already have (1 open case)').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'partner-mediator-deactivate');
    await page.getByRole('button', { name: 'Deactivate mediator' }).click();
    await page.waitForURL(/\/partner\/mediators$/);
    expect(await banner()).toContain('Mediator deactivated');
    expect(await page.locator('table tbody tr').first().textContent()).toMatch(
      /Mia Mediator[\s\S]*1[\s\S]*Deactivated/,
    );
    await page.goto(caseUrl);
    expect(await page.getByText('Mia Mediator: proposed, has not declared yet').isVisible()).toBe(true);
    expect(await page.locator('input[name="mediatorId"]').count()).toBe(0);
    expect(await page.getByText('No active mediator is registered.').isVisible()).toBe(true);
    await page.goto('/partner');
    await expectAccessible(page, test_, 'partner-home-after');
  });

  it('gets the not-found page for an offer that is not its own', async () => {
    const response = await page.goto('/partner/offers/0190a000-0000-7000-8000-0000000000ee');
    expect(response?.status()).toBe(404);
  });
});

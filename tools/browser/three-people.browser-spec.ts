/**
 * One case from referral to result, carried by three people in three browser contexts, each
 * signed in through the identity provider: the prosecutor refers it, the partner's
 * administrator accepts the offer and proposes a mediator, the mediator takes it through the
 * dialogue gate, the dialogue and the agreement to completion, and the prosecutor reads the
 * result. Every page any of them opens is scanned for WCAG 2.2 AA.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import {
  addDemoOrganisations,
  api,
  apiToken,
  connect,
  eventually,
  personContext,
  signIn,
  type BrowserTest,
} from './browser-test';
import { officeWithPartner, qualifyMediator, type OfficeFixture } from './fixtures';
import {
  bannerOf,
  concludeWithAgreement,
  declareNoConflict,
  fillDate,
  participantIdsOnPage,
  payInFull,
  recordAcknowledgement,
  recordDialogueHeld,
  recordGateItems,
  recordRestitutionAgreement,
  submit,
  type PageCheck,
} from './mediator-steps';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
const contexts: BrowserContext[] = [];
let prosecutor: Page;
let partnerAdmin: Page;
let mediator: Page;
const mediatorSub = `mediator-journey-${randomBytes(3).toString('hex')}`;
const MEDIATOR_NAME = 'Jo Journey';
let referralUrl = '';
let caseId = '';
let harmedId = '';
let responsibleId = '';

const checkOf =
  (page: Page, person: string): PageCheck =>
  (name) =>
    expectAccessible(page, test_, `journey-${person}-${name}`);

async function signedInPage(account: string): Promise<Page> {
  const context = await personContext(test_);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, test_, account);
  return page;
}

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'JOURNEYLAND');
  // The programme's mediator exists before the offer: registered (as the partner's console or
  // API does) and given a demo account to sign in with.
  const admin = await apiToken(test_, { account: office.partnerAdmin });
  const registered = await api(test_, 'mediation-scheduling', 'POST', '/api/mediators', admin, {
    sub: mediatorSub,
    fullName: MEDIATOR_NAME,
    contact: { email: `${mediatorSub}@partner.example` },
    specialties: [],
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  await qualifyMediator(test_, office, mediatorSub);
  addDemoOrganisations(test_, { mediators: [{ sub: mediatorSub, partnerId: office.partnerId, name: MEDIATOR_NAME }] });
  prosecutor = await signedInPage(office.prosecutor);
  partnerAdmin = await signedInPage(office.partnerAdmin);
  mediator = await signedInPage(mediatorSub);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await test_?.close();
});

describe('three people carry one case from referral to result', () => {
  it('the prosecutor submits the referral in the console’s form', async () => {
    const page = prosecutor;
    const check = checkOf(page, 'prosecutor');
    await page.goto('/referrals/new');
    await check('referral-form');
    await page.locator('#caseNumber').fill('JRN-2026-0001');
    await page.locator('#jurisdiction').selectOption(office.jurisdiction);
    await page.locator('#source-2').check();
    await page.locator('#offense-code').fill('SR-350');
    await page.locator('#offense-category').fill('property_damage');
    await page.locator('#offense-severity-2').check();
    await fillDate(page, 'incidentDate', new Date('2026-10-01T00:00:00Z'));
    await page.locator('#stage-2').check();
    await page.locator('#protectiveOrder-2').check();
    await fillDate(page, 'reportBackBy', new Date('2027-06-30T00:00:00Z'));
    await page.locator('#parties-0-fullName').fill('Robin Example');
    await page.locator('#parties-0-minor-2').check();
    await page.locator('#parties-0-contact-email').fill('robin@example.org');
    await page.locator('#parties-0-contact-safeChannels').check();
    await page.locator('#parties-0-preferredLanguage').fill('en');
    await page.locator('#parties-0-interpreter-2').check();
    await page.locator('#parties-1-fullName').fill('Casey Example');
    await page.locator('#parties-1-minor-2').check();
    await page.locator('#parties-1-contact-phone').fill('+1 555 0100');
    await page.locator('#parties-1-contact-safeChannels-3').check();
    await page.locator('#parties-1-preferredLanguage').fill('en');
    await page.locator('#parties-1-interpreter-2').check();
    await check('referral-form-filled');
    await submit(page, 'Submit the referral');
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    referralUrl = page.url();
    expect(await bannerOf(page)).toContain('Referral submitted');
    expect(await headingOf(page)).toBe('Referral JRN-2026-0001');
    await check('referral-submitted');
  });

  it('the partner’s administrator accepts the offer and proposes a registered mediator', async () => {
    const page = partnerAdmin;
    const check = checkOf(page, 'partner');
    // Screening and matching go through Kafka: the inbox shows the offer once it is made.
    await eventually(async () => {
      await page.goto('/partner/offers');
      return (await page.getByRole('link', { name: 'Answer', exact: true }).count()) > 0;
    }, 'the offer to reach the partner');
    await check('offers');
    await page.getByRole('link', { name: 'Answer', exact: true }).click();
    expect(await headingOf(page)).toBe('An offer of a case');
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('JOURNEYLAND');
    const offerUrl = page.url();
    await check('offer');
    await page.goto(`${offerUrl}/accept`);
    await check('offer-accept');
    await submit(page, 'Accept the offer');
    await page.waitForURL(offerUrl);
    expect(await bannerOf(page)).toContain('Offer accepted');
    await check('offer-accepted');
    // The case opens when scheduling hears of the acceptance.
    await eventually(async () => {
      await page.goto(offerUrl);
      return (await page.getByRole('link', { name: 'Open the case' }).count()) > 0;
    }, 'the accepted offer’s case to open');
    await page.getByRole('link', { name: 'Open the case' }).click();
    const caseUrl = page.url();
    caseId = /\/partner\/cases\/([0-9a-f-]{36})$/.exec(caseUrl)?.[1] ?? '';
    expect(caseId).not.toBe('');
    await check('case');
    await page.getByLabel(MEDIATOR_NAME).check();
    await submit(page, 'Propose mediator');
    await page.waitForURL(caseUrl);
    expect(await bannerOf(page)).toContain('Mediator proposed');
    expect(await page.getByText(`${MEDIATOR_NAME}: proposed, has not declared yet`).isVisible()).toBe(true);
    await check('case-proposed');
  });

  it('the mediator declares, records every gate item, holds preparation and the joint dialogue, and records the agreement to completion', async () => {
    const page = mediator;
    const check = checkOf(page, 'mediator');
    await page.goto('/mediator/cases');
    expect(await page.locator('main').textContent()).toContain('Declare any conflict of interest');
    await check('cases');
    await declareNoConflict(page, caseId, check);
    ({ harmedId, responsibleId } = await participantIdsOnPage(page));
    expect([harmedId, responsibleId]).not.toContain('');
    expect(await page.getByText('No dialogue can be scheduled until every item below is done').isVisible()).toBe(true);

    await recordGateItems(page, caseId, harmedId, 4, check);
    await recordGateItems(page, caseId, responsibleId, 3, check);
    await recordAcknowledgement(page, caseId, responsibleId, check);
    expect(
      await page.getByText('Every item below is done: a joint or an indirect dialogue can be scheduled.').isVisible(),
    ).toBe(true);
    expect(await page.locator('.govuk-task-list .govuk-tag', { hasText: 'To do' }).count()).toBe(0);
    await check('case-ready');

    await recordDialogueHeld(page, caseId, [harmedId, responsibleId], check);
    expect(await page.locator('table').textContent()).toContain('Joint dialogue');
    await concludeWithAgreement(page, caseId, check);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Concluded');
    await recordRestitutionAgreement(page, caseId, '80.00', [harmedId, responsibleId], check);
    await payInFull(page, caseId, '80.00', 'EUR', check);
  });

  it('the prosecutor’s referral page then shows the case completed and its outcome report', async () => {
    const page = prosecutor;
    const check = checkOf(page, 'prosecutor');
    // The completion reaches referral-intake and reporting through Kafka.
    await eventually(async () => {
      await page.goto(referralUrl);
      const status = await page.locator('.govuk-tag').first().textContent();
      return (
        status?.includes('Completed') && (await page.getByRole('link', { name: 'Read the outcome report' }).count()) > 0
      );
    }, 'the referral to show its completion and report');
    expect(await page.getByText('The case was completed.').isVisible()).toBe(true);
    await check('referral-completed');
    await page.getByRole('link', { name: 'Read the outcome report' }).click();
    expect(await headingOf(page)).toBe('Outcome report');
    expect(await page.locator('.govuk-summary-list').first().textContent()).toContain('Completed');
    await check('outcome-report');
  });
});

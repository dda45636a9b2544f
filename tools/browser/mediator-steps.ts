/**
 * What a mediator does in the console, step by step, shared by the mediator's spec and the
 * three-person journey. Each step drives the pages as a person would (links, labels, buttons)
 * and hands every page it opens to `check`, which scans and photographs it.
 */
import type { Page } from 'playwright-core';
import { eventually } from './browser-test';
import { headingOf } from './page-checks';

/** Scans (and saves) the page under a name; a step calls it for each page it opens. */
export type PageCheck = (name: string) => Promise<void>;
const noCheck: PageCheck = async () => undefined;

export async function submit(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).click();
  await page.waitForLoadState('load');
}

export async function bannerOf(page: Page): Promise<string> {
  return (await page.locator('.govuk-notification-banner__heading').textContent()) ?? '';
}

/** Fills the date, time and length fields of a session form with a moment in UTC. */
export async function fillWhen(page: Page, at: Date, minutes: number): Promise<void> {
  await page.locator('#startsOn-day').fill(String(at.getUTCDate()));
  await page.locator('#startsOn-month').fill(String(at.getUTCMonth() + 1));
  await page.locator('#startsOn-year').fill(String(at.getUTCFullYear()));
  await page.locator('#time').fill(at.toISOString().slice(11, 16));
  await page.locator('#duration').fill(String(minutes));
}

/** Fills a day/month/year group whose fields are `<prefix>-day`, `-month`, `-year`. */
export async function fillDate(page: Page, prefix: string, at: Date): Promise<void> {
  await page.locator(`#${prefix}-day`).fill(String(at.getUTCDate()));
  await page.locator(`#${prefix}-month`).fill(String(at.getUTCMonth() + 1));
  await page.locator(`#${prefix}-year`).fill(String(at.getUTCFullYear()));
}

/** The participant ids as the mediator's case page lists them, by role. */
export async function participantIdsOnPage(page: Page): Promise<{ harmedId: string; responsibleId: string }> {
  const idOf = async (role: RegExp) =>
    ((await page.locator('h2[id^="participant-"]', { hasText: role }).getAttribute('id')) ?? '').replace(
      'participant-',
      '',
    );
  return { harmedId: await idOf(/^Person harmed/), responsibleId: await idOf(/^Person responsible/) };
}

/** The proposed mediator declares no conflict of interest on the case page. */
export async function declareNoConflict(page: Page, caseId: string, check: PageCheck = noCheck): Promise<void> {
  await page.goto(`/mediator/cases/${caseId}`);
  if ((await headingOf(page)) !== 'Declare any conflict of interest')
    throw new Error(`expected the declaration, got “${await headingOf(page)}”`);
  await check('declaration');
  await page.getByLabel('No, I have no conflict of interest').check();
  await submit(page, 'Record my declaration');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}$`));
  await check('case-declared');
}

/**
 * One participant's items of the dialogue gate, each reached from the checklist: information
 * (after the form refuses an empty version), consent to take part, a risk assessment with a
 * factor, and a preparation meeting recorded as held with the participant present.
 * `hoursAgo` places the preparation meeting in the past, apart from the other participant's.
 */
export async function recordGateItems(
  page: Page,
  caseId: string,
  participantId: string,
  hoursAgo: number,
  check: PageCheck = noCheck,
): Promise<void> {
  const checklistLink = (text: string) =>
    page.locator(`#participant-${participantId} ~ ul.govuk-task-list a`, { hasText: text }).first();
  const backOnCase = () => page.waitForURL(new RegExp(`/mediator/cases/${caseId}`));

  await page.goto(`/mediator/cases/${caseId}`);
  await check('case-checklist');
  await checklistLink('Information given').click();
  if ((await headingOf(page)) !== 'Record the information given')
    throw new Error('the checklist did not lead to the information form');
  await check('information');
  await submit(page, 'Record the information');
  const refused = await page.locator('.govuk-error-summary').textContent();
  if (!refused?.includes('Enter the version of the information pack'))
    throw new Error(`the empty information form was not refused: ${refused}`);
  await check('information-error');
  await page.locator('#informationVersion').fill('adult-v3');
  await submit(page, 'Record the information');
  await backOnCase();

  await page.goto(`/mediator/cases/${caseId}/participants/${participantId}/consent`);
  await check('consent');
  await page.getByLabel('To take part').check();
  await page.getByLabel('Given', { exact: true }).check();
  await submit(page, 'Record the decision');
  await backOnCase();

  await page.goto(`/mediator/cases/${caseId}/participants/${participantId}/risk`);
  await check('risk');
  await page.getByLabel('Proceed', { exact: true }).check();
  await page.getByLabel('Prior contact').check();
  await submit(page, 'Record the assessment');
  await backOnCase();

  await page.goto(`/mediator/cases/${caseId}`);
  await checklistLink('Preparation meeting held').click();
  if ((await headingOf(page)) !== 'Schedule a session')
    throw new Error('the checklist did not lead to the session form');
  if (!(await page.locator('#kind').isChecked()))
    throw new Error('the session form did not preselect a preparation meeting');
  await fillWhen(page, new Date(Date.now() - hoursAgo * 3_600_000), 45);
  await page.getByLabel('Programme office').check();
  await page.getByLabel('Yes, record it as held').check();
  await page.locator(`input[name="present"][value="${participantId}"]`).check();
  await check('preparation-form');
  await submit(page, 'Save the session');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}/sessions$`));
  if (!(await bannerOf(page)).includes('Session recorded')) throw new Error('the preparation meeting was not recorded');
  await check('sessions-after-preparation');
}

/** The person responsible acknowledges the basic facts. */
export async function recordAcknowledgement(
  page: Page,
  caseId: string,
  responsibleId: string,
  check: PageCheck = noCheck,
): Promise<void> {
  await page.goto(`/mediator/cases/${caseId}/participants/${responsibleId}/acknowledgement`);
  await check('acknowledgement');
  await page.getByLabel('The person responsible acknowledged the basic facts of the offence').check();
  await submit(page, 'Record the acknowledgement');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}`));
}

/**
 * A joint dialogue recorded as held an hour long, `minutesAgo` ago (after the preparation
 * meetings, and apart from the mediator's other sessions), with everyone present.
 */
export async function recordDialogueHeld(
  page: Page,
  caseId: string,
  participantIds: string[],
  check: PageCheck = noCheck,
  minutesAgo = 100,
): Promise<void> {
  await page.goto(`/mediator/cases/${caseId}/sessions/new?kind=joint_dialogue&held=yes`);
  if (!(await page.locator('input[name="kind"][value="joint_dialogue"]').isChecked()))
    throw new Error('the joint dialogue is not offered');
  await fillWhen(page, new Date(Date.now() - minutesAgo * 60_000), 60);
  await page.getByLabel('Community venue').check();
  for (const participantId of participantIds)
    await page.locator(`input[name="present"][value="${participantId}"]`).check();
  await check('dialogue-held-form');
  await submit(page, 'Save the session');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}/sessions$`));
  if (!(await bannerOf(page)).includes('Session recorded')) throw new Error('the dialogue was not recorded');
  await check('sessions-after-dialogue');
}

/** Concludes the case with an agreement reached. */
export async function concludeWithAgreement(page: Page, caseId: string, check: PageCheck = noCheck): Promise<void> {
  await page.goto(`/mediator/cases/${caseId}/conclude`);
  await check('conclude');
  await page.getByLabel('Yes, the people involved reached an agreement').check();
  await submit(page, 'Conclude the case');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}$`));
  await check('case-concluded');
}

/**
 * Records an agreement of one restitution term (paid to the person harmed, due in 30 days)
 * with everyone's consent, once outcome-tracking has heard of the conclusion.
 */
export async function recordRestitutionAgreement(
  page: Page,
  caseId: string,
  amount: string,
  consentedBy: string[],
  check: PageCheck = noCheck,
): Promise<void> {
  // outcome-tracking learns of the conclusion through Kafka.
  await eventually(async () => {
    await page.goto(`/mediator/cases/${caseId}/agreement`);
    return page.getByRole('button', { name: 'Record the agreement' }).isVisible();
  }, 'the agreement form');
  await check('agreement-form');
  await page.locator('#terms-0-kind').selectOption('restitution');
  await fillDate(page, 'terms-0-dueBy', new Date(Date.now() + 30 * 86_400_000));
  await page.locator('#terms-0-amount').fill(amount);
  await page.locator('#terms-0-recipient').check();
  for (const participantId of consentedBy)
    await page.locator(`input[name="consentedBy"][value="${participantId}"]`).check();
  await submit(page, 'Record the agreement');
  await page.waitForURL(new RegExp(`/mediator/cases/${caseId}/agreement$`));
  if (!(await bannerOf(page)).includes('Agreement recorded')) throw new Error('the agreement was not recorded');
  await check('agreement');
}

/** Records a payment on the (only) restitution term and waits for the case to complete. */
export async function payInFull(
  page: Page,
  caseId: string,
  amount: string,
  currency = 'EUR',
  check: PageCheck = noCheck,
): Promise<void> {
  await page.getByLabel(`Amount paid now (${currency})`).fill(amount);
  await submit(page, /Record progress/);
  await eventually(async () => {
    await page.goto(`/mediator/cases/${caseId}/agreement`);
    return (await page.locator('main').textContent())?.includes('Every term was kept: the case is completed.');
  }, 'the case to be completed');
  await check('agreement-completed');
}

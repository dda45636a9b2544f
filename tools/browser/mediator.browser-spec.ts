import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { Client } from 'pg';
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
import { officeWithPartner, qualifyMediator, submitReferral, type OfficeFixture } from './fixtures';
import {
  concludeWithAgreement,
  declareNoConflict,
  fillWhen as fillWhenOn,
  payInFull,
  recordAcknowledgement,
  recordDialogueHeld,
  recordGateItems,
  recordRestitutionAgreement,
  submit as submitOn,
} from './mediator-steps';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let other: OfficeFixture;
let caseId: string;
let harmedId: string;
let responsibleId: string;
const mediatorSub = `mediator-mira-${randomBytes(3).toString('hex')}`;
const otherMediatorSub = `mediator-omar-${randomBytes(3).toString('hex')}`;
let context: BrowserContext;
let page: Page;
let dialogueDay = '';

/** The referral offered to the partner, accepted by its admin, with the case open in scheduling. */
async function acceptedCase(
  fixture: OfficeFixture,
  caseNumber: string,
): Promise<{ id: string; participants: { id: string; role: string }[] }> {
  const referralId = await submitReferral(test_, fixture, caseNumber);
  const admin = await apiToken(test_, { account: fixture.partnerAdmin });
  const offer = await eventually(async () => {
    const page_ = await api(test_, 'partner-matching', 'GET', '/api/offers?status=pending', admin);
    return page_.body.items?.find((o: { referralId: string }) => o.referralId === referralId);
  }, 'the offer to the partner');
  const accepted = await api(test_, 'partner-matching', 'POST', `/api/offers/${offer.id}/accept`, admin);
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const opened = await eventually(async () => {
    const cases = await api(test_, 'mediation-scheduling', 'GET', '/api/cases', admin);
    return cases.body.items?.find((c: { referralId: string }) => c.referralId === referralId);
  }, 'the case to open in scheduling');
  return opened;
}

async function registerMediator(fixture: OfficeFixture, sub: string, name: string): Promise<void> {
  const admin = await apiToken(test_, { account: fixture.partnerAdmin });
  const registered = await api(test_, 'mediation-scheduling', 'POST', '/api/mediators', admin, {
    sub,
    fullName: name,
    contact: { email: `${sub}@partner.example` },
    specialties: [],
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  await qualifyMediator(test_, fixture, sub);
  addDemoOrganisations(test_, { mediators: [{ sub, partnerId: fixture.partnerId, name }] });
}

const fillWhen = (at: Date, minutes: number) => fillWhenOn(page, at, minutes);
const submit = (name: string | RegExp) => submitOn(page, name);
const shoot = (name: string) => expectAccessible(page, test_, `mediator-${name}`);

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'MEDIATORLAND');
  other = await officeWithPartner(test_, 'OTHERMEDLAND');
  const opened = await acceptedCase(office, 'MED-2026-0001');
  caseId = opened.id;
  await registerMediator(office, mediatorSub, 'Mira Mediator');
  await registerMediator(other, otherMediatorSub, 'Omar Mediator');
  const admin = await apiToken(test_, { account: office.partnerAdmin });
  const proposed = await api(test_, 'mediation-scheduling', 'POST', `/api/cases/${caseId}/mediators`, admin, {
    mediatorId: mediatorSub,
  });
  if (proposed.status !== 201) throw new Error(`propose: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  harmedId = opened.participants.find((p) => p.role === 'harmed')?.id as string;
  responsibleId = opened.participants.find((p) => p.role === 'responsible')?.id as string;
  context = await personContext(test_);
  page = await context.newPage();
  await signIn(page, test_, mediatorSub);
});

afterAll(async () => {
  await context?.close();
  await test_?.close();
});

describe('a mediator', () => {
  it('lands on their week, with the declaration waiting', async () => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/mediator');
    expect(await headingOf(page)).toBe('Your week');
    expect(await page.getByText('Declarations waiting').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'mediator-home-before');
    await page.goto('/mediator/cases');
    expect(await page.getByText('Declare any conflict of interest').count()).toBeGreaterThan(0);
    await expectAccessible(page, test_, 'mediator-cases');
  });

  it('sees only the parties’ names and roles before declaring, then declares no conflict', async () => {
    await page.goto(`/mediator/cases/${caseId}`);
    expect(await headingOf(page)).toBe('Declare any conflict of interest');
    const html = await page.content();
    expect(html).toContain('Robin Example');
    expect(html).toContain('Casey Example');
    for (const contact of ['robin@example.org', '555 0100', 'Preparation', 'Safe to contact'])
      expect(html).not.toContain(contact);
    await expectAccessible(page, test_, 'mediator-declaration');
    await submit('Record my declaration');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Select whether you have a conflict of interest',
    );
    await expectAccessible(page, test_, 'mediator-declaration-error');
    await page.getByLabel('No, I have no conflict of interest').check();
    await submit('Record my declaration');
    await page.waitForURL(new RegExp(`/mediator/cases/${caseId}$`));
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain(
      'No conflict of interest declared',
    );
    expect(await page.content()).toContain('robin@example.org');
    expect(await page.getByText('No dialogue can be scheduled until every item below is done').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'mediator-case-declared');
  });

  it('updates a participant’s contact and safe channels, and the confirmation date is kept', async () => {
    await page.goto(`/mediator/cases/${caseId}/participants/${harmedId}/contact`);
    expect(await headingOf(page)).toBe('Contact and safe channels');
    expect(await page.locator('#email').inputValue()).toBe('robin@example.org');
    await page.locator('#phone').fill('+1 555 0199');
    await page.getByLabel('Text message').check();
    await submit('Save and confirm');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Confirm that the participant confirmed these details',
    );
    await expectAccessible(page, test_, 'mediator-contact-error');
    await page.getByLabel('The participant confirmed these details with me today').check();
    await submit('Save and confirm');
    await page.waitForURL(new RegExp(`/mediator/cases/${caseId}`));
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain(
      'Contact details confirmed',
    );
    const harmedDetails = page.locator(`#participant-${harmedId} + dl`);
    expect(await harmedDetails.textContent()).toContain('+1 555 0199');
    expect(await harmedDetails.textContent()).toContain('E-mail, Text message');
    expect(await harmedDetails.textContent()).not.toContain('Not yet');
  });

  it('is offered no dialogue while the checklist is open', async () => {
    await page.goto(`/mediator/cases/${caseId}/sessions/new`);
    expect(await page.locator('input[name="kind"][value="joint_dialogue"]').count()).toBe(0);
    expect(await page.locator('input[name="kind"][value="indirect_dialogue"]').count()).toBe(0);
    await expectAccessible(page, test_, 'mediator-session-form-no-dialogue');
  });

  it('records every item of the gate in the browser, following the checklist’s links', async () => {
    // The first participant's pages are scanned; the second's are the same pages again.
    await recordGateItems(page, caseId, harmedId, 3, shoot);
    await recordGateItems(page, caseId, responsibleId, 4);
    await recordAcknowledgement(page, caseId, responsibleId, shoot);

    expect(
      await page.getByText('Every item below is done: a joint or an indirect dialogue can be scheduled.').isVisible(),
    ).toBe(true);
    expect(await page.locator('.govuk-task-list .govuk-tag', { hasText: 'To do' }).count()).toBe(0);
    await expectAccessible(page, test_, 'mediator-case-ready');
  });

  it('schedules a joint dialogue once the checklist is clear', async () => {
    await page.getByRole('link', { name: 'Schedule the dialogue' }).click();
    expect(await page.locator('input[name="kind"][value="joint_dialogue"]').isChecked()).toBe(true);
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    inThreeDays.setUTCHours(10, 0, 0, 0);
    dialogueDay = inThreeDays.toISOString().slice(0, 10);
    await fillWhen(inThreeDays, 90);
    await page.getByLabel('Video call').check();
    await page.locator('#location').fill('https://meet.example/secret-room');
    await expectAccessible(page, test_, 'mediator-dialogue-form');
    await submit('Save the session');
    await page.waitForURL(new RegExp(`/mediator/cases/${caseId}/sessions$`));
    expect(await page.locator('table').textContent()).toContain('Joint dialogue');
    await expectAccessible(page, test_, 'mediator-sessions');
  });

  it('moves and cancels a follow-up meeting, and is told attendance waits for the meeting', async () => {
    await page.goto(`/mediator/cases/${caseId}/sessions/new?kind=follow_up&participant=${harmedId}`);
    const later = new Date(Date.now() + 5 * 86_400_000);
    later.setUTCHours(9, 0, 0, 0);
    await fillWhen(later, 30);
    await page.getByLabel('Home visit').check();
    await page.locator('#location').fill('12 Elm Street');
    await submit('Save the session');
    await page.waitForURL(new RegExp(`/sessions$`));
    const followUpRow = page.locator('tr', { hasText: 'Follow-up meeting' });
    await followUpRow.getByRole('link', { name: /Move/ }).click();
    expect(await headingOf(page)).toBe('Move the session');
    await expectAccessible(page, test_, 'mediator-reschedule');
    await page.locator('#time').fill('11:30');
    await submit('Move the session');
    await page.waitForURL(new RegExp(`/sessions$`));
    expect(await page.locator('tr', { hasText: 'Follow-up meeting' }).textContent()).toContain('11:30');

    await page
      .locator('tr', { hasText: 'Follow-up meeting' })
      .getByRole('link', { name: /Record attendance/ })
      .click();
    await expectAccessible(page, test_, 'mediator-attendance');
    await submit('Record attendance');
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/once the session has begun/);
    await expectAccessible(page, test_, 'mediator-attendance-refused');

    await page.goto(`/mediator/cases/${caseId}/sessions`);
    await page
      .locator('tr', { hasText: 'Follow-up meeting' })
      .getByRole('link', { name: /Cancel/ })
      .click();
    await expectAccessible(page, test_, 'mediator-cancel');
    await submit('Cancel the session');
    await page.waitForURL(new RegExp(`/sessions$`));
    expect(await page.locator('tr', { hasText: 'Follow-up meeting' }).textContent()).toContain('Cancelled');
  });

  it('keeps a confidential note and sees the disclosure and conclusion forms', async () => {
    await page.goto(`/mediator/cases/${caseId}/notes`);
    await page.locator('#text').fill('Robin would like a support person present.');
    await submit('Add the note');
    expect(await page.getByText('Robin would like a support person present.').isVisible()).toBe(true);
    await expectAccessible(page, test_, 'mediator-notes');
    await page.goto(`/mediator/cases/${caseId}/disclosure`);
    await submit('Record the disclosure');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Select the legal basis');
    await expectAccessible(page, test_, 'mediator-disclosure-error');
    await page.getByLabel('Imminent risk of harm').check();
    await page.getByLabel('Police', { exact: true }).check();
    await page.locator('#recipient').fill('Duty officer, North station');
    await submit('Record the disclosure');
    await page.waitForURL(new RegExp(`/mediator/cases/${caseId}$`));
    await page.goto(`/mediator/cases/${caseId}/conclude`);
    await expectAccessible(page, test_, 'mediator-conclude');
  });

  it('sees this week’s sessions on the home page', async () => {
    await page.goto('/mediator');
    const week = page.locator('table').first();
    expect(await week.textContent()).toContain('Joint dialogue');
    expect(await page.getByText('Declarations waiting').count()).toBe(0);
    // The disclosure recorded after both assessments makes each due again, in words.
    const due = page.locator('h2:has-text("Risk reassessments due") + ul');
    expect((await due.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(
        /^Person harmed in the case opened .+: a disclosure was recorded after the last assessment$/,
      ),
      expect.stringMatching(
        /^Person responsible in the case opened .+: a disclosure was recorded after the last assessment$/,
      ),
    ]);
    await expectAccessible(page, test_, 'mediator-home');
    await page.goto(`/mediator/sessions?week=${dialogueDay}`);
    expect(await headingOf(page)).toBe('My sessions');
    expect(await page.locator('main').textContent()).toContain('Joint dialogue');
    await expectAccessible(page, test_, 'mediator-week');
    expect(await page.getByRole('link', { name: 'Show the whole month' }).getAttribute('href')).toMatch(
      /^\/mediator\/sessions\/month\?month=\d{4}-\d{2}$/,
    );
    await page.goto(`/mediator/sessions/month?month=${dialogueDay.slice(0, 7)}`);
    const month = page.locator('table.rj-month');
    expect(await month.locator('caption').textContent()).toBe(
      new Date(`${dialogueDay}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    );
    expect(await month.locator('td', { hasText: 'Joint dialogue' }).count()).toBe(1);
    await expectAccessible(page, test_, 'mediator-month');
  });

  it('subscribes to a calendar feed that names nobody, and turns it off', async () => {
    await page.goto('/mediator/calendar-feed');
    await expectAccessible(page, test_, 'mediator-calendar-feed-off');
    await submit('Turn on the calendar feed');
    const url = await page.locator('#feed-url').inputValue();
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByRole('status').filter({ hasText: 'Address copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await expectAccessible(page, test_, 'mediator-calendar-feed-on');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const text = await feed.text();
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent));
    const summaries = events.map((event) => event.summary);
    expect(summaries.filter((s) => s.startsWith('Preparation meeting'))).toHaveLength(2);
    expect(summaries.filter((s) => s.startsWith('Dialogue'))).toHaveLength(1);
    expect(events.find((event) => event.summary.startsWith('Dialogue'))?.location).toBe('Video call');
    for (const secret of ['Robin', 'Casey', 'Elm Street', 'meet.example', caseId]) expect(text).not.toContain(secret);
    await page.goto('/mediator/calendar-feed');
    await submit('Turn off the calendar feed');
    expect(await page.getByText('You have no calendar feed.').isVisible()).toBe(true);
    expect((await fetch(url)).status).toBe(404);
  });
  it('records a dialogue held, concludes with an agreement, and records its progress to completion', async () => {
    await recordDialogueHeld(page, caseId, [harmedId, responsibleId]);
    // At the closing contact, before the case is concluded (nothing is recorded on a concluded case),
    // the person harmed agrees to be asked for feedback: the survey below needs it.
    await page.goto(`/mediator/cases/${caseId}/participants/${harmedId}/consent`);
    await page.locator('input[name="purpose"][value="feedback"]').check();
    await page.locator('input[name="decision"][value="given"]').check();
    await submit('Record the decision');
    await concludeWithAgreement(page, caseId, shoot);
    expect(await page.locator('.govuk-tag').first().textContent()).toContain('Concluded');
    await recordRestitutionAgreement(page, caseId, '50.00', [harmedId, responsibleId], shoot);

    await page.getByLabel('Amount paid now (EUR)').fill('60.00');
    await submit(/Record progress/);
    // The service's own words: an over-payment is refused.
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('more than the 50.00 agreed');
    await expectAccessible(page, test_, 'mediator-agreement-overpayment');
    // The amount is lowered with everyone's consent; with one consent only, the service refuses.
    await page.getByRole('link', { name: /Change this term/ }).click();
    expect(await headingOf(page)).toBe('Change a term');
    expect(await page.locator('#amount').inputValue()).toBe('50.00');
    await expectAccessible(page, test_, 'mediator-amend-term');
    await page.locator('#amount').fill('40.00');
    await page.locator(`input[name="consentedBy"][value="${harmedId}"]`).check();
    await submit('Change the term');
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Every participant must consent to an amendment',
    );
    expect(await page.locator('#amount').inputValue()).toBe('40.00');
    await expectAccessible(page, test_, 'mediator-amend-term-refused');
    await page.locator(`input[name="consentedBy"][value="${responsibleId}"]`).check();
    await submit('Change the term');
    await page.waitForURL(new RegExp(`/mediator/cases/${caseId}/agreement$`));
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Term changed');
    expect(await page.locator('main').textContent()).toContain('0 of 40.00 EUR paid');
    await payInFull(page, caseId, '40.00');
    await expectAccessible(page, test_, 'mediator-agreement-completed');
  });

  it('sees why a feedback survey cannot go, and sends the person harmed’s, without JavaScript', async () => {
    // The dialogue was held minutes ago and the first survey waits a week: where outcome-tracking
    // keeps the last dialogue, it is moved ten days back (the window itself is proven in its own tests).
    const db = new Client({ connectionString: test_.info.databaseUrls['outcome-tracking'] });
    await db.connect();
    const noScript = await personContext(test_, { javaScript: false });
    try {
      await eventually(
        async () =>
          (
            await db.query(
              `select 1 from "case" c join consent k on k.referral_id = c.referral_id
               where c.id = $1 and c.status = 'completed' and c.last_dialogue_at is not null
               and k.participant_id = $2 and k.purpose = 'feedback' and k.decision = 'given'`,
              [caseId, harmedId],
            )
          ).rowCount,
        'the completed case and the feedback consent in outcome-tracking',
      );
      await db.query(`update "case" set last_dialogue_at = now() - interval '10 days' where id = $1`, [caseId]);
      const plain = await noScript.newPage();
      await signIn(plain, test_, mediatorSub);
      await plain.goto(`/mediator/cases/${caseId}`);
      await plain.getByRole('link', { name: 'Feedback surveys' }).click();
      expect(await headingOf(plain)).toBe('Feedback surveys');
      // The disclosure recorded earlier blocks every survey of this case, and the page says so in words.
      const main = async () => (await plain.locator('main').textContent()) ?? '';
      expect(await main()).toContain('A disclosure was recorded on this case');
      expect(await main()).toContain('They have not agreed to be asked for feedback');
      expect(await plain.locator(`#send-${harmedId}-first`).count()).toBe(0);
      // axe needs script: the same page is scanned in the signed-in browser that has it.
      await page.goto(`/mediator/cases/${caseId}/feedback`);
      await expectAccessible(page, test_, 'mediator-feedback-blocked');

      // The refusal after a disclosure is proven in outcome-tracking's tests; lifted here where it
      // keeps the flag, so the sending itself can be walked.
      await db.query(`update "case" set disclosure = false where id = $1`, [caseId]);
      await plain.reload();
      const harmedFirst = plain.locator(`#send-${harmedId}-first`);
      expect(await harmedFirst.count()).toBe(1);
      await page.goto(`/mediator/cases/${caseId}/feedback`);
      await expectAccessible(page, test_, 'mediator-feedback');
      await harmedFirst.click();
      await plain.waitForURL(new RegExp(`/mediator/cases/${caseId}/feedback$`));
      expect(await plain.locator('.govuk-notification-banner__heading').textContent()).toContain('Survey sent');
      expect(await plain.locator(`#send-${harmedId}-first`).count()).toBe(0);
      expect(await main()).toMatch(/Sent\s*on/);
      await page.goto(`/mediator/cases/${caseId}/feedback`);
      await expectAccessible(page, test_, 'mediator-feedback-sent');
    } finally {
      await noScript.close();
      await db.end();
    }
  });
});

describe('a mediator whose case’s agreement is not kept', () => {
  it('closes the case, which goes back to the prosecutor as not completed', async () => {
    const second = await acceptedCase(office, 'MED-2026-0002');
    const admin = await apiToken(test_, { account: office.partnerAdmin });
    const proposed = await api(test_, 'mediation-scheduling', 'POST', `/api/cases/${second.id}/mediators`, admin, {
      mediatorId: mediatorSub,
    });
    expect(proposed.status).toBe(201);
    const ids = {
      harmed: second.participants.find((p) => p.role === 'harmed')?.id as string,
      responsible: second.participants.find((p) => p.role === 'responsible')?.id as string,
    };
    await declareNoConflict(page, second.id);
    // Earlier than the first case's sessions: the mediator cannot be in two places at once.
    await recordGateItems(page, second.id, ids.harmed, 7);
    await recordGateItems(page, second.id, ids.responsible, 8);
    await recordAcknowledgement(page, second.id, ids.responsible);
    await recordDialogueHeld(page, second.id, [ids.harmed, ids.responsible], undefined, 6 * 60);
    await concludeWithAgreement(page, second.id);
    await recordRestitutionAgreement(page, second.id, '30.00', [ids.harmed, ids.responsible]);

    await page.getByRole('link', { name: 'Close the case' }).click();
    expect(await headingOf(page)).toBe('Close the case: the agreement was not kept');
    await expectAccessible(page, test_, 'mediator-close-agreement');
    await submit('Close the case');
    await page.waitForURL(new RegExp(`/mediator/cases/${second.id}/agreement$`));
    expect(await page.locator('.govuk-notification-banner__heading').textContent()).toContain('Case closed');
    expect(await page.locator('main').textContent()).toContain('The case was returned.');
    expect(await page.getByRole('button', { name: /Record progress/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Change this term/ }).count()).toBe(0);
    await expectAccessible(page, test_, 'mediator-agreement-closed');
    // Nothing more can change: the close page itself is gone.
    expect((await page.goto(`/mediator/cases/${second.id}/agreement/close`))?.status()).toBe(404);
  });
});

describe('a mediator of another partner', () => {
  it('gets the not-found page for the case, its sessions and its notes', async () => {
    const otherContext = await personContext(test_);
    try {
      const otherPage = await otherContext.newPage();
      await signIn(otherPage, test_, otherMediatorSub);
      for (const path of [
        `/mediator/cases/${caseId}`,
        `/mediator/cases/${caseId}/sessions`,
        `/mediator/cases/${caseId}/notes`,
        `/mediator/cases/${caseId}/participants/${harmedId}/risk`,
      ]) {
        const response = await otherPage.goto(path);
        expect([path, response?.status()]).toEqual([path, 404]);
        expect(await headingOf(otherPage)).toBe('Page not found');
        expect(await otherPage.content()).not.toContain('Robin');
      }
      await expectAccessible(otherPage, test_, 'mediator-other-partner-not-found');
    } finally {
      await otherContext.close();
    }
  });
});

import { renderPage } from '../test/render';
import { choicesOf } from '../messages/describe';
import type { CaseGate, CaseOutcome, CaseSummary, MediatorView, OfferView } from './api-shapes';
import { caseReference, nextStepOf, waitingForMediator } from './cases/case-steps';
import { askForMissing } from './missing-answer';
import { proposableMediators } from './cases/proposal';
import { caseloadOf, overdueTerms, safetyFlags } from './home/safety-flags';
import { mediatorChangesBody, mediatorFormFrom, newMediatorBody } from './mediators/mediator-form';
import { durationWords, offerDeadline } from './offers/offer-deadline';
import { profileChangesBody, profileFormFrom } from './profile/profile-form';

const NOW = new Date('2026-12-06T10:00:00.000Z');
const inHours = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

const summary = (over: Partial<CaseSummary> = {}): CaseSummary => ({
  id: '0193a4b2-0000-7000-8000-00000000a1b2',
  referralId: '0193a4b2-0000-7000-8000-0000000000ff',
  status: 'open',
  holdReason: null,
  openedAt: '2026-12-01T09:00:00.000Z',
  participants: [{ id: 'p1', role: 'harmed', minor: false }],
  mediators: [],
  ...over,
});

const mediator = (over: Partial<MediatorView> = {}): MediatorView => ({
  sub: 'mediator-1',
  fullName: 'Mia Mediator',
  contact: { email: 'mia@partner.example' },
  specialties: [],
  registeredAt: '',
  active: true,
  deactivatedAt: null,
  caseload: 0,
  ...over,
});

const offer: OfferView & { deadline: ReturnType<typeof offerDeadline>; languageNames: string[] } = {
  id: '0193a4b2-0000-7000-8000-0000000000aa',
  referralId: '0193a4b2-0000-7000-8000-0000000000ff',
  status: 'pending',
  offenseCategory: 'property_damage',
  severity: 'misdemeanor',
  jurisdiction: 'NL-NH',
  languages: ['nl', 'en'],
  hasMinor: true,
  madeAt: inHours(-2),
  expiresAt: inHours(50),
  resolvedAt: null,
  declineReasonCode: null,
  deadline: offerDeadline(inHours(50), NOW),
  languageNames: ['Dutch', 'English'],
};

describe('the time left to answer an offer', () => {
  it('is said in words, rounded down, so it never promises more time than there is', () => {
    expect(offerDeadline(inHours(48), NOW)).toEqual({ text: 'Answer within 2 days', urgent: false, passed: false });
    expect(offerDeadline(inHours(47.9), NOW).text).toBe('Answer within 1 day and 23 hours');
    expect(offerDeadline(inHours(5.7), NOW)).toEqual({ text: 'Answer within 5 hours', urgent: true, passed: false });
    expect(offerDeadline(inHours(0.5), NOW).text).toBe('Answer within 30 minutes');
    expect(durationWords(10_000)).toBe('1 minute');
    expect(durationWords(24 * 3_600_000)).toBe('1 day');
  });

  it('says when the time has passed', () => {
    expect(offerDeadline(inHours(-1), NOW)).toEqual({
      text: 'The time to answer has passed',
      urgent: true,
      passed: true,
    });
  });
});

describe('a case’s next step', () => {
  it('asks the administrator to propose a mediator only when nobody is on the case', () => {
    expect(nextStepOf(summary())).toEqual({ text: 'Propose a mediator', needsYou: true });
    expect(nextStepOf(summary({ mediators: [{ mediatorId: 'm', declared: false }] })).text).toMatch(
      /declare any conflict of interest/,
    );
    expect(nextStepOf(summary({ mediators: [{ mediatorId: 'm', declared: true }] })).needsYou).toBe(false);
    expect(nextStepOf(summary({ status: 'on_hold', holdReason: 'risk_stop' })).text).toMatch(
      /risk assessment said stop/,
    );
    expect(nextStepOf(summary({ status: 'concluded' })).text).toMatch(/concluded/);
  });

  it('counts open cases without a declared mediator as waiting for one', () => {
    const waiting = waitingForMediator([
      summary({ id: 'a' }),
      summary({ id: 'b', mediators: [{ mediatorId: 'm', declared: false }] }),
      summary({ id: 'c', mediators: [{ mediatorId: 'm', declared: true }] }),
      summary({ id: 'd', status: 'on_hold' }),
    ]);
    expect(waiting.map((kase) => kase.id)).toEqual(['a', 'b']);
  });

  it('has a short reference that names nobody and differs between cases opened together', () => {
    expect(caseReference('0193a4b2-0000-7000-8000-00000000a1b2')).toBe('0000A1B2');
    expect(caseReference('0193a4b2-0000-7000-8000-00000000a1b3')).not.toBe(
      caseReference('0193a4b2-0000-7000-8000-00000000a1b2'),
    );
  });
});

describe('the home page’s flags', () => {
  const gate = (caseId: string, risks: (string | null)[]): CaseGate => ({
    caseId,
    participants: risks.map((risk, index) => ({
      participantId: `p${index}`,
      role: 'harmed',
      recorded: { latestRisk: risk as never },
    })),
  });

  it('flags cases on hold and risk assessments saying stop or indirect only, strongest first, once per case and kind', () => {
    const flags = safetyFlags(
      [summary({ id: 'held', status: 'on_hold', holdReason: 'participation_withdrawn' })],
      [gate('x', ['indirect_only', 'indirect_only']), gate('y', ['proceed', 'stop']), null],
    );
    expect(flags.map((flag) => [flag.caseId, flag.kind])).toEqual([
      ['y', 'stop'],
      ['held', 'on_hold'],
      ['x', 'indirect_only'],
    ]);
    expect(flags[1].text).toBe('On hold: a participant withdrew their consent');
  });

  it('flags a case where a disclosure was recorded, with its date and nothing of what or to whom', () => {
    const flags = safetyFlags(
      [
        summary({ id: 'told', lastDisclosureAt: '2026-11-28T14:05:00Z' }),
        summary({ id: 'quiet', lastDisclosureAt: null }),
      ],
      [gate('told', ['stop'])],
    );
    expect(flags.map((flag) => [flag.caseId, flag.kind])).toEqual([
      ['told', 'stop'],
      ['told', 'disclosure'],
    ]);
    expect(flags[1].text).toBe('Confidential information was disclosed under an exception (last on 2026-11-28)');
  });

  it('lists only overdue terms, soonest first', () => {
    const outcome = (
      caseId: string,
      terms: { dueBy: string; status: 'open' | 'fulfilled' | 'overdue' }[],
    ): CaseOutcome => ({
      caseId,
      agreement: { terms: terms.map((term, i) => ({ id: `${caseId}${i}`, kind: 'restitution', ...term })) },
    });
    expect(
      overdueTerms([
        outcome('a', [
          { dueBy: '2026-11-30', status: 'overdue' },
          { dueBy: '2026-11-01', status: 'fulfilled' },
        ]),
        outcome('b', [{ dueBy: '2026-11-10', status: 'overdue' }]),
        null,
        { caseId: 'c', agreement: null },
      ]),
    ).toEqual([
      { caseId: 'b', kind: 'restitution', dueBy: '2026-11-10' },
      { caseId: 'a', kind: 'restitution', dueBy: '2026-11-30' },
    ]);
  });

  it('says what the caseload means for new offers', () => {
    expect(caseloadOf({ openCases: 3, capacity: 5 })).toMatchObject({
      full: false,
      text: '2 more cases before you are full',
    });
    expect(caseloadOf({ openCases: 5, capacity: 5 }).text).toMatch(/^Full: you receive no new offers/);
    expect(caseloadOf({ openCases: 0, capacity: 0 }).text).toBe('Capacity is 0: you receive no new offers');
  });
});

describe('the forms', () => {
  it('sends only what a partner administrator may change, never specialist status, and `active` only when offered', () => {
    const form = profileFormFrom({
      capacity: '12',
      languages: 'nl, en',
      responseHours: '0,5',
      contactEmail: '',
      active: 'no',
      specialties: ['sexual_offense'],
      name: 'X',
    });
    expect(profileChangesBody(form, true)).toEqual({
      capacity: 12,
      languages: ['nl', 'en'],
      responseHours: 0.5,
      contact: null,
      active: false,
    });
    expect(profileChangesBody(form, false)).not.toHaveProperty('active');
  });

  it('registers a mediator with the account id and never sends it when changing one', () => {
    const form = mediatorFormFrom({
      sub: ' mediator-7 ',
      fullName: 'Mia Mediator',
      email: 'mia@partner.example',
      specialties: 'youth, youth, domestic_violence',
    });
    expect(newMediatorBody(form)).toEqual({
      sub: 'mediator-7',
      fullName: 'Mia Mediator',
      contact: { email: 'mia@partner.example' },
      specialties: ['youth', 'domestic_violence'],
    });
    expect(mediatorChangesBody(form)).not.toHaveProperty('sub');
  });

  it('offers to propose only active mediators not already on an open case, least busy first', () => {
    const mediators = [
      mediator({ sub: 'busy', fullName: 'B', caseload: 4 }),
      mediator({ sub: 'free', fullName: 'F', caseload: 1 }),
      mediator({ sub: 'gone', active: false }),
      mediator({ sub: 'on', caseload: 0 }),
    ];
    expect(
      proposableMediators(summary({ mediators: [{ mediatorId: 'on', declared: false }] }), mediators).map((m) => m.sub),
    ).toEqual(['free', 'busy']);
    expect(proposableMediators(summary({ status: 'concluded' }), mediators)).toEqual([]);
  });
});

describe('a refusal of an empty answer', () => {
  const errors = {
    summary: [
      { href: '#reasonCode', text: 'Reason needs one of the choices offered' },
      { href: '#other', text: 'Other is wrong' },
    ],
    byField: { reasonCode: 'Reason needs one of the choices offered', other: 'Other is wrong' },
  };

  it('asks for the answer instead of quoting the format rule, and only for that control', () => {
    expect(askForMissing(errors, 'reasonCode', ' ', 'Select why you decline this offer')).toEqual({
      summary: [
        { href: '#reasonCode', text: 'Select why you decline this offer' },
        { href: '#other', text: 'Other is wrong' },
      ],
      byField: { reasonCode: 'Select why you decline this offer', other: 'Other is wrong' },
    });
  });

  it('keeps the service’s sentence when something was given', () => {
    expect(askForMissing(errors, 'reasonCode', 'maybe', 'Select why you decline this offer')).toBe(errors);
  });
});

describe('the pages', () => {
  it('shows an offer without naming anyone, with what is asked and the time left in words', async () => {
    const html = await renderPage('pages/partner/offer.njk', { offer });
    // Said by the server, and kept current in the browser from the same deadline.
    expect(html).toContain(`<span data-expires-at="${offer.expiresAt}">Answer within 2 days</span>.`);
    expect(html).toMatch(/<script nonce="test-nonce">[\s\S]*'Answer within ' \+ words\(left\)/);
    expect(html).toContain('Damage to property (misdemeanour)');
    expect(html).toContain('Dutch, English');
    expect(html).toContain('What is asked');
    expect(html).toContain(`href="/partner/offers/${offer.id}/accept"`);
    expect(html).toContain(`href="/partner/offers/${offer.id}/decline"`);
    expect(html).not.toMatch(/fullName|Robin|Casey/);
  });

  it('asks to decline with a reason in words', async () => {
    const html = await renderPage('pages/partner/offer-decline.njk', { offer, reasons: choicesOf('declineReason') });
    expect(html).toContain('Why do you decline this offer?');
    expect(html).toContain('value="no_capacity"');
    expect(html).toContain('The programme has no capacity');
  });

  it('shows specialist status read-only and offers no control for it', async () => {
    const partner = {
      id: 'p',
      name: 'Herstel Noord',
      jurisdictions: ['NL-NH'],
      offenseCategories: ['theft'],
      languages: ['nl'],
      languageNames: ['Dutch'],
      servesMinors: false,
      capacity: 5,
      openCases: 2,
      responseHours: 48,
      typicalResponseHours: null,
      specialties: ['domestic_violence'],
      active: true,
      deactivatedAt: null,
      contact: null,
    };
    const html = await renderPage('pages/partner/profile.njk', {
      partner,
      form: { capacity: '5', languages: 'nl', responseHours: '48', contactEmail: '', active: 'yes' },
      deactivatedByAdmin: false,
    });
    expect(html).toContain('Specialist for Domestic violence (decided by an administrator)');
    expect(html).not.toContain('name="specialties"');
    expect(html).toContain('name="active"');
    const deactivated = await renderPage('pages/partner/profile.njk', {
      partner: { ...partner, active: false, deactivatedAt: '2026-12-01T00:00:00Z' },
      form: {},
      deactivatedByAdmin: true,
    });
    expect(deactivated).not.toContain('name="active"');
    expect(deactivated).toContain('only a platform administrator can make it active again');
  });

  it('confirms a deactivation and says the mediator keeps their cases', async () => {
    const html = await renderPage('pages/partner/mediator-deactivate.njk', {
      mediator: mediator({ sub: 'mediator-1', caseload: 2 }),
    });
    expect(html).toContain('Are you sure you want to deactivate this mediator?');
    expect(html).toContain('they keep the cases they already have (2 open cases)');
    expect(html).toContain('action="/partner/mediators/mediator-1/deactivate"');
  });

  it('proposes a mediator from the case page and shows a refusal at the choice', async () => {
    const kase = {
      ...summary(),
      personalDataErasedAt: null,
      participants: [
        {
          id: 'p1',
          role: 'harmed',
          minor: false,
          fullName: 'Robin Example',
          preferredLanguage: 'en',
          interpreter: false,
          hasAccessibilityNeeds: false,
          preparation: { informationRecorded: false, latestRisk: 'indirect_only', preparationHeld: false },
        },
      ],
    };
    const errors = {
      summary: [{ href: '#mediatorId', text: 'This mediator is deactivated, so they cannot be proposed for a case.' }],
      byField: {},
    };
    const html = await renderPage('pages/partner/case.njk', {
      kase,
      ref: 'A1B2',
      step: nextStepOf(kase),
      caseMediators: [],
      proposable: [{ ...mediator(), checked: true }],
      errors,
    });
    expect(html).toContain('Robin Example');
    expect(html).toContain('Indirect dialogue only');
    expect(html).toContain('href="#mediatorId">This mediator is deactivated');
    expect(html).toMatch(/name="mediatorId" type="radio" value="mediator-1" checked/);
    expect(html).toContain(`action="/partner/cases/${kase.id}/mediators"`);
  });

  it('shows the home page’s sections with nothing hidden behind an empty list', async () => {
    const html = await renderPage('pages/partner/home.njk', {
      partner: { name: 'Herstel Noord' },
      caseload: caseloadOf({ openCases: 5, capacity: 5 }),
      offers: [offer],
      waiting: [],
      flags: [{ caseId: 'c', kind: 'stop', text: 'A risk assessment said stop', ref: 'C' }],
      overdue: [],
      missedChecks: 1,
    });
    expect(html).toContain('Answer within 2 days');
    expect(html).toContain('5 of 5');
    expect(html).toContain('Full: you receive no new offers');
    expect(html).toContain('A risk assessment said stop');
    expect(html).toContain('No agreement term is overdue.');
    expect(html).toContain('Some cases could not be checked just now (1)');
  });
});

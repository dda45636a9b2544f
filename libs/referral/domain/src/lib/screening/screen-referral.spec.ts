import fc from 'fast-check';
import { OFFENSE_SEVERITIES, ReferralScreened, STAGES, validateEventData } from '@rj/shared/contracts';
import {
  decidedByDefaultPolicy,
  excludedCategoryOf,
  requiresSpecialist,
  screenedEventData,
  type ScreeningInput,
} from './screening-decision';
import { DEFAULT_SCREENING_POLICY, policyFor, type ScreeningPolicy } from './screening-policy';
import { screenReferral } from './screen-referral';

const referral = (
  overrides: Partial<ScreeningInput> = {},
  offense: Partial<ScreeningInput['offense']> = {},
): ScreeningInput => ({
  jurisdiction: 'NL-NH',
  stage: 'pre_trial',
  protectiveOrder: false,
  ...overrides,
  offense: { category: 'property_damage', severity: 'misdemeanor', ...offense },
});

const policy = (overrides: Partial<ScreeningPolicy> = {}): ScreeningPolicy => ({
  ...DEFAULT_SCREENING_POLICY,
  jurisdiction: 'NL-NH',
  version: 4,
  ...overrides,
});

describe('screenReferral', () => {
  describe('the default policy (api.md)', () => {
    it('is version 0 for every jurisdiction without its own', () => {
      expect(DEFAULT_SCREENING_POLICY).toMatchObject({ jurisdiction: '*', version: 0 });
      expect(policyFor('NL-NH', [])).toBe(DEFAULT_SCREENING_POLICY);
      const own = policy();
      expect(policyFor('NL-NH', [own])).toBe(own);
      expect(policyFor('NL-FL', [own])).toBe(DEFAULT_SCREENING_POLICY);
    });

    it('excludes domestic violence and sexual offences', () => {
      for (const category of ['domestic_violence', 'sexual_offense']) {
        const decision = screenReferral(referral({}, { category }), DEFAULT_SCREENING_POLICY);
        expect(decision.outcome).toBe('ineligible');
        expect(decision.reasons).toEqual([{ rule: 'excluded_offense_category', detail: category }]);
      }
    });

    it('allows every stage', () => {
      for (const stage of STAGES)
        expect(screenReferral(referral({ stage }), DEFAULT_SCREENING_POLICY).outcome).toBe('eligible');
    });

    it('sends a referral with a protective order in force to review', () => {
      expect(screenReferral(referral({ protectiveOrder: true }), DEFAULT_SCREENING_POLICY)).toEqual({
        outcome: 'needs_review',
        reasons: [{ rule: 'protective_order_review', detail: 'protective_order' }],
        policyVersion: 0,
        policyJurisdiction: '*',
      });
    });
  });

  it('finds a referral no rule applies to eligible, with no reasons', () => {
    expect(screenReferral(referral(), policy())).toEqual({
      outcome: 'eligible',
      reasons: [],
      policyVersion: 4,
      policyJurisdiction: 'NL-NH',
    });
  });

  it('records which policy version decided', () => {
    const v5 = policy({ version: 5, excludedOffenseCategories: ['property_damage'] });
    expect(screenReferral(referral(), policy({ version: 4 })).policyVersion).toBe(4);
    expect(screenReferral(referral(), v5)).toMatchObject({ outcome: 'ineligible', policyVersion: 5 });
  });

  it('makes an excluded severity ineligible', () => {
    const decision = screenReferral(referral({}, { severity: 'felony' }), policy({ excludedSeverities: ['felony'] }));
    expect(decision).toMatchObject({
      outcome: 'ineligible',
      reasons: [{ rule: 'excluded_severity', detail: 'felony' }],
    });
  });

  it('makes a stage the jurisdiction does not divert at ineligible', () => {
    const decision = screenReferral(
      referral({ stage: 'post_conviction' }),
      policy({ allowedStages: ['pre_charge', 'pre_trial'] }),
    );
    expect(decision).toMatchObject({
      outcome: 'ineligible',
      reasons: [{ rule: 'stage_not_allowed', detail: 'post_conviction' }],
    });
  });

  it('sends a review category to review', () => {
    const decision = screenReferral(
      referral({}, { category: 'assault' }),
      policy({ reviewOffenseCategories: ['assault'] }),
    );
    expect(decision).toMatchObject({
      outcome: 'needs_review',
      reasons: [{ rule: 'review_offense_category', detail: 'assault' }],
    });
  });

  it('ignores a protective order when the policy does not send it to review', () => {
    expect(
      screenReferral(referral({ protectiveOrder: true }), policy({ protectiveOrderNeedsReview: false })).outcome,
    ).toBe('eligible');
  });

  it('lists every applicable reason, excluding ones first, and ineligible wins over review', () => {
    const strict = policy({
      excludedOffenseCategories: ['assault'],
      excludedSeverities: ['felony'],
      allowedStages: ['pre_charge'],
      protectiveOrderNeedsReview: true,
    });
    const decision = screenReferral(
      referral({ protectiveOrder: true, stage: 'pre_trial' }, { category: 'assault', severity: 'felony' }),
      strict,
    );
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons.map((reason) => reason.rule)).toEqual([
      'excluded_offense_category',
      'excluded_severity',
      'stage_not_allowed',
      'protective_order_review',
    ]);
  });

  it('says an excluded category needs a specialist if overridden, and which', () => {
    const excluded = screenReferral(referral({}, { category: 'domestic_violence' }), DEFAULT_SCREENING_POLICY);
    expect(requiresSpecialist(excluded)).toBe(true);
    expect(excludedCategoryOf(excluded)).toBe('domestic_violence');
    const stageOnly = screenReferral(referral({ stage: 'post_conviction' }), policy({ allowedStages: ['pre_trial'] }));
    expect(requiresSpecialist(stageOnly)).toBe(false);
  });

  it('gives referral.screened its data, never an override', () => {
    const data = screenedEventData(
      screenReferral(referral({ protectiveOrder: true }, { category: 'domestic_violence' }), policy()),
      'NL-NH',
    );
    expect(data).toMatchObject({
      outcome: 'ineligible',
      excludedCategoryOverride: false,
      policyVersion: 4,
      policyJurisdiction: 'NL-NH',
    });
    expect(validateEventData(ReferralScreened, data)).toEqual([]);
  });

  it("names the referral's jurisdiction with version 0 when the default policy decided, as the contract needs a code", () => {
    const decision = screenReferral(
      referral({ jurisdiction: 'NL-FL', protectiveOrder: true }),
      DEFAULT_SCREENING_POLICY,
    );
    expect(decidedByDefaultPolicy(decision)).toBe(true);
    expect(decidedByDefaultPolicy(screenReferral(referral(), policy()))).toBe(false);
    const data = screenedEventData(decision, 'NL-FL');
    expect(data).toMatchObject({ outcome: 'needs_review', policyVersion: 0, policyJurisdiction: 'NL-FL' });
    expect(validateEventData(ReferralScreened, data)).toEqual([]);
  });

  describe('properties', () => {
    const category = fc.constantFrom(
      'property_damage',
      'assault',
      'theft',
      'domestic_violence',
      'sexual_offense',
      'vandalism',
    );
    const input = fc.record({
      jurisdiction: fc.constantFrom('NL-NH', 'NL-FL'),
      stage: fc.constantFrom(...STAGES),
      protectiveOrder: fc.boolean(),
      offense: fc.record({ category, severity: fc.constantFrom(...OFFENSE_SEVERITIES) }),
    });
    const anyPolicy = fc.record({
      jurisdiction: fc.constant('NL-NH'),
      version: fc.nat(100),
      excludedOffenseCategories: fc.uniqueArray(category, { maxLength: 3 }),
      reviewOffenseCategories: fc.uniqueArray(category, { maxLength: 3 }),
      allowedStages: fc.uniqueArray(fc.constantFrom(...STAGES)),
      excludedSeverities: fc.uniqueArray(fc.constantFrom(...OFFENSE_SEVERITIES), { maxLength: 2 }),
      protectiveOrderNeedsReview: fc.boolean(),
    });

    it('is deterministic and ineligible whenever an excluded category is present', () => {
      fc.assert(
        fc.property(input, anyPolicy, (referralInput, screeningPolicy) => {
          const first = screenReferral(referralInput, screeningPolicy);
          expect(screenReferral(structuredClone(referralInput), { ...screeningPolicy })).toEqual(first);
          expect(first.policyVersion).toBe(screeningPolicy.version);
          if (screeningPolicy.excludedOffenseCategories.includes(referralInput.offense.category)) {
            expect(first.outcome).toBe('ineligible');
            expect(first.reasons[0]).toEqual({
              rule: 'excluded_offense_category',
              detail: referralInput.offense.category,
            });
          }
          expect(first.outcome === 'eligible').toBe(first.reasons.length === 0);
        }),
        { numRuns: 500 },
      );
    });
  });
});

import { RuleViolation } from '@rj/shared/contracts';
import { addDays, localDay } from './local-day';
import { DEFAULT_PRACTICE_THRESHOLDS as T, thresholdsFor } from './practice-thresholds';
import {
  assertPractitionerMayBeProposed,
  holdsSpecialistCredential,
  practitionerProblems,
  supervisionStanding,
  type CredentialFact,
  type PractitionerFacts,
  type ProposalContext,
} from './practitioner-standing';

const TODAY = '2026-12-06';
const VERIFIED = '2026-11-01';

const credential = (over: Partial<CredentialFact> = {}): CredentialFact => ({
  kind: 'basic_mediation',
  hours: 30,
  expiresOn: null,
  categories: [],
  verifiedOn: VERIFIED,
  ...over,
});

/** A mediator who meets every rule on TODAY, for an adult case with no one else on it. */
const qualified = (over: Partial<PractitionerFacts> = {}): PractitionerFacts => ({
  credentials: [
    credential(),
    credential({ kind: 'restorative_justice', hours: 12 }),
    credential({ kind: 'youth', hours: 8 }),
  ],
  backgroundChecks: [
    { kind: 'criminal_record', expiresOn: '2027-06-01', verifiedOn: VERIFIED },
    { kind: 'barred_list_children', expiresOn: '2027-06-01', verifiedOn: VERIFIED },
  ],
  lastSupervisionOn: null,
  coFacilitatedCases: 3,
  openCaseload: 0,
  ...over,
});
const adultCase: ProposalContext = { minorInvolved: false, experiencedLeadOnCase: false };
const rules = (facts: PractitionerFacts, context = adultCase, today = TODAY) =>
  practitionerProblems(facts, context, T, today).map((p) => p.rule);

describe('practitioner standing: who may be proposed for a new case (issue 22)', () => {
  it('proposes a mediator who meets every rule', () => {
    expect(rules(qualified())).toEqual([]);
    expect(() => assertPractitionerMayBeProposed(qualified(), adultCase, T, TODAY)).not.toThrow();
  });

  describe('basic mediation training (Nebraska: at least 30 hours)', () => {
    it('refuses 29 hours and accepts 30, summed over verified courses', () => {
      expect(
        rules(qualified({ credentials: [credential({ hours: 29 }), credential({ kind: 'restorative_justice' })] })),
      ).toEqual(['basic_mediation_training']);
      expect(
        rules(
          qualified({
            credentials: [
              credential({ hours: 20 }),
              credential({ hours: 10 }),
              credential({ kind: 'restorative_justice' }),
            ],
          }),
        ),
      ).toEqual([]);
    });

    it('does not count an unverified course', () => {
      expect(
        rules(
          qualified({ credentials: [credential({ verifiedOn: null }), credential({ kind: 'restorative_justice' })] }),
        ),
      ).toEqual(['basic_mediation_training']);
    });

    it('names the hours in words', () => {
      const [problem] = practitionerProblems(
        qualified({ credentials: [credential({ hours: 29 }), credential({ kind: 'restorative_justice' })] }),
        adultCase,
        T,
        TODAY,
      );
      expect(problem.message).toBe(
        'This mediator has 29 of the 30 hours of verified, unexpired basic mediation training required.',
      );
    });

    it('follows the jurisdiction’s own threshold', () => {
      const strict = { ...T, jurisdiction: 'US-NE', minBasicMediationHours: 40 };
      expect(practitionerProblems(qualified(), adultCase, strict, TODAY).map((p) => p.rule)).toEqual([
        'basic_mediation_training',
      ]);
    });
  });

  it('needs verified restorative-justice training', () => {
    expect(rules(qualified({ credentials: [credential()] }))).toEqual(['restorative_justice_training']);
    expect(
      rules(qualified({ credentials: [credential(), credential({ kind: 'restorative_justice', verifiedOn: null })] })),
    ).toEqual(['restorative_justice_training']);
  });

  describe('expiry counts through the local day', () => {
    it('counts a credential expiring today, not one that expired yesterday', () => {
      const expiring = (expiresOn: string) =>
        qualified({ credentials: [credential({ expiresOn }), credential({ kind: 'restorative_justice' })] });
      expect(rules(expiring(TODAY))).toEqual([]);
      expect(rules(expiring(addDays(TODAY, -1)))).toEqual(['basic_mediation_training']);
    });

    it('judges the day in the jurisdiction’s time zone: 23:59 in Amsterdam is still the expiry day, midnight is not', () => {
      const facts = qualified({
        backgroundChecks: [{ kind: 'criminal_record', expiresOn: '2026-12-06', verifiedOn: VERIFIED }],
      });
      const justBefore = localDay(new Date('2026-12-06T22:59:59Z'), 'Europe/Amsterdam');
      const midnight = localDay(new Date('2026-12-06T23:00:00Z'), 'Europe/Amsterdam');
      expect([justBefore, midnight]).toEqual(['2026-12-06', '2026-12-07']);
      expect(rules(facts, adultCase, justBefore)).toEqual([]);
      expect(rules(facts, adultCase, midnight)).toEqual(['background_check']);
    });
  });

  it('needs a verified, valid background check', () => {
    expect(rules(qualified({ backgroundChecks: [] }))).toEqual(['background_check']);
    expect(
      rules(qualified({ backgroundChecks: [{ kind: 'criminal_record', expiresOn: null, verifiedOn: null }] })),
    ).toEqual(['background_check']);
  });

  it('needs a youth credential and a barred-list check when a party is a minor', () => {
    const minor = { ...adultCase, minorInvolved: true };
    expect(rules(qualified(), minor)).toEqual([]);
    const noYouth = qualified({
      credentials: [credential(), credential({ kind: 'restorative_justice' })],
      backgroundChecks: [{ kind: 'criminal_record', expiresOn: null, verifiedOn: VERIFIED }],
    });
    expect(rules(noYouth, minor)).toEqual(['youth_credential', 'barred_list_check']);
    expect(rules(noYouth, adultCase)).toEqual([]);
  });

  describe('supervision (RJC: every 12 weeks; the clock starts at verification, 14 days’ grace)', () => {
    const dueOn = addDays(VERIFIED, T.supervisionIntervalDays);
    it('starts the clock at the first verification', () => {
      expect(supervisionStanding(qualified(), T, TODAY)).toEqual({
        state: 'current',
        dueOn,
        graceEndsOn: addDays(dueOn, 14),
      });
      expect(supervisionStanding(qualified({ credentials: [] }), T, TODAY).state).toBe('not_started');
    });

    it('proposes a mediator whose supervision fell due yesterday or is within grace, not one past it', () => {
      expect(rules(qualified(), adultCase, addDays(dueOn, 1))).toEqual([]);
      expect(supervisionStanding(qualified(), T, addDays(dueOn, 1)).state).toBe('in_grace');
      expect(rules(qualified(), adultCase, addDays(dueOn, 14))).toEqual([]);
      expect(rules(qualified(), adultCase, addDays(dueOn, 15))).toEqual(['supervision_overdue']);
    });

    it('counts from the last session once there is one', () => {
      const supervised = qualified({ lastSupervisionOn: addDays(dueOn, 10) });
      expect(rules(supervised, adultCase, addDays(dueOn, 15))).toEqual([]);
      expect(supervisionStanding(supervised, T, TODAY).dueOn).toBe(addDays(dueOn, 10 + 84));
    });
  });

  it('keeps a mediator under the caseload cap', () => {
    expect(rules(qualified({ openCaseload: T.caseloadCap - 1 }))).toEqual([]);
    expect(rules(qualified({ openCaseload: T.caseloadCap }))).toEqual(['caseload_cap']);
  });

  it('proposes a new mediator only as co-facilitator beside an experienced lead until three cases are done', () => {
    expect(rules(qualified({ coFacilitatedCases: 2 }))).toEqual(['co_facilitation_required']);
    expect(rules(qualified({ coFacilitatedCases: 2 }), { ...adultCase, experiencedLeadOnCase: true })).toEqual([]);
    expect(rules(qualified({ coFacilitatedCases: 3 }))).toEqual([]);
  });

  it('lists every unmet rule in a stable order and refuses with 409 in words', () => {
    const nobody: PractitionerFacts = {
      credentials: [],
      backgroundChecks: [],
      lastSupervisionOn: null,
      coFacilitatedCases: 0,
      openCaseload: 12,
    };
    expect(rules(nobody, { minorInvolved: true, experiencedLeadOnCase: false })).toEqual([
      'basic_mediation_training',
      'restorative_justice_training',
      'background_check',
      'youth_credential',
      'barred_list_check',
      'caseload_cap',
      'co_facilitation_required',
    ]);
    let thrown: unknown;
    try {
      assertPractitionerMayBeProposed(nobody, adultCase, T, TODAY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RuleViolation);
    expect((thrown as RuleViolation).status).toBe(409);
    expect((thrown as RuleViolation).message).toMatch(
      /^This mediator cannot be proposed for this case\. This mediator has 0 of the 30 hours/,
    );
    expect((thrown as RuleViolation).unmet).toContain('background_check');
  });

  it('finds a specialist credential only for the categories it qualifies for, while valid', () => {
    const specialist = qualified({
      credentials: [credential({ kind: 'specialist_dv_sv', categories: ['domestic_violence'], expiresOn: TODAY })],
    });
    expect(holdsSpecialistCredential(specialist, 'domestic_violence', TODAY)).toBe(true);
    expect(holdsSpecialistCredential(specialist, 'sexual_offense', TODAY)).toBe(false);
    expect(holdsSpecialistCredential(specialist, 'domestic_violence', addDays(TODAY, 1))).toBe(false);
  });

  it('uses the defaults under the jurisdiction’s code when it has none of its own', () => {
    expect(thresholdsFor('NL-NH', undefined)).toEqual({ ...T, jurisdiction: 'NL-NH' });
    expect(thresholdsFor('NL-NH', { ...T, jurisdiction: 'NL-NH', caseloadCap: 5 }).caseloadCap).toBe(5);
  });
});

import { RuleViolation } from '@rj/shared/contracts';
import type { CaseState } from './case-state';
import { assertDialogueAllowed, dialogueGateProblems, type DialogueKind } from './dialogue-gate';
import { assignedMediator, BOTH, HARMED, MEDIATOR, readyCase, RESPONSIBLE } from '../test/case-fixtures';

const KINDS: DialogueKind[] = ['joint_dialogue', 'indirect_dialogue'];

describe('dialogue gate (api.md, "Dialogue gate")', () => {
  it.each(KINDS)('opens a %s when every condition is met', (kind) => {
    expect(dialogueGateProblems(readyCase(), kind, BOTH, [MEDIATOR])).toEqual([]);
    expect(() => assertDialogueAllowed(readyCase(), kind, BOTH, [MEDIATOR])).not.toThrow();
  });

  // Each row breaks exactly one condition; the gate must name exactly that one, for both kinds.
  const unmet: [string, CaseState, string[], string[], string][] = [
    ['the case is not open', readyCase({ status: 'concluded' }), BOTH, [MEDIATOR], 'case_not_open'],
    [
      'the case is on hold after a stop',
      readyCase({ status: 'on_hold', holdReason: 'risk_stop' }),
      BOTH,
      [MEDIATOR],
      'case_not_open',
    ],
    ['no mediator is named', readyCase(), BOTH, [], 'mediator_missing'],
    [
      'the mediator has not declared',
      readyCase({ mediators: [assignedMediator({ declared: false })] }),
      BOTH,
      [MEDIATOR],
      `mediator_not_declared:${MEDIATOR}`,
    ],
    [
      'the mediator declared a conflict',
      readyCase({ mediators: [assignedMediator({ conflicted: true })] }),
      BOTH,
      [MEDIATOR],
      `mediator_not_assigned:${MEDIATOR}`,
    ],
    [
      'the mediator is not on the case',
      readyCase({ mediators: [] }),
      BOTH,
      [MEDIATOR],
      `mediator_not_assigned:${MEDIATOR}`,
    ],
    ['a party of the case is left out', readyCase(), [HARMED], [MEDIATOR], `participant_not_listed:${RESPONSIBLE}`],
    ['a stranger is listed', readyCase(), [...BOTH, 'someone-else'], [MEDIATOR], 'participant_unknown:someone-else'],
    [
      'information was not recorded',
      readyCase({}, { informationRecorded: null }),
      BOTH,
      [MEDIATOR],
      `information_missing:${HARMED}`,
    ],
    [
      'participation consent is missing',
      readyCase({}, { consents: {} }),
      BOTH,
      [MEDIATOR],
      `participation_consent_missing:${HARMED}`,
    ],
    [
      'participation consent was declined',
      readyCase({}, { consents: { participation: 'declined' } }),
      BOTH,
      [MEDIATOR],
      `participation_consent_missing:${HARMED}`,
    ],
    [
      'participation consent was withdrawn',
      readyCase({}, { consents: { participation: 'withdrawn' } }),
      BOTH,
      [MEDIATOR],
      `participation_consent_missing:${HARMED}`,
    ],
    [
      'only a sharing consent was given',
      readyCase({}, { consents: { share_outcome_with_referrer: 'given' } }),
      BOTH,
      [MEDIATOR],
      `participation_consent_missing:${HARMED}`,
    ],
    [
      'a minor\u2019s guardian has not consented',
      readyCase({}, { minor: true }),
      BOTH,
      [MEDIATOR],
      `guardian_consent_missing:${HARMED}`,
    ],
    [
      'a minor\u2019s guardian withdrew',
      readyCase({}, { minor: true, guardianConsents: { participation: 'withdrawn' } }),
      BOTH,
      [MEDIATOR],
      `guardian_consent_missing:${HARMED}`,
    ],
    [
      'no risk assessment was made',
      readyCase({}, { latestRisk: null }),
      BOTH,
      [MEDIATOR],
      `risk_assessment_missing:${HARMED}`,
    ],
    [
      'the risk assessment says stop',
      readyCase({}, {}, { latestRisk: 'stop' }),
      BOTH,
      [MEDIATOR],
      `risk_stop:${RESPONSIBLE}`,
    ],
    [
      'no preparation session was held',
      readyCase({}, { preparationHeld: false }),
      BOTH,
      [MEDIATOR],
      `preparation_not_held:${HARMED}`,
    ],
    [
      'the person responsible did not acknowledge',
      readyCase({}, {}, { acknowledged: false }),
      BOTH,
      [MEDIATOR],
      `acknowledgement_missing:${RESPONSIBLE}`,
    ],
  ];

  describe.each(KINDS)('for a %s', (kind) => {
    it.each(unmet)('refuses when %s', (_name, state, participantIds, mediatorIds, problem) => {
      expect(dialogueGateProblems(state, kind, participantIds, mediatorIds)).toEqual([problem]);
      expect.assertions(4);
      try {
        assertDialogueAllowed(state, kind, participantIds, mediatorIds);
      } catch (error) {
        expect(error).toBeInstanceOf(RuleViolation);
        expect((error as RuleViolation).rule).toBe('dialogue_gate');
        expect((error as RuleViolation).unmet).toEqual([problem]);
      }
    });
  });

  it('lets a guardian-consented minor through', () => {
    const state = readyCase({}, { minor: true, guardianConsents: { participation: 'given' } });
    expect(dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual([]);
  });

  it('does not ask the person harmed to acknowledge anything', () => {
    expect(dialogueGateProblems(readyCase({}, { acknowledged: false }), 'joint_dialogue', BOTH, [MEDIATOR])).toEqual(
      [],
    );
  });

  it('refuses a joint dialogue but allows an indirect one when a party\u2019s risk is indirect_only', () => {
    const state = readyCase({}, { latestRisk: 'indirect_only' });
    expect(dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual([`risk_indirect_only:${HARMED}`]);
    expect(dialogueGateProblems(state, 'indirect_dialogue', BOTH, [MEDIATOR])).toEqual([]);
  });

  it('allows only an indirect dialogue while on hold after a participation withdrawal', () => {
    const state = readyCase({ status: 'on_hold', holdReason: 'participation_withdrawn' });
    expect(dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual(['case_not_open']);
    expect(dialogueGateProblems(state, 'indirect_dialogue', BOTH, [MEDIATOR])).toEqual([]);
  });

  it('lists every unmet condition in a stable order, ids only', () => {
    const state = readyCase(
      { mediators: [assignedMediator({ declared: false })] },
      { informationRecorded: null, consents: {} },
      { acknowledged: false },
    );
    expect(dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual([
      `mediator_not_declared:${MEDIATOR}`,
      `information_missing:${HARMED}`,
      `participation_consent_missing:${HARMED}`,
      `acknowledgement_missing:${RESPONSIBLE}`,
    ]);
  });
});

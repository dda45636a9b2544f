import type { CaseState, MediatorState, ParticipantState } from '../lib/case-state';

export const HARMED = '0190a000-0000-7000-8000-00000000000a';
export const RESPONSIBLE = '0190a000-0000-7000-8000-00000000000b';
export const MEDIATOR = 'mediator-sub-1';

/** A participant who meets every condition of the dialogue gate. */
export function readyParticipant(overrides: Partial<ParticipantState> = {}): ParticipantState {
  return {
    participantId: HARMED,
    role: 'harmed',
    minor: false,
    informationRecorded: { version: 'adult-v3', language: 'nl' },
    latestRisk: 'proceed',
    acknowledged: false,
    consents: { participation: 'given' },
    guardianConsents: {},
    preparationHeld: true,
    ...overrides,
  };
}

export const assignedMediator = (overrides: Partial<MediatorState> = {}): MediatorState => ({
  mediatorId: MEDIATOR,
  declared: true,
  conflicted: false,
  ...overrides,
});

/** An open case whose gate is open: both parties ready, the responsible acknowledged, one assigned mediator. */
export function readyCase(
  overrides: Partial<CaseState> = {},
  harmed: Partial<ParticipantState> = {},
  responsible: Partial<ParticipantState> = {},
): CaseState {
  return {
    caseId: '0190a000-0000-7000-8000-0000000000c1',
    referralId: '0190a000-0000-7000-8000-0000000000f1',
    partnerId: '0190a000-0000-7000-8000-0000000000e1',
    status: 'open',
    holdReason: null,
    participants: [
      readyParticipant(harmed),
      readyParticipant({ participantId: RESPONSIBLE, role: 'responsible', acknowledged: true, ...responsible }),
    ],
    mediators: [assignedMediator()],
    sessions: [],
    conclusion: null,
    ...overrides,
  };
}

export const BOTH = [HARMED, RESPONSIBLE];

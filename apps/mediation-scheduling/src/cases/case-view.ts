import type { ReferralParticipant } from '@rj/shared/contracts';
import type { MediationCaseEntity } from '@rj/scheduling/data-access';
import { dialogueGateProblems, type CaseStanding, type ParticipantState } from '@rj/scheduling/domain';
import type { PlainParticipant } from './participant-decryptor';

/** A case in a list: ids, roles and status; no personal data, so lists never decrypt. */
export function caseSummary(row: MediationCaseEntity) {
  return {
    id: row.id,
    referralId: row.referralId,
    partnerId: row.partnerId,
    status: row.status,
    holdReason: row.holdReason,
    openedAt: row.openedAt.toISOString(),
    participants: row.state.participants.map((p) => ({ id: p.participantId, role: p.role, minor: p.minor })),
    mediators: row.state.mediators.filter((m) => !m.conflicted).map((m) => ({ mediatorId: m.mediatorId, declared: m.declared })),
  };
}

/**
 * One case. A proposed mediator sees the named parties (to declare about them) but not the
 * preparation records; those — the privileged acknowledgement among them — are for the
 * assigned mediators and the partner's admin (product.md, Confidentiality stays with the partner).
 */
export function caseDetail(
  row: MediationCaseEntity,
  standing: Exclude<CaseStanding, null>,
  referral: { participants: ReferralParticipant[]; personalDataErasedAt: Date | null },
  plain: Map<string, PlainParticipant>,
) {
  const showPreparation = standing !== 'proposed';
  return {
    ...caseSummary(row),
    personalDataErasedAt: referral.personalDataErasedAt?.toISOString() ?? null,
    participants: row.state.participants.map((state) => {
      const source = referral.participants.find((p) => p.participantId === state.participantId);
      return {
        id: state.participantId,
        role: state.role,
        minor: state.minor,
        preferredLanguage: source?.preferredLanguage ?? null,
        interpreter: source?.interpreter ?? null,
        hasAccessibilityNeeds: source?.hasAccessibilityNeeds ?? null,
        ...(plain.get(state.participantId) ?? { fullName: null, contact: null, guardian: null }),
        ...(showPreparation ? { preparation: preparationOf(state) } : {}),
      };
    }),
    ...(showPreparation
      ? {
          dialogueGate: {
            joint_dialogue: dialogueGateProblems(row.state, 'joint_dialogue', allIds(row), assignedIds(row)),
            indirect_dialogue: dialogueGateProblems(row.state, 'indirect_dialogue', allIds(row), assignedIds(row)),
          },
        }
      : {}),
  };
}

function preparationOf(state: ParticipantState) {
  return {
    informationRecorded: state.informationRecorded,
    latestRisk: state.latestRisk,
    acknowledged: state.role === 'responsible' ? state.acknowledged : null,
    consents: state.consents,
    guardianConsents: state.minor ? state.guardianConsents : null,
    preparationHeld: state.preparationHeld,
  };
}

const allIds = (row: MediationCaseEntity) => row.state.participants.map((p) => p.participantId);
const assignedIds = (row: MediationCaseEntity) => row.state.mediators.filter((m) => m.declared && !m.conflicted).map((m) => m.mediatorId);

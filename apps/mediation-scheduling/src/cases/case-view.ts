import type { ReferralParticipant } from '@rj/shared/contracts';
import type { MediationCaseEntity } from '@rj/scheduling/data-access';
import { dialogueGateProblems, type ParticipantState } from '@rj/scheduling/domain';
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
    mediators: row.state.mediators
      .filter((m) => !m.conflicted)
      .map((m) => ({ mediatorId: m.mediatorId, declared: m.declared })),
    // When confidential information was last disclosed under an exception: the fact and its date only.
    lastDisclosureAt: row.state.lastDisclosureAt ?? null,
  };
}

/**
 * A case as a proposed mediator reads it before declaring: the parties' names and roles, which
 * the declaration is about, and nothing else of them — no contacts, guardians, needs or
 * preparation records (participantDisclosureFor).
 */
export function caseBeforeDeclaration(
  row: MediationCaseEntity,
  referral: { personalDataErasedAt: Date | null },
  names: Map<string, string | null>,
) {
  return {
    ...caseSummary(row),
    personalDataErasedAt: referral.personalDataErasedAt?.toISOString() ?? null,
    participants: row.state.participants.map((state) => ({
      id: state.participantId,
      role: state.role,
      fullName: names.get(state.participantId) ?? null,
    })),
  };
}

/**
 * One case, in full: for the assigned mediators and the partner's admin. The preparation
 * records — the privileged acknowledgement among them — are theirs only (product.md,
 * Confidentiality stays with the partner).
 */
export function caseDetail(
  row: MediationCaseEntity,
  referral: { participants: ReferralParticipant[]; personalDataErasedAt: Date | null },
  plain: Map<string, PlainParticipant>,
  contactConfirmedAt: Map<string, string> = new Map(),
) {
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
        contactConfirmedAt: contactConfirmedAt.get(state.participantId) ?? null,
        preparation: preparationOf(state),
      };
    }),
    dialogueGate: {
      joint_dialogue: dialogueGateProblems(row.state, 'joint_dialogue', allIds(row), assignedIds(row)),
      indirect_dialogue: dialogueGateProblems(row.state, 'indirect_dialogue', allIds(row), assignedIds(row)),
    },
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
const assignedIds = (row: MediationCaseEntity) =>
  row.state.mediators.filter((m) => m.declared && !m.conflicted).map((m) => m.mediatorId);

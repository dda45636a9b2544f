import type { SubmittedReferralRows } from '@rj/referral/data-access';
import { decidedByDefaultPolicy, type ScreeningDecision } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { uuidv7, type ReferralStatus } from '@rj/shared/contracts';
import { encryptField, type DataKey } from '@rj/shared/pii';
import type { NewDataKey } from '../key-store/key-store';
import type { CreateReferralDto } from './dto/create-referral.dto';
import { encryptPartyPersonalData, type PartyPersonalData } from './personal-fields';

export interface PreparedParty {
  participantId: string;
  position: number;
  /** Name, birth date, contacts, guardian, counsel, accessibility needs: ciphertext. */
  personal: PartyPersonalData;
  role: CreateReferralDto['parties'][number]['role'];
  minor: boolean;
  preferredLanguage: string;
  interpreter: boolean;
  hasAccessibilityNeeds: boolean;
}

/** A submission with its ids minted and its personal data encrypted, ready to store and announce. */
export interface PreparedReferral {
  referralId: string;
  officeId: string;
  dto: CreateReferralDto;
  dataKey: DataKey;
  caseNumber: string;
  parties: PreparedParty[];
  decision: ScreeningDecision;
  now: Date;
}

/** Mints the ids and encrypts every personal field under the referral's new data key. */
export function prepareReferral(
  dto: CreateReferralDto,
  facts: { referralId: string; officeId: string; key: NewDataKey; decision: ScreeningDecision; now: Date },
): PreparedReferral {
  const { dataKey } = facts.key;
  return {
    referralId: facts.referralId,
    officeId: facts.officeId,
    dto,
    dataKey,
    caseNumber: encryptField(dto.caseNumber, dataKey),
    parties: dto.parties.map((party, position) => ({
      participantId: uuidv7(facts.now.getTime()),
      position,
      personal: encryptPartyPersonalData(party, dataKey),
      role: party.role,
      minor: party.minor,
      preferredLanguage: party.preferredLanguage,
      interpreter: party.interpreter,
      hasAccessibilityNeeds: Boolean(party.accessibilityNeeds?.trim()),
    })),
    decision: facts.decision,
    now: facts.now,
  };
}

/**
 * The rows the submission writer stores: free text encrypted here too, it never travels; the
 * case number's keyed blind index (an HMAC) beside its ciphertext, for search.
 */
export function referralRows(
  prepared: PreparedReferral,
  key: NewDataKey,
  caseNumberIndex: string,
  principal: Principal,
  status: ReferralStatus,
  history: SubmittedReferralRows['history'],
): SubmittedReferralRows {
  const { dto, dataKey, decision, now } = prepared;
  return {
    dataKey: key.row,
    referral: {
      id: prepared.referralId,
      officeId: prepared.officeId,
      status,
      source: dto.source,
      caseNumber: prepared.caseNumber,
      caseNumberIndex,
      jurisdiction: dto.jurisdiction,
      offenseCode: dto.offense.code,
      offenseCategory: dto.offense.category,
      offenseSeverity: dto.offense.severity,
      offenseDescription: optionalCiphertext(dto.offense.description, dataKey),
      incidentDate: dto.incidentDate,
      stage: dto.stage,
      protectiveOrder: dto.protectiveOrder,
      reportBackBy: dto.reportBackBy,
      notes: optionalCiphertext(dto.notes, dataKey),
      screeningOutcome: decision.outcome,
      screeningReasons: decision.reasons,
      screeningPolicyVersion: decision.policyVersion,
      screeningDefaultPolicy: decidedByDefaultPolicy(decision),
      submittedBy: principal.sub,
      createdAt: now.toISOString(),
    },
    parties: prepared.parties.map((party) => ({
      participant_id: party.participantId,
      position: party.position,
      role: party.role,
      minor: party.minor,
      preferred_language: party.preferredLanguage,
      interpreter: party.interpreter,
      full_name: party.personal.fullName as string,
      date_of_birth: party.personal.dateOfBirth ?? null,
      accessibility_needs: party.personal.accessibilityNeeds ?? null,
      contact: party.personal.contact,
      guardian: party.personal.guardian ?? null,
      counsel: party.personal.counsel ?? null,
    })),
    history,
  };
}

function optionalCiphertext(text: string | null | undefined, dataKey: DataKey): string | null {
  return text === undefined || text === null ? null : encryptField(text, dataKey);
}

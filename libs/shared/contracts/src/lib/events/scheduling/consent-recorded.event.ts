/**
 * consent.recorded — emitted by mediation-scheduling for each consent given, declined or
 * withdrawn, per participant and purpose (a guardian's for a minor is its own event with
 * `byGuardian: true`). Consumed by referral-intake (sharing consents for the report),
 * outcome-tracking (sharing and `receive_outcome` consents) and audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { CONSENT_DECISIONS, CONSENT_PURPOSES, type ConsentDecision, type ConsentPurpose } from '../vocabulary';

export class ConsentRecordedData {
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @IsIn(CONSENT_DECISIONS) decision: ConsentDecision;
  @IsBoolean() byGuardian: boolean;
}

export const ConsentRecorded = defineEvent({
  type: 'consent.recorded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: ConsentRecordedData,
});

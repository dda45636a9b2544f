/**
 * case.concluded — emitted by mediation-scheduling when the mediator concludes the case (with or
 * without agreement), or the platform does on referral.withdrawn (`referral_withdrawn`).
 * Consumed by partner-matching (capacity freed), outcome-tracking (agreement follows, or the case
 * is returned with the neutral reason) and audit-ledger. Aggregate: case.
 */
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent } from '../common';
import { CONCLUSION_REASON_CODES, type ConclusionReasonCode } from '../vocabulary';

export class CaseConcludedData {
  @IsUUID() caseId: string;
  @IsBoolean()
  @IsConsistent<CaseConcludedData>((d) =>
    (d.agreementReached === false) === (d.reasonCode !== undefined)
      ? undefined
      : 'reasonCode is given exactly when no agreement was reached',
  )
  agreementReached: boolean;
  /** Neutral: never which party chose what (product.md, failure is not punished). */
  @IsOptional() @IsIn(CONCLUSION_REASON_CODES) reasonCode?: ConclusionReasonCode;
}

export const CaseConcluded = defineEvent({
  type: 'case.concluded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: CaseConcludedData,
});

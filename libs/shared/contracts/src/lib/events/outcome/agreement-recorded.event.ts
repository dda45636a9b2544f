/**
 * agreement.recorded — emitted by outcome-tracking when the assigned mediator records the
 * agreement every participant consented to. Terms carry kinds, dates and amounts; a term's
 * description is free text and stays in outcome-tracking. Consumed by referral-intake (term
 * statuses for the report, where every party consented to sharing) and audit-ledger.
 * Aggregate: agreement.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsHours, IsIsoDate, Money } from '../common';
import { TERM_KINDS, TERM_RECIPIENTS, type TermKind, type TermRecipient } from '../vocabulary';

export const MAX_AGREEMENT_TERMS = 30;
export const MAX_CONSENTING_PARTICIPANTS = 20;

function checkTermShape(t: AgreementTerm): string | undefined {
  // product.md, Agreement: restitution has amount, instalments, recipient; community service hours.
  if (t.kind === 'restitution' && !t.amount) return 'a restitution term has an amount';
  if (t.kind !== 'restitution' && (t.amount || t.instalments !== undefined || t.recipient !== undefined)) {
    return 'amount, instalments and recipient belong to a restitution term';
  }
  if (t.kind === 'community_service' && t.hours === undefined) return 'a community service term has hours';
  if (t.kind !== 'community_service' && t.hours !== undefined) return 'hours belong to a community service term';
  return undefined;
}

export class AgreementTerm {
  @IsUUID() termId: string;
  @IsIn(TERM_KINDS) @IsConsistent<AgreementTerm>(checkTermShape) kind: TermKind;
  @IsIsoDate() dueBy: string;
  @IsOptional() @ValidateNested() @Type(() => Money) amount?: Money;
  @IsOptional() @IsInt() @Min(1) @Max(120) instalments?: number;
  @IsOptional() @IsIn(TERM_RECIPIENTS) recipient?: TermRecipient;
  @IsOptional() @IsHours() hours?: number;
}

export class AgreementRecordedData {
  @IsUUID() agreementId: string;
  @IsUUID() caseId: string;
  @IsDefined()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AGREEMENT_TERMS)
  @ValidateNested({ each: true })
  @Type(() => AgreementTerm)
  @IsConsistent<AgreementRecordedData>((d) => {
    const ids = Array.isArray(d.terms) ? d.terms.map((t) => t?.termId) : [];
    return new Set(ids).size === ids.length ? undefined : 'termIds must be unique';
  })
  terms: AgreementTerm[];
  /** Every participant of the case (outcome-tracking checks it is every one). */
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  consentedBy: string[];
}

export const AgreementRecorded = defineEvent({
  type: 'agreement.recorded',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'agreement',
  referralScoped: true,
  schema: AgreementRecordedData,
});

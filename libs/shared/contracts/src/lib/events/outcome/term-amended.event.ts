/**
 * term.amended — emitted by outcome-tracking when a term's due date (or amount, or hours) is
 * changed with every participant's consent. Carries only what changed, as new values.
 * Consumed by referral-intake (term status for the report) and audit-ledger.
 * Aggregate: agreement (a term lives inside its agreement).
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsHours, IsIsoDate, Money } from '../common';
import { MAX_CONSENTING_PARTICIPANTS } from './agreement-recorded.event';

export class TermAmendedData {
  @IsUUID() agreementId: string;
  @IsUUID()
  @IsConsistent<TermAmendedData>((d) =>
    d.dueBy === undefined && d.amount === undefined && d.hours === undefined
      ? 'an amendment changes dueBy, amount or hours'
      : undefined,
  )
  termId: string;
  @IsOptional() @IsIsoDate() dueBy?: string;
  @IsOptional() @ValidateNested() @Type(() => Money) amount?: Money;
  @IsOptional() @IsHours() hours?: number;
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_CONSENTING_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  consentedBy: string[];
}

export const TermAmended = defineEvent({
  type: 'term.amended',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'agreement',
  referralScoped: true,
  schema: TermAmendedData,
});

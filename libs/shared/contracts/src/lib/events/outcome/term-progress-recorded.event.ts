/**
 * term.progress_recorded — emitted by outcome-tracking when the mediator records progress on a
 * term: a payment, hours served, or done (for terms with no amount or hours). Running totals
 * travel with it so a consumer needs no sum of its own. The mediator's note stays in
 * outcome-tracking. Consumed by referral-intake and audit-ledger. Aggregate: agreement.
 */
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsHours, Money } from '../common';

function checkProgress(d: TermProgressRecordedData): string | undefined {
  if (d.amount === undefined && d.hours === undefined && d.done === undefined)
    return 'progress records an amount, hours or done';
  if ((d.amount === undefined) !== (d.totalAmount === undefined)) return 'totalAmount comes with amount';
  if ((d.hours === undefined) !== (d.totalHours === undefined)) return 'totalHours comes with hours';
  return undefined;
}

export class TermProgressRecordedData {
  @IsUUID() agreementId: string;
  @IsUUID() @IsConsistent<TermProgressRecordedData>(checkProgress) termId: string;
  @IsOptional() @ValidateNested() @Type(() => Money) amount?: Money;
  @IsOptional() @IsHours() hours?: number;
  @IsOptional() @IsBoolean() done?: boolean;
  /** Paid so far on this term, this payment included. */
  @IsOptional() @ValidateNested() @Type(() => Money) totalAmount?: Money;
  /** Served so far on this term, these hours included. */
  @IsOptional() @IsHours() totalHours?: number;
}

export const TermProgressRecorded = defineEvent({
  type: 'term.progress_recorded',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'agreement',
  referralScoped: true,
  schema: TermProgressRecordedData,
});

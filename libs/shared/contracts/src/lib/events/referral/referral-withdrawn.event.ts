/**
 * referral.withdrawn — emitted by referral-intake when the prosecutor withdraws the referral.
 * Final. Consumed by partner-matching (withdraw open offers, free capacity),
 * mediation-scheduling (conclude the case with `referral_withdrawn`, cancel sessions and
 * reminders), outcome-tracking (drop follow-ups, emit nothing further) and audit-ledger.
 * Aggregate: referral.
 */
import { IsIn } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { WITHDRAW_REASON_CODES, type WithdrawReasonCode } from '../vocabulary';

export class ReferralWithdrawnData {
  @IsIn(WITHDRAW_REASON_CODES) reasonCode: WithdrawReasonCode;
}

export const ReferralWithdrawn = defineEvent({
  type: 'referral.withdrawn',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralWithdrawnData,
});

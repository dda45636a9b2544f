/**
 * referral.unmatched — emitted by partner-matching when no candidate is left (none matched, or
 * every offer was declined or expired): the referral goes back to the prosecutor.
 * Consumed by referral-intake (status `unmatched`) and audit-ledger.
 * Aggregate: match (matching's process ended; intake owns the referral itself).
 */
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class ReferralUnmatchedData {
  @IsUUID() matchId: string;
  @IsInt() @Min(0) @Max(200) offersMade: number;
}

export const ReferralUnmatched = defineEvent({
  type: 'referral.unmatched',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'match',
  referralScoped: true,
  schema: ReferralUnmatchedData,
});

/**
 * referral.deadline_at_risk — emitted by referral-intake's deadline scan (actor
 * `system:referral-intake`) when an open referral may miss its report-back date; flagged to the
 * prosecutor, never pushed onto the parties. Consumed by audit-ledger. Aggregate: referral.
 */
import { IsInt, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsIsoDate } from '../common';

export class ReferralDeadlineAtRiskData {
  @IsIsoDate() reportBackBy: string;
  /** Whole days from the scan to the deadline; 0 is the deadline's own day. */
  @IsInt() @Min(0) @Max(3660) daysLeft: number;
}

export const ReferralDeadlineAtRisk = defineEvent({
  type: 'referral.deadline_at_risk',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralDeadlineAtRiskData,
});

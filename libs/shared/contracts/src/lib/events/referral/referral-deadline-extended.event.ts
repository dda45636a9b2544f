/**
 * referral.deadline_extended — emitted by referral-intake when the prosecutor moves the
 * report-back deadline later (never earlier). Consumed by audit-ledger. Aggregate: referral.
 */
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsIsoDate } from '../common';

export class ReferralDeadlineExtendedData {
  @IsIsoDate() previousReportBackBy: string;
  @IsIsoDate()
  @IsConsistent<ReferralDeadlineExtendedData>((d) =>
    d.reportBackBy > d.previousReportBackBy ? undefined : 'reportBackBy must be later than previousReportBackBy',
  )
  reportBackBy: string;
}

export const ReferralDeadlineExtended = defineEvent({
  type: 'referral.deadline_extended',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralDeadlineExtendedData,
});

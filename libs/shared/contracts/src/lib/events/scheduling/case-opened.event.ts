/**
 * case.opened — emitted by mediation-scheduling when it opens a case for an accepted offer.
 * The case id is minted here and used unchanged by outcome-tracking. Consumed by
 * referral-intake (the referral shows `caseId`), partner-matching (capacity in use),
 * outcome-tracking (case ↔ referral ↔ partner links) and audit-ledger. Aggregate: case.
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class CaseOpenedData {
  @IsUUID() caseId: string;
  @IsUUID() partnerId: string;
  @IsUUID() offerId: string;
}

export const CaseOpened = defineEvent({
  type: 'case.opened',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: CaseOpenedData,
});

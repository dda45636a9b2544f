/**
 * offer.accepted — emitted by partner-matching when the partner's admin accepts an offer: the
 * partner may now see the parties' names. Consumed by referral-intake (status `assigned`,
 * partnerId), mediation-scheduling (opens the case), outcome-tracking (partner link) and
 * audit-ledger.
 * Aggregate: offer (the referral rides in the envelope).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class OfferAcceptedData {
  @IsUUID() offerId: string;
  @IsUUID() partnerId: string;
}

export const OfferAccepted = defineEvent({
  type: 'offer.accepted',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'offer',
  referralScoped: true,
  schema: OfferAcceptedData,
});

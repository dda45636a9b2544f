/**
 * offer.expired — emitted by partner-matching's expiry job (actor `system:partner-matching`)
 * when the response window passed unanswered; the next candidate gets an offer.
 * Consumed by audit-ledger.
 * Aggregate: offer (the referral rides in the envelope).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class OfferExpiredData {
  @IsUUID() offerId: string;
  @IsUUID() partnerId: string;
}

export const OfferExpired = defineEvent({
  type: 'offer.expired',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'offer',
  referralScoped: true,
  schema: OfferExpiredData,
});

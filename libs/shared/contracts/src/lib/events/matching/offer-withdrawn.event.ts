/**
 * offer.withdrawn — emitted by partner-matching when a pending offer is taken back because the
 * referral was withdrawn (the causation id names the referral.withdrawn). Consumed by
 * audit-ledger.
 * Aggregate: offer (the referral rides in the envelope).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class OfferWithdrawnData {
  @IsUUID() offerId: string;
  @IsUUID() partnerId: string;
}

export const OfferWithdrawn = defineEvent({
  type: 'offer.withdrawn',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'offer',
  referralScoped: true,
  schema: OfferWithdrawnData,
});

/**
 * offer.declined — emitted by partner-matching when the partner declines; the next candidate
 * gets an offer. Consumed by audit-ledger (and matching's own decline-reason figures).
 * Aggregate: offer (the referral rides in the envelope).
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { DECLINE_REASON_CODES, type DeclineReasonCode } from '../vocabulary';

export class OfferDeclinedData {
  @IsUUID() offerId: string;
  @IsUUID() partnerId: string;
  @IsIn(DECLINE_REASON_CODES) reasonCode: DeclineReasonCode;
}

export const OfferDeclined = defineEvent({
  type: 'offer.declined',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'offer',
  referralScoped: true,
  schema: OfferDeclinedData,
});

/**
 * offer.made — emitted by partner-matching when it offers the referral to the next candidate.
 * The partner sees offence category, severity, jurisdiction, languages and minors (from its own
 * copy of referral.submitted), never names or contacts. Consumed by referral-intake (status
 * `offered`) and audit-ledger. Aggregate: offer (the referral rides in the envelope).
 */
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsTimestamp } from '../common';

export class OfferMadeData {
  @IsUUID() offerId: string;
  @IsUUID() matchId: string;
  @IsUUID() partnerId: string;
  /** The candidate's place in match.computed, 1 = best. */
  @IsInt() @Min(1) @Max(200) rank: number;
  @IsTimestamp() expiresAt: string;
}

export const OfferMade = defineEvent({
  type: 'offer.made',
  version: 1,
  topic: Topics.matching,
  aggregateType: 'offer',
  referralScoped: true,
  schema: OfferMadeData,
});

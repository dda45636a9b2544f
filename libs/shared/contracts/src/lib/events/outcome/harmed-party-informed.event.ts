/**
 * harmed_party.informed — emitted by outcome-tracking when the person harmed, having consented
 * to `receive_outcome`, was told whether the terms were completed, through a safe channel.
 * Never the message or the address. Consumed by audit-ledger. Aggregate: case.
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { SAFE_CHANNELS, type SafeChannel } from '../common';
import { INFORMED_RESULTS, type InformedResult } from '../vocabulary';

export class HarmedPartyInformedData {
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  @IsIn(INFORMED_RESULTS) result: InformedResult;
  @IsIn(SAFE_CHANNELS) channel: SafeChannel;
}

export const HarmedPartyInformed = defineEvent({
  type: 'harmed_party.informed',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'case',
  referralScoped: true,
  schema: HarmedPartyInformedData,
});

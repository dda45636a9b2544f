/**
 * acknowledgement.recorded — emitted by mediation-scheduling when the person responsible
 * acknowledged the basic facts. Privileged: only that it happened travels, never its content.
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class AcknowledgementRecordedData {
  @IsUUID() caseId: string;
  /** The person responsible who acknowledged. */
  @IsUUID() participantId: string;
}

export const AcknowledgementRecorded = defineEvent({
  type: 'acknowledgement.recorded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: AcknowledgementRecordedData,
});

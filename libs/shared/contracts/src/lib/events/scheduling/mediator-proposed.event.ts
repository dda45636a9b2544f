/**
 * mediator.proposed — emitted by mediation-scheduling when a partner_admin proposes a registered
 * mediator of the org for a case. The mediator can do nothing on it until declaring no conflict.
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class MediatorProposedData {
  @IsUUID() caseId: string;
  /** The mediator's `sub`. */
  @IsString() @Length(1, 100) mediatorId: string;
}

export const MediatorProposed = defineEvent({
  type: 'mediator.proposed',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: MediatorProposedData,
});

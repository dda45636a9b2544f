/**
 * mediator.declared — emitted by mediation-scheduling when a proposed mediator states whether
 * they have a conflict of interest with the named parties: `false` assigns them, `true`
 * removes them. Consumed by outcome-tracking (who may record the agreement) and audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class MediatorDeclaredData {
  @IsUUID() caseId: string;
  @IsString() @Length(1, 100) mediatorId: string;
  @IsBoolean() conflictOfInterest: boolean;
}

export const MediatorDeclared = defineEvent({
  type: 'mediator.declared',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: MediatorDeclaredData,
});

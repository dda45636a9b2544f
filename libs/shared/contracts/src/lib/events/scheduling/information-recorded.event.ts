/**
 * information.recorded — emitted by mediation-scheduling when the mediator records which
 * information pack (version, language) a participant was given; participation consent needs it.
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsLanguage } from '../common';

export class InformationRecordedData {
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  /** The information pack's version code, e.g. `adult-v3`. */
  @IsCode() informationVersion: string;
  @IsLanguage() language: string;
}

export const InformationRecorded = defineEvent({
  type: 'information.recorded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: InformationRecordedData,
});

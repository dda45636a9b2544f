/**
 * office.staff_training_recorded — emitted by referral-intake when a prosecutor's office records
 * a member of staff's restorative-justice training (prosecutors' offices are expected to train
 * their own staff in restorative principles). Ids, the day and the hours only: never the
 * person's name or the course's title. Consumed by audit-ledger.
 * Aggregate: office (no referral).
 */
import { IsNumber, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsIsoDate } from '../common';

export class OfficeStaffTrainingRecordedData {
  @IsUUID() officeId: string;
  @IsUUID() staffMemberId: string;
  @IsUUID() trainingId: string;
  @IsIsoDate() completedOn: string;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(10000) hours: number;
}

export const OfficeStaffTrainingRecorded = defineEvent({
  type: 'office.staff_training_recorded',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeStaffTrainingRecordedData,
});

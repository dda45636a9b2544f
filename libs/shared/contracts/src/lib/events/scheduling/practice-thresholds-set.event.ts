/**
 * practice_thresholds.set — emitted by mediation-scheduling when a platform admin sets a
 * jurisdiction's practice thresholds: the training hours, supervision interval and grace,
 * caseload cap and co-facilitated cases the assignment rules apply to new proposals there.
 * Every set is a new version. Consumed by audit-ledger.
 * Aggregate: jurisdiction (keyed by its code; belongs to no referral).
 */
import { IsInt, IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode } from '../common';

export class PracticeThresholdsSetData {
  @IsCode() jurisdiction: string;
  @IsInt() @Min(1) version: number;
  @IsNumber() @Min(0) @Max(10000) minBasicMediationHours: number;
  @IsNumber() @Min(0) @Max(10000) minRestorativeJusticeHours: number;
  @IsInt() @Min(1) @Max(3650) supervisionIntervalDays: number;
  @IsInt() @Min(0) @Max(365) supervisionGraceDays: number;
  @IsInt() @Min(1) @Max(1000) caseloadCap: number;
  @IsInt() @Min(0) @Max(100) coFacilitatedCasesBeforeLead: number;
  /** An IANA time zone name, e.g. Europe/Amsterdam. */
  @IsString() @Length(1, 64) timeZone: string;
}

export const PracticeThresholdsSet = defineEvent({
  type: 'practice_thresholds.set',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'jurisdiction',
  referralScoped: false,
  schema: PracticeThresholdsSetData,
});

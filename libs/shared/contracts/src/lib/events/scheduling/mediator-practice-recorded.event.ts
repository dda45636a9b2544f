/**
 * mediator.practice_recorded — emitted by mediation-scheduling when a partner_admin records an
 * item of a mediator's practice: a credential, a background check, a language the mediator was
 * checked competent in, or a practice entry (supervision session, observed practice, a case
 * co-facilitated). Ids, codes and dates only: never the issuer, certificate reference,
 * supervisor or anything said in supervision. Credentials, checks and languages count for
 * proposals only once verified (mediator.practice_verified). Consumed by audit-ledger.
 * Aggregate: mediator (keyed by the mediator's `sub`; belongs to no referral).
 */
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsCodeList, IsIsoDate } from '../common';

export const PRACTICE_RECORD_TYPE_CODES = ['credential', 'background_check', 'language', 'practice'] as const;
export type PracticeRecordTypeCode = (typeof PRACTICE_RECORD_TYPE_CODES)[number];

/** What mediator.practice_recorded and mediator.practice_verified both say of a practice record. */
export class MediatorPracticeItem {
  @IsUUID() recordId: string;
  /** The mediator's `sub`. */
  @IsString() @Length(1, 100) mediatorId: string;
  @IsUUID() partnerId: string;
  @IsIn(PRACTICE_RECORD_TYPE_CODES) recordType: PracticeRecordTypeCode;
  /** The credential or check kind, the language code, or the practice kind. */
  @IsCode() kind: string;
  /** Offence categories a credential qualifies for; empty otherwise. */
  @IsCodeList(50) offenseCategories: string[];
  /** The last day it counts; absent when it does not expire or is a practice entry. */
  @IsOptional() @IsIsoDate() expiresOn?: string;
}

export class MediatorPracticeRecordedData extends MediatorPracticeItem {
  /** The day a practice entry was held; absent for other records. */
  @IsOptional() @IsIsoDate() heldOn?: string;
}

export const MediatorPracticeRecorded = defineEvent({
  type: 'mediator.practice_recorded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'mediator',
  referralScoped: false,
  schema: MediatorPracticeRecordedData,
});

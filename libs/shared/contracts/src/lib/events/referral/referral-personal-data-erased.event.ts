/**
 * referral.personal_data_erased — emitted by referral-intake when an admin erases a referral's
 * personal data by deleting its data key (crypto-shredding). Every service drops the cached key
 * at once; mediation-scheduling stops reminders; outcome-tracking stops notices; audit-ledger
 * keeps the (now unreadable) ciphertext and its hash chain whole. Aggregate: referral.
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsTimestamp } from '../common';

export class ReferralPersonalDataErasedData {
  @IsUUID() dataKeyId: string;
  @IsTimestamp() erasedAt: string;
}

export const ReferralPersonalDataErased = defineEvent({
  type: 'referral.personal_data_erased',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralPersonalDataErasedData,
});

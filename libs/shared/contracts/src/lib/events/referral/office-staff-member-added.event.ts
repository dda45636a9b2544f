/**
 * office.staff_member_added — emitted by referral-intake when a prosecutor's office (or an
 * admin) adds a member of its staff to its restorative-justice training register. Ids only:
 * never the person's name. Consumed by audit-ledger.
 * Aggregate: office (no referral).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class OfficeStaffMemberAddedData {
  @IsUUID() officeId: string;
  @IsUUID() staffMemberId: string;
}

export const OfficeStaffMemberAdded = defineEvent({
  type: 'office.staff_member_added',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'office',
  referralScoped: false,
  schema: OfficeStaffMemberAddedData,
});

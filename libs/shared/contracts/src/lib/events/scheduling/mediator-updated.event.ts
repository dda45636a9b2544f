/**
 * mediator.updated — emitted by mediation-scheduling when a partner_admin changes a mediator's
 * record: an edit (name, work e-mail, specialties) or a deactivation or reactivation. It carries
 * the whole record as it now is, so a consumer keeps its copy without reading the last one.
 * A deactivated mediator is proposed for no new case; their history and current cases stay.
 * Consumed by partner-matching (a deactivated mediator's specialist credential stops counting)
 * and audit-ledger.
 * Aggregate: mediator (keyed by the mediator's `sub`; belongs to no referral).
 */
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCodeList, StaffContact } from '../common';

export class MediatorUpdatedData {
  /** The identity provider's `sub`: how a mediator is named everywhere. */
  @IsString() @Length(1, 100) mediatorId: string;
  @IsUUID() partnerId: string;
  /** Staff data, not a participant's: may travel plain, as in mediator.registered. */
  @IsString() @Length(1, 200) fullName: string;
  @IsDefined() @ValidateNested() @Type(() => StaffContact) contact: StaffContact;
  @IsCodeList(100) specialties: string[];
  /** false from a deactivation until the mediator is activated again. */
  @IsBoolean() active: boolean;
}

export const MediatorUpdated = defineEvent({
  type: 'mediator.updated',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'mediator',
  referralScoped: false,
  schema: MediatorUpdatedData,
});

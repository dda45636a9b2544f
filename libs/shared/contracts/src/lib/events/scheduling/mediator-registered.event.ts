/**
 * mediator.registered — emitted by mediation-scheduling when a partner_admin registers a
 * mediator of the org. A mediator is staff: name and work e-mail travel as they are.
 * Consumed by outcome-tracking (mediator e-mail for term notices) and audit-ledger.
 * Aggregate: mediator (keyed by the mediator's `sub`; belongs to no referral).
 */
import { Type } from 'class-transformer';
import { IsDefined, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCodeList, StaffContact } from '../common';

export class MediatorRegisteredData {
  /** The identity provider's `sub`: how a mediator is named everywhere. */
  @IsString() @Length(1, 100) mediatorId: string;
  @IsUUID() partnerId: string;
  /** Staff data, not a participant's: may travel plain (api.md, Events). */
  @IsString() @Length(1, 200) fullName: string;
  @IsDefined() @ValidateNested() @Type(() => StaffContact) contact: StaffContact;
  @IsCodeList(100) specialties: string[];
}

export const MediatorRegistered = defineEvent({
  type: 'mediator.registered',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'mediator',
  referralScoped: false,
  schema: MediatorRegisteredData,
});

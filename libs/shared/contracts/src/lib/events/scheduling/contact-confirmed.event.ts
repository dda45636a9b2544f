/**
 * contact.confirmed — emitted by mediation-scheduling when a declared mediator updated a
 * participant's contact details and safe channels, or confirmed them again with the
 * participant; when is the envelope's time. The details travel as ciphertext under the
 * referral's data key (as in referral.submitted), so that outcome-tracking writes to the
 * person harmed only on the channel they confirmed last, never on one they gave up; erasing
 * the referral's key erases them here too. The participant's own time zone, when a mediator
 * recorded one, travels in clear (a zone, not an address) for the quiet hours of their mail.
 * Consumed by outcome-tracking and audit-ledger. Aggregate: case (the referral rides in the
 * envelope).
 */
import { Type } from 'class-transformer';
import { IsOptional, IsTimeZone, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { EncryptedContact } from '../common';

export class ContactConfirmedData {
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  /** Absent from events written before the details travelled; a consumer then keeps what it has. */
  @IsOptional() @ValidateNested() @Type(() => EncryptedContact) contact?: EncryptedContact;
  /**
   * The participant's own IANA time zone when the mediator recorded one (a zone, not an address):
   * their mail waits out their quiet hours in it. Absent: none recorded, their jurisdiction's applies.
   */
  @IsOptional()
  @Length(1, 64)
  @Matches(/^([A-Za-z]+(\/[A-Za-z0-9_+-]+)+|UTC)$/)
  @IsTimeZone()
  timeZone?: string;
}

export const ContactConfirmed = defineEvent({
  type: 'contact.confirmed',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: ContactConfirmedData,
});

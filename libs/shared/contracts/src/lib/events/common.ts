// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { IsEmail, IsIn, IsOptional, Matches, type ValidationOptions } from 'class-validator';
import { CIPHERTEXT_PATTERN } from '../personal-data';

/** Shared value shapes for event schemas. Events carry codes, ids, dates and amounts only. */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DECIMAL_AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
/** Codes (jurisdictions, offence codes, languages, factor codes): short, no spaces, no prose. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export const IsCiphertext = (options?: ValidationOptions) =>
  Matches(CIPHERTEXT_PATTERN, { message: '$property must be ciphertext (pii:1:...), never plaintext', ...options });
export const IsCode = (options?: ValidationOptions) =>
  Matches(CODE_PATTERN, { message: '$property must be a code, not free text', ...options });
export const IsIsoDate = (options?: ValidationOptions) =>
  Matches(ISO_DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD', ...options });

/** Work contact of staff (office, partner, mediator): travels as it is (api.md, Events). */
export class StaffContact {
  @IsEmail() email: string;
}

/** Money as a decimal string and an ISO 4217 currency, never a float. */
export class Money {
  @Matches(DECIMAL_AMOUNT_PATTERN) amount: string;
  @Matches(/^[A-Z]{3}$/) currency: string;
}

export const SAFE_CHANNELS = ['email', 'sms', 'phone'] as const;
export type SafeChannel = (typeof SAFE_CHANNELS)[number];

/** A participant's contact as ciphertext fields plus the channels they marked safe. */
export class EncryptedContact {
  @IsOptional() @IsCiphertext() email?: string;
  @IsOptional() @IsCiphertext() phone?: string;
  @IsIn(SAFE_CHANNELS, { each: true }) safeChannels: SafeChannel[];
}

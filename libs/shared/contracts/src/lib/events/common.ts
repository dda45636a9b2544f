// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  Matches,
  Max,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { CIPHERTEXT_PATTERN } from '../personal-data';

/** Shared value shapes for event schemas. Events carry codes, ids, dates and amounts only. */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DECIMAL_AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
/** Codes (jurisdictions, offence codes, languages, factor codes): short, no spaces, no prose. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/**
 * A route template with its method, `GET /api/referrals/{id}`: never a concrete URL, whose ids
 * or query string could link a read to a person. A segment is a word or a `{param}`.
 */
export const ROUTE_TEMPLATE_PATTERN = /^(GET|POST|PUT|PATCH|DELETE) (\/([a-z][a-z-]{0,62}|\{[A-Za-z]{1,40}\})){1,12}$/;
/** Longest ciphertext accepted: a few KB of encrypted free text at most, so events stay small. */
export const MAX_CIPHERTEXT_LENGTH = 8192;

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export const IsCiphertext = (options?: ValidationOptions) =>
  compose(
    Matches(CIPHERTEXT_PATTERN, { message: '$property must be ciphertext (pii:1:...), never plaintext', ...options }),
    MaxLength(MAX_CIPHERTEXT_LENGTH, options),
  );
export const IsCode = (options?: ValidationOptions) =>
  Matches(CODE_PATTERN, { message: '$property must be a code, not free text', ...options });
/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsIsoDate = (options?: ValidationOptions) =>
  compose(
    Matches(ISO_DATE_PATTERN, { message: '$property must be a date YYYY-MM-DD', ...options }),
    IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD', ...options }),
  );
/** A BCP 47 language tag as the platform uses them: `nl`, `en`, `pt-BR`. */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;
export const IsLanguage = (options?: ValidationOptions) =>
  Matches(LANGUAGE_PATTERN, { message: '$property must be a language tag like "nl" or "pt-BR"', ...options });
/** An instant in ISO 8601 (UTC by convention), strictly parsed. */
export const IsTimestamp = (options?: ValidationOptions) => IsISO8601({ strict: true }, options);
export const IsRouteTemplate = (options?: ValidationOptions) =>
  Matches(ROUTE_TEMPLATE_PATTERN, {
    message: '$property must be a route template like "GET /api/referrals/{id}"',
    ...options,
  });
/** Hours (community service, progress): positive, quarter hours and the like allowed. */
export const IsHours = (options?: ValidationOptions) =>
  compose(
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, options),
    IsPositive(options),
    Max(100_000, options),
  );
/** A bounded, duplicate-free list of codes. */
export const IsCodeList = (max: number, options?: ValidationOptions) =>
  compose(
    IsArray(options),
    ArrayMaxSize(max, options),
    ArrayUnique(undefined, options),
    IsCode({ ...options, each: true }),
  );

/**
 * A rule across fields of one object (a minor needs a guardian, a skipped reminder a reason):
 * `check` returns the problem, or nothing. Put it on a required property so it always runs.
 */
export function IsConsistent<T extends object>(
  check: (object: T) => string | undefined,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isConsistent',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (_value: unknown, args) => check(args?.object as T) === undefined,
        defaultMessage: (args) => check(args?.object as T) ?? 'inconsistent',
      },
    });
}

/** Work contact of staff (office, partner, mediator): travels as it is (api.md, Events). */
export class StaffContact {
  @IsEmail() @MaxLength(254) email: string;
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
  // A safe channel must be reachable, or a reminder would be "sent" nowhere.
  @IsArray()
  @ArrayMaxSize(SAFE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(SAFE_CHANNELS, { each: true })
  @IsConsistent<EncryptedContact>((contact) => {
    const channels = Array.isArray(contact.safeChannels) ? contact.safeChannels : [];
    if (channels.includes('email') && !contact.email) return 'safeChannels names email but there is no email';
    if ((channels.includes('sms') || channels.includes('phone')) && !contact.phone)
      return 'safeChannels names sms or phone but there is no phone';
    return undefined;
  })
  safeChannels: SafeChannel[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsConsistent,
  IsIsoDate,
  IsLanguage,
  PARTY_ROLES,
  SAFE_CHANNELS,
  type PartyRole,
  type SafeChannel,
} from '@rj/shared/contracts';

export const MAX_NAME_LENGTH = 200;
export const MAX_FREE_TEXT_LENGTH = 4000;
export const NOT_BLANK = /\S/;
// E.164 and the usual local spellings: digits with spaces, dashes, dots and brackets.
export const PHONE = /^\+?[0-9][0-9 ().-]{2,30}$/;

/** A safe channel must be reachable: the problem with a contact's channels, or nothing. */
export function unreachableSafeChannel(contact: {
  email?: unknown;
  phone?: unknown;
  safeChannels?: unknown;
}): string | undefined {
  const channels: unknown[] = Array.isArray(contact.safeChannels) ? contact.safeChannels : [];
  if (channels.includes('email') && !contact.email) return 'names email, but there is no email';
  if ((channels.includes('sms') || channels.includes('phone')) && !contact.phone)
    return 'names sms or phone, but there is no phone';
  return undefined;
}

/**
 * A person's contact, and the channels they marked safe (product.md: reminders only through
 * safe channels; an address on file is not permission to use it).
 */
export class ContactDto {
  @ApiPropertyOptional({ example: 'anna@example.org' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+31 6 12345678' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'must be a phone number' })
  phone?: string;

  @ApiProperty({ enum: SAFE_CHANNELS, isArray: true, example: ['email'] })
  @IsArray()
  @ArrayMaxSize(SAFE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(SAFE_CHANNELS, { each: true })
  @IsConsistent<ContactDto>(unreachableSafeChannel)
  safeChannels: SafeChannel[];
}

/** A minor's guardian, or the defence counsel of the person responsible. */
export class RepresentativeDto {
  @ApiProperty({ maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  fullName: string;

  @ApiProperty({ type: ContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact: ContactDto;
}

/** One party of a referral (api.md, Referral body). */
export class PartyDto {
  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  @ApiProperty({ maxLength: MAX_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_NAME_LENGTH)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  fullName: string;

  @ApiPropertyOptional({ format: 'date', example: '1980-04-02' })
  @IsOptional()
  @IsIsoDate()
  dateOfBirth?: string;

  @ApiProperty({ description: 'A minor needs a guardian.' })
  @IsBoolean()
  minor: boolean;

  @ApiPropertyOptional({ type: RepresentativeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentativeDto)
  guardian?: RepresentativeDto;

  @ApiProperty({ type: ContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact: ContactDto;

  @ApiProperty({ example: 'nl' })
  @IsLanguage()
  preferredLanguage: string;

  @ApiProperty()
  @IsBoolean()
  interpreter: boolean;

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT_LENGTH, description: 'Free text: encrypted, never in events.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FREE_TEXT_LENGTH)
  accessibilityNeeds?: string;

  @ApiPropertyOptional({ type: RepresentativeDto, description: 'Defence counsel of the person responsible.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RepresentativeDto)
  counsel?: RepresentativeDto;
}

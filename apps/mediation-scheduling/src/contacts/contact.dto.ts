import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { SAFE_CHANNELS, type SafeChannel } from '@rj/shared/contracts';

/** `PUT /api/cases/{id}/participants/{participantId}/contact`: the whole contact as confirmed now. */
export class ContactDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    maxLength: 254,
    description: 'Stored encrypted; null or absent: none.',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 3,
    maxLength: 40,
    description: 'Stored encrypted; null or absent: none.',
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @Length(3, 40)
  phone?: string | null;

  @ApiProperty({
    enum: SAFE_CHANNELS,
    isArray: true,
    uniqueItems: true,
    description: 'The channels the participant confirmed are safe to use; empty: send nothing.',
  })
  @IsArray()
  @ArrayMaxSize(SAFE_CHANNELS.length)
  @ArrayUnique()
  @IsIn(SAFE_CHANNELS, { each: true })
  safeChannels: SafeChannel[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'America/Los_Angeles',
    description:
      "The participant's own IANA time zone, when it is not their jurisdiction's: their messages' local time and quiet hours.",
  })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsTimeZone()
  @MaxLength(64) // as a jurisdiction's time zone
  timeZone?: string | null;
}

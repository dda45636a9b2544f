import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsTimeZone, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '@rj/shared/contracts';

/** `PUT /api/jurisdictions/{jurisdiction}/settings`: the whole settings; every PUT is a new version. */
export class JurisdictionSettingsDto {
  @ApiProperty({
    example: 'America/Los_Angeles',
    description:
      "An IANA time zone: participants' messages show its local time (daylight saving included) and keep its quiet hours, unless a participant has a zone of their own.",
  })
  @Length(1, 64)
  @Matches(/^([A-Za-z]+(\/[A-Za-z0-9_+-]+)+|UTC)$/, { message: 'must be an IANA time zone such as Europe/Amsterdam' })
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Amsterdam' })
  timeZone: string;
}

export class JurisdictionSettingsView {
  @ApiProperty({ example: 'NL-NH', pattern: CODE_PATTERN.source }) jurisdiction: string;
  @ApiProperty({ description: '0: none stored yet, the default (UTC) applies.' }) version: number;
  @ApiProperty({ example: 'Europe/Amsterdam', maxLength: 64 }) timeZone: string;
  @ApiProperty({ description: 'No version stored: the default.' }) default: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) createdAt?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'The admin who stored the version (a subject).' })
  createdBy?: string;
}

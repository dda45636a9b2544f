import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCodeList, IsLanguage } from '@rj/shared/contracts';
import { PageQuery } from '@rj/shared/service';

/** Where new offers are announced, without names: a staff address (work data). */
export class PartnerContactDto {
  @ApiProperty({ format: 'email', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** api.md, `POST /api/partners`. Bounds follow partner.registered, which carries the profile. */
export class CreatePartnerDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: "the organisation's name" })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: [String], example: ['NL-NH'] })
  @ArrayMinSize(1)
  @IsCodeList(50)
  jurisdictions: string[];

  @ApiProperty({ type: [String], example: ['assault', 'property_damage'] })
  @ArrayMinSize(1)
  @IsCodeList(100)
  offenseCategories: string[];

  @ApiProperty({ type: [String], example: ['nl', 'en'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsLanguage({ each: true })
  languages: string[];

  @ApiProperty()
  @IsBoolean()
  servesMinors: boolean;

  @ApiProperty({ minimum: 0, maximum: 10_000, description: 'open cases it takes at once; 0 stops new offers' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  capacity: number;

  @ApiProperty({ description: 'hours to answer an offer; fractions allowed (0.01 = 36 s)', example: 48 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(8760)
  responseHours: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'offence categories it is a specialist for; overridden exclusions go only to these',
  })
  @IsOptional()
  @IsCodeList(100)
  specialties?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: PartnerContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerContactDto)
  contact?: PartnerContactDto;
}

/**
 * api.md, `PATCH /api/partners/{id}`: any field of the profile; a partner_admin only those it
 * keeps (partner-profile-rules). `contact: null` removes the address.
 */
export class UpdatePartnerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ArrayMinSize(1) @IsCodeList(50) jurisdictions?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ArrayMinSize(1) @IsCodeList(100) offenseCategories?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsLanguage({ each: true })
  languages?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() servesMinors?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000) capacity?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(8760)
  responseHours?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'admin only: a partner_admin sending it gets a 403 (only an admin grants specialist status)',
  })
  @IsOptional()
  @IsCodeList(100)
  specialties?: string[];
  @ApiPropertyOptional({
    description: 'false pauses new offers; a partner_admin cannot re-activate a partner an admin deactivated (403)',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: PartnerContactDto, nullable: true })
  @ValidateIf((dto: UpdatePartnerDto) => dto.contact !== null && dto.contact !== undefined)
  @ValidateNested()
  @Type(() => PartnerContactDto)
  contact?: PartnerContactDto | null;
}

/** `GET /api/partners?active=&limit=&cursor=`: an admin may list only active or only inactive partners. */
export class PartnerListQuery extends PageQuery {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only partners receiving offers; false: only paused or deactivated ones',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

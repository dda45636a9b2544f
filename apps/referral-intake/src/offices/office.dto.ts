import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDefined,
  IsEmail,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, IsCode } from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';

const NOT_BLANK = /\S/;

export class OfficeContactDto {
  @ApiProperty({ example: 'rj@north.example', description: "The office's work address: deadline notices go there." })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** `POST /api/offices` (api.md): `{ name, jurisdictions[], contact: { email } }`. */
export class CreateOfficeDto {
  @ApiProperty({ example: 'North District Prosecutor', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  name: string;

  @ApiProperty({ example: ['NL-NH'], description: 'Jurisdiction codes its prosecutors may submit for.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsCode({ each: true })
  jurisdictions: string[];

  @ApiProperty({ type: OfficeContactDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficeContactDto)
  contact: OfficeContactDto;
}

/** `PATCH /api/offices/{id}`: any of the fields, the rest stays. */
export class UpdateOfficeDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: ['NL-NH', 'NL-FL'] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsCode({ each: true })
  jurisdictions?: string[];

  @ApiPropertyOptional({ type: OfficeContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficeContactDto)
  contact?: OfficeContactDto;
}

export class OfficeView {
  @ApiProperty({ format: 'uuid', description: 'The `org` claim of its prosecutors.' }) id: string;
  @ApiProperty({ maxLength: 200 }) name: string;
  @ApiProperty({ type: [String], maxItems: 50, pattern: CODE_PATTERN.source }) jurisdictions: string[];
  @ApiProperty({ type: OfficeContactDto }) contact: { email: string };
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OfficePage {
  @ApiProperty({ type: [OfficeView], maxItems: MAX_PAGE_SIZE }) items: OfficeView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Pass it as `cursor` for the next page.' })
  nextCursor: string | null;
}

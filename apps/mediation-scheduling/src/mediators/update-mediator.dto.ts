import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { CODE_PATTERN, IsCodeList } from '@rj/shared/contracts';
import { MAX_SPECIALTIES, MediatorContactDto } from './register-mediator.dto';

/**
 * `PATCH /api/mediators/{id}`: any of the fields a partner administrator registered. The `sub`
 * names the mediator everywhere and never changes; whether they are active changes through
 * `…/deactivate` and `…/activate`, each its own event.
 */
export class UpdateMediatorDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fullName?: string;

  @ApiPropertyOptional({ type: () => MediatorContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediatorContactDto)
  contact?: MediatorContactDto;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: MAX_SPECIALTIES,
    uniqueItems: true,
    pattern: CODE_PATTERN.source,
    description: 'Specialty codes.',
  })
  @IsOptional()
  @IsCodeList(MAX_SPECIALTIES)
  specialties?: string[];
}

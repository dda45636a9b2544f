import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CODE_PATTERN, IsCodeList } from '@rj/shared/contracts';
import { MEDIATOR_SUB_PATTERN, MEDIATOR_SUB_RULE } from '@rj/scheduling/domain';

export const MAX_SPECIALTIES = 100;

/** A mediator's work contact: travels as it is (staff, not a participant). */
export class MediatorContactDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'mediator@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** `POST /api/mediators`. */
export class RegisterMediatorDto {
  /** The identity provider's `sub` of the mediator's account, in the form mediator-sub.ts allows. */
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    pattern: MEDIATOR_SUB_PATTERN.source,
    description: "The identity provider's `sub` of the mediator's account.",
  })
  @IsString()
  @Matches(MEDIATOR_SUB_PATTERN, { message: `sub ${MEDIATOR_SUB_RULE}` })
  sub: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  fullName: string;

  @ApiProperty({ type: () => MediatorContactDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MediatorContactDto)
  contact: MediatorContactDto;

  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: MAX_SPECIALTIES,
    uniqueItems: true,
    pattern: CODE_PATTERN.source,
    example: ['juvenile', 'property'],
    description: 'Specialty codes.',
  })
  @IsCodeList(MAX_SPECIALTIES)
  specialties: string[];
}

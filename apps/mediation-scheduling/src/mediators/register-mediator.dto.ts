import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCodeList } from '@rj/shared/contracts';

export class MediatorContactDto {
  @IsEmail() @MaxLength(254)
  email: string;
}

export class RegisterMediatorDto {
  /** The identity provider's `sub` of the mediator's account. */
  @IsString() @Length(1, 100)
  sub: string;

  @IsString() @Length(1, 200)
  fullName: string;

  @IsDefined() @ValidateNested() @Type(() => MediatorContactDto)
  contact: MediatorContactDto;

  @IsCodeList(100)
  specialties: string[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Money as api.md says: a decimal string and an ISO 4217 code, never a float. */
export class MoneyDto {
  @ApiProperty({ example: '120.00' }) @IsString() @MaxLength(20) amount: string;
  @ApiProperty({ example: 'EUR' }) @IsString() @MaxLength(3) currency: string;
}

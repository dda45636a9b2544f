import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { SignedCheckpoint } from '@rj/audit/domain';

/** A checkpoint an auditor saved earlier, sent back to be checked against the ledger now. */
export class SignedCheckpointDto implements SignedCheckpoint {
  @ApiProperty() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) sequence: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) hash: string;
  @ApiProperty() @IsISO8601({ strict: true }) @MaxLength(35) at: string; // an instant, offset and microseconds included
  @ApiProperty() @IsString() @Length(1, 200) signature: string;
  @ApiProperty() @IsString() @Length(1, 64) publicKeyId: string;
}

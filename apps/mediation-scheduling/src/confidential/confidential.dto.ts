import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import {
  DISCLOSURE_LEGAL_BASES,
  DISCLOSURE_RECIPIENT_KINDS,
  type DisclosureLegalBasis,
  type DisclosureRecipientKind,
} from '@rj/shared/contracts';

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_RECIPIENT_LENGTH = 500;

/** `POST /api/cases/{id}/notes`. */
export class NoteDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_NOTE_LENGTH,
    description: 'Confidential: encrypted, for the assigned mediators only, never in events.',
  })
  @IsString()
  @Length(1, MAX_NOTE_LENGTH)
  text: string;
}

/** The recipient kind when a client names none. */
export const DEFAULT_RECIPIENT_KIND: DisclosureRecipientKind = 'other';

/** `POST /api/cases/{id}/disclosures`. */
export class DisclosureDto {
  @ApiProperty({ enum: DISCLOSURE_LEGAL_BASES })
  @IsIn(DISCLOSURE_LEGAL_BASES)
  legalBasis: DisclosureLegalBasis;

  /**
   * The kind travels in disclosure.recorded; who exactly stays here, encrypted. Optional because
   * api.md's body is `{ legalBasis, recipient }` and its clients send only those: without a kind
   * the service records 'other' (ConfidentialService.disclose).
   */
  @ApiPropertyOptional({
    enum: DISCLOSURE_RECIPIENT_KINDS,
    default: DEFAULT_RECIPIENT_KIND,
    description: 'The kind of recipient; travels in disclosure.recorded.',
  })
  @IsOptional()
  @IsIn(DISCLOSURE_RECIPIENT_KINDS)
  recipientKind?: DisclosureRecipientKind;

  @ApiProperty({
    minLength: 1,
    maxLength: MAX_RECIPIENT_LENGTH,
    description: 'Who received it: free text, stored encrypted, never in events.',
  })
  @IsString()
  @Length(1, MAX_RECIPIENT_LENGTH)
  recipient: string;
}

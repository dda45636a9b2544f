import { IsIn, IsString, Length } from 'class-validator';
import { DISCLOSURE_LEGAL_BASES, DISCLOSURE_RECIPIENT_KINDS, type DisclosureLegalBasis, type DisclosureRecipientKind } from '@rj/shared/contracts';

export class NoteDto {
  @IsString() @Length(1, 10_000)
  text: string;
}

export class DisclosureDto {
  @IsIn(DISCLOSURE_LEGAL_BASES)
  legalBasis: DisclosureLegalBasis;

  /** The kind travels in disclosure.recorded; who exactly stays here, encrypted. */
  @IsIn(DISCLOSURE_RECIPIENT_KINDS)
  recipientKind: DisclosureRecipientKind;

  @IsString() @Length(1, 500)
  recipient: string;
}

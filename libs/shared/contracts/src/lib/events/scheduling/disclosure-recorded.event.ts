/**
 * disclosure.recorded — emitted by mediation-scheduling when a mediator records that
 * confidential information was disclosed under an exception. Only the legal basis and the kind
 * of recipient travel: who exactly received it, and what was said, stay with the partner.
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import {
  DISCLOSURE_LEGAL_BASES,
  DISCLOSURE_RECIPIENT_KINDS,
  type DisclosureLegalBasis,
  type DisclosureRecipientKind,
} from '../vocabulary';

export class DisclosureRecordedData {
  @IsUUID() caseId: string;
  @IsIn(DISCLOSURE_LEGAL_BASES) legalBasis: DisclosureLegalBasis;
  @IsIn(DISCLOSURE_RECIPIENT_KINDS) recipientKind: DisclosureRecipientKind;
}

export const DisclosureRecorded = defineEvent({
  type: 'disclosure.recorded',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: DisclosureRecordedData,
});

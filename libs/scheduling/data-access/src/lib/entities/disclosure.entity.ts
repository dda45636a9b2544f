import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DisclosureLegalBasis, DisclosureRecipientKind } from '@rj/shared/contracts';

/** That confidential information was disclosed, why and to whom; never what was disclosed. */
@Entity({ name: 'disclosure' })
@Index('disclosure_case_idx', ['caseId', 'id'])
export class DisclosureEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'disclosure_pk' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: DisclosureLegalBasis;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind: DisclosureRecipientKind;

  /** Who exactly received it (free text): ciphertext, like the notes. */
  @Column({ name: 'recipient_ciphertext', type: 'text' })
  recipientCiphertext: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A confidential note: the text only as `pii:1:` ciphertext under the referral's data key. */
@Entity({ name: 'case_note' })
@Index('case_note_case_idx', ['caseId', 'id'])
export class CaseNoteEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'case_note_pk' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'author_sub', type: 'text' })
  authorSub: string;

  @Column({ name: 'text_ciphertext', type: 'text' })
  textCiphertext: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseHoldReasonCode, CaseStatus } from '@rj/shared/contracts';
import type { CaseState } from '@rj/scheduling/domain';

/**
 * A case. `state` is caseReducer's fold of every event the case emitted, so the live service
 * judges with the same rules the audit ledger replays; status and partner are columns for
 * queries. Changed only while holding this row's lock (outbox order = commit order).
 */
@Entity({ name: 'mediation_case' })
export class MediationCaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'mediation_case_pk' })
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ name: 'hold_reason', type: 'text', nullable: true })
  holdReason: CaseHoldReasonCode | null;

  @Column({ type: 'jsonb' })
  state: CaseState;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

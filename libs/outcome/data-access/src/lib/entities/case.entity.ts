import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CASE_PHASES = ['open', 'awaiting_agreement', 'agreement', 'completed', 'returned', 'withdrawn'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

/** A case as outcome-tracking follows it, from case.opened to completed or returned. */
@Entity({ name: 'case' })
export class CaseEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'partner_id', type: 'uuid' }) partnerId: string;
  @Column({ type: 'text' }) status: CasePhase;
  @Column({ name: 'dialogue_held', type: 'boolean', default: false }) dialogueHeld: boolean;
  @Column({ name: 'agreement_reached', type: 'boolean', nullable: true }) agreementReached: boolean | null;
  @Column({ name: 'conclusion_reason', type: 'text', nullable: true }) conclusionReason: string | null;
  @Column({ name: 'result_at', type: 'timestamptz', nullable: true }) resultAt: Date | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason: string | null;
  /** When the programme opened the case: from then the referral's contact details count as confirmed. */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true }) openedAt: Date | null;
  /** What blocks a feedback survey (issue 20): a `stop` risk assessment or a disclosure on the case, ever. */
  @Column({ name: 'risk_stop', type: 'boolean', default: false }) riskStop: boolean;
  @Column({ type: 'boolean', default: false }) disclosure: boolean;
  /** The last joint or indirect dialogue held: the first survey goes 1–3 weeks after it. */
  @Column({ name: 'last_dialogue_at', type: 'timestamptz', nullable: true }) lastDialogueAt: Date | null;
}

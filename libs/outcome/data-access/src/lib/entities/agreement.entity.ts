import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agreement' })
export class AgreementEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'consented_by', type: 'uuid', array: true }) consentedBy: string[];
}

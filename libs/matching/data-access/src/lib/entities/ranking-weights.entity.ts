import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Ranking weights as versioned data (conventions.md): a new version is a new row, never an edit,
 * so every match's `weightsVersion` keeps meaning what it meant. The highest version ranks.
 */
@Entity({ name: 'ranking_weights' })
export class RankingWeightsEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'ranking_weights_pk' })
  version: number;

  @Column('double precision')
  language: number;

  @Column('double precision')
  specialty: number;

  @Column('double precision')
  load: number;

  @Column('double precision', { name: 'response_time' })
  responseTime: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}

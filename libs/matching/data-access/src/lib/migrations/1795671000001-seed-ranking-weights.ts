import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ranking weights version 1: language first (parties are heard in their own language), then
 * specialty and load, then response time. The numbers are written here, not imported, so this
 * version means the same forever even if the domain lib's defaults move on; a new version is a
 * new migration. No weight for past acceptance rate exists, by design (product.md, Matching).
 */
export class SeedRankingWeights1795671000001 implements MigrationInterface {
  readonly name = 'SeedRankingWeights1795671000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'insert into ranking_weights (version, language, specialty, load, response_time) values (1, 4, 2, 2, 1) on conflict (version) do nothing',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('delete from ranking_weights where version = 1');
  }
}

import type { EntityManager } from 'typeorm';
import { parseRankingWeights, type RankingWeights } from '@rj/matching/domain';
import { RankingWeightsEntity } from './entities/ranking-weights.entity';

const toWeights = (row: RankingWeightsEntity): RankingWeights =>
  // Validated on load (conventions.md): a hand-edited row with a bad factor fails loudly here.
  parseRankingWeights({
    version: row.version,
    language: row.language,
    specialty: row.specialty,
    load: row.load,
    responseTime: row.responseTime,
  });

/**
 * The weights that rank now: the highest version. Read for every match, so in a statement of its
 * own rather than one the query builder makes anew each time (issue 15); the limit is a
 * parameter because only statements with parameters are kept prepared (PreparingClient).
 */
export async function currentRankingWeights(manager: EntityManager): Promise<RankingWeights> {
  const [row]: RankingWeightsEntity[] = await manager.query(
    `select version, language, specialty, load, response_time as "responseTime", created_at as "createdAt"
       from ranking_weights order by version desc limit $1`,
    [1],
  );
  if (!row) throw new Error('no ranking weights: the SeedRankingWeights migration has not run');
  return toWeights(row);
}

/** Every version, newest first, for auditors reading what a match's `weightsVersion` meant. */
export async function allRankingWeights(manager: EntityManager): Promise<(RankingWeights & { createdAt: Date })[]> {
  const rows = await manager.find(RankingWeightsEntity, { order: { version: 'DESC' } });
  return rows.map((row) => ({ ...toWeights(row), createdAt: row.createdAt }));
}

import { MAX_MATCH_PARTNERS } from '@rj/shared/contracts';
import type { MatchResult } from './rank-partners';

/**
 * What match.computed carries: the contract allows at most MAX_MATCH_PARTNERS candidates and as
 * many excluded partners, so the event keeps the best candidates (the ones offers can reach) and
 * the first excluded ones in partnerId order, and says how many there were in all. The service
 * keeps the whole result for `GET /api/referrals/{id}/match`.
 */
export function trimMatchForEvent(
  result: MatchResult,
  max = MAX_MATCH_PARTNERS,
): MatchResult & { candidateCount: number; excludedCount: number } {
  return {
    candidates: result.candidates.slice(0, max),
    excluded: result.excluded.slice(0, max),
    weightsVersion: result.weightsVersion,
    candidateCount: result.candidates.length,
    excludedCount: result.excluded.length,
  };
}

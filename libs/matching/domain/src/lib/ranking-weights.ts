import { InvalidInput } from '@rj/shared/contracts';

/**
 * Ranking weights are data, versioned, validated on load (conventions.md, "Rules are code you
 * can read aloud"); every match records the version that ranked it.
 *
 * There is deliberately no weight for a partner's past acceptance rate: product.md, Matching,
 * "never a partner's past acceptance rate (that would reward taking unsuitable cases)".
 */
export interface RankingWeights {
  /** A positive integer, recorded as match.computed's `weightsVersion`. */
  readonly version: number;
  readonly language: number;
  readonly specialty: number;
  readonly load: number;
  readonly responseTime: number;
}

export const RANKING_FACTORS = ['language', 'specialty', 'load', 'responseTime'] as const;
export type RankingFactor = (typeof RANKING_FACTORS)[number];

/** Language first (parties are heard in their own language), then specialty, load, speed. */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = Object.freeze({
  version: 1,
  language: 4,
  specialty: 2,
  load: 2,
  responseTime: 1,
});

/**
 * Validates weights read from configuration or storage: a version, and each factor a finite,
 * non-negative number; unknown keys (an `acceptanceRate` weight, say) are refused.
 */
export function parseRankingWeights(input: unknown): RankingWeights {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInput('ranking weights must be an object', [{ field: 'weights', message: 'must be an object' }]);
  }
  const record = input as Record<string, unknown>;
  const errors: { field: string; message: string }[] = [];
  if (!Number.isInteger(record['version']) || (record['version'] as number) < 1) {
    errors.push({ field: 'version', message: 'must be a positive integer' });
  }
  for (const factor of RANKING_FACTORS) {
    const value = record[factor];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      errors.push({ field: factor, message: 'must be a finite, non-negative number' });
    }
  }
  for (const key of Object.keys(record)) {
    if (key !== 'version' && !(RANKING_FACTORS as readonly string[]).includes(key)) {
      errors.push({ field: key, message: 'is not a ranking factor' });
    }
  }
  if (errors.length) throw new InvalidInput('invalid ranking weights', errors);
  return Object.freeze({
    version: record['version'] as number,
    language: record['language'] as number,
    specialty: record['specialty'] as number,
    load: record['load'] as number,
    responseTime: record['responseTime'] as number,
  });
}

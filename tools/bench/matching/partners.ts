import type { MatchingAttributes, PartnerProfile } from '@rj/matching/domain';

/** A small deterministic PRNG (mulberry32), so every run benches the same data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JURISDICTIONS = ['NL-NH', 'NL-ZH', 'NL-UT', 'NL-GE', 'NL-NB', 'NL-LI'];
const CATEGORIES = ['theft', 'assault', 'vandalism', 'fraud', 'burglary', 'domestic_violence', 'sexual_offense'];
const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'fr', 'de'];

/**
 * `count` partner profiles spread over six areas, seven categories and seven languages; about
 * half have a response record (typical response time), as a registry in use would.
 */
export function generatePartners(
  count: number,
  seed = 42,
  id = (index: number) => `partner-${String(index).padStart(6, '0')}`,
): PartnerProfile[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], max: number): T[] => {
    const count = 1 + Math.floor(random() * max);
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  return Array.from({ length: count }, (_, index) => {
    const capacity = 1 + Math.floor(random() * 40);
    const responseHours = pick([4, 12, 24, 36, 48, 72, 0.5]);
    return {
      partnerId: id(index),
      jurisdictions: some(JURISDICTIONS, 4),
      offenseCategories: some(CATEGORIES, 6),
      languages: some(LANGUAGES, 4),
      servesMinors: random() < 0.6,
      capacity,
      openCases: Math.floor(random() * (capacity + 2)),
      responseHours,
      typicalResponseHours: random() < 0.5 ? Math.round(random() * responseHours * 100) / 100 : null,
      specialties: some(CATEGORIES, 2),
      active: random() < 0.95,
    };
  });
}

/** The referral every run ranks: two parties, one a minor, so most constraints bite. */
export const BENCH_REFERRAL: MatchingAttributes = {
  jurisdiction: 'NL-NH',
  offenseCategory: 'assault',
  severity: 'misdemeanor',
  languages: ['nl', 'ar'],
  hasMinor: true,
  requiresSpecialist: false,
};

/** p50/p99/max of a sample, in milliseconds. */
export function summary(values: Float64Array): string {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (q: number) => sorted[Math.min(n - 1, Math.ceil(q * n) - 1)].toFixed(3);
  return `p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  max ${sorted[n - 1].toFixed(3)} ms`;
}

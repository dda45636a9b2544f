import { constraintContext, exclusionMask, reasonsOfMask, type ExclusionReason } from './hard-constraints';
import type { MatchingAttributes, MatchingHistory, PartnerProfile } from './matching-profile';
import {
  languageFactor,
  languagesSpoken,
  loadShare,
  rankedResponseHours,
  responseTimeFactor,
  specialtyFactor,
} from './ranking-factors';
import type { RankingWeights } from './ranking-weights';

export interface RankedCandidate {
  readonly partnerId: string;
  /** Weighted sum of the factors, rounded to 4 decimals: the score shown is the score that ranked. */
  readonly score: number;
  /** Why this score: `language_match:<k>_of_<n>`, `specialist`|`not_specialist`, `load:<share>`, `response_time:<factor>`. */
  readonly reasons: readonly string[];
}

export interface ExcludedPartner {
  readonly partnerId: string;
  readonly reasons: readonly ExclusionReason[];
}

export interface MatchResult {
  /** Best first. */
  readonly candidates: RankedCandidate[];
  readonly excluded: ExcludedPartner[];
  readonly weightsVersion: number;
}

/**
 * Reasons are codes (contracts' CODE_PATTERN: no spaces, no `/`), so they travel in match.computed.
 * Reason strings for 0.00..1.00 in steps of 0.01, built once: no string building per partner. */
const hundredths = (prefix: string) => Array.from({ length: 101 }, (_, i) => `${prefix}:${(i / 100).toFixed(2)}`);
const LOAD_REASONS = hundredths('load');
const RESPONSE_REASONS = hundredths('response_time');
const SPECIALIST = 'specialist';
const NOT_SPECIALIST = 'not_specialist';

/**
 * Scratch buffers reused across calls (grown on demand): a ranking is synchronous, so no two
 * calls ever share them at once, and 10,000 partners then cost no fresh buffers per ranking.
 */
let scratch = { kept: new Uint32Array(0), scores: new Float64Array(0), loads: new Float64Array(0) };
function scratchFor(n: number) {
  if (scratch.kept.length < n) {
    const size = Math.max(n, scratch.kept.length * 2);
    scratch = { kept: new Uint32Array(size), scores: new Float64Array(size), loads: new Float64Array(size) };
  }
  return scratch;
}

const roundScore = (score: number) => Math.round(score * 10_000) / 10_000;

/**
 * Matches a referral to partner organisations (product.md, Matching): partners failing a hard
 * constraint are excluded with their reason codes; the rest are ranked by the versioned
 * weights, never by past acceptance rate. Only attributes go in, so only attributes come out.
 *
 * Deterministic: the same inputs in any order give the same ranking. Ties are broken by the
 * lower load, then by partnerId in code-unit order, so no partner is favoured by list position.
 */
export function rankPartners(
  referral: MatchingAttributes,
  partners: readonly PartnerProfile[],
  weights: RankingWeights,
  history?: MatchingHistory,
): MatchResult {
  const ctx = constraintContext(referral, history?.declinedOrExpiredPartnerIds);
  const partyLanguages = referral.languages;
  const partyCount = partyLanguages.length;
  const languageReasons = Array.from({ length: partyCount + 1 }, (_, k) => `language_match:${k}_of_${partyCount}`);

  const n = partners.length;
  const { kept, scores, loads } = scratchFor(n);
  const reasons: string[][] = new Array(n);
  const excluded: ExcludedPartner[] = [];
  let keptCount = 0;

  for (let i = 0; i < n; i++) {
    const partner = partners[i];
    const failed = exclusionMask(partner, ctx);
    if (failed !== 0) {
      excluded.push({ partnerId: partner.partnerId, reasons: reasonsOfMask(failed) });
      continue;
    }
    const spoken = languagesSpoken(partner, partyLanguages);
    const specialty = specialtyFactor(partner, ctx.specialistCategory);
    const load = loadShare(partner);
    const response = responseTimeFactor(rankedResponseHours(partner));
    scores[i] = roundScore(
      weights.language * languageFactor(spoken, partyCount) +
        weights.specialty * specialty +
        weights.load * (1 - load) +
        weights.responseTime * response,
    );
    loads[i] = load;
    reasons[i] = [
      languageReasons[spoken],
      specialty === 1 ? SPECIALIST : NOT_SPECIALIST,
      LOAD_REASONS[Math.round(load * 100)],
      RESPONSE_REASONS[Math.round(response * 100)],
    ];
    kept[keptCount++] = i;
  }

  const order = kept.subarray(0, keptCount).sort((a, b) => {
    if (scores[a] !== scores[b]) return scores[b] - scores[a];
    if (loads[a] !== loads[b]) return loads[a] - loads[b];
    const idA = partners[a].partnerId;
    const idB = partners[b].partnerId;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });

  const candidates: RankedCandidate[] = new Array(keptCount);
  for (let r = 0; r < keptCount; r++) {
    const i = order[r];
    candidates[r] = { partnerId: partners[i].partnerId, score: scores[i], reasons: reasons[i] };
  }
  excluded.sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
  return { candidates, excluded, weightsVersion: weights.version };
}

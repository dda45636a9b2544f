/**
 * Matching benchmark: ranks one referral against 10,000 generated partners 1,000 times and
 * prints p50/p99/max in milliseconds. Target (architecture brief): p99 < 5 ms.
 *   node -r ./tools/runtime/register.js tools/bench/matching/run.ts [partners] [runs]
 */
import { DEFAULT_RANKING_WEIGHTS, rankPartners, type MatchingAttributes, type PartnerProfile } from '@rj/matching/domain';

const PARTNERS = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 1_000);
const WARM_UP = 200;

/** A small deterministic PRNG (mulberry32), so every run benches the same data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const some = <T>(items: readonly T[], max: number): T[] => {
  const count = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: count }, () => pick(items)))];
};

const JURISDICTIONS = ['NL-NH', 'NL-ZH', 'NL-UT', 'NL-GE', 'NL-NB', 'NL-LI'];
const CATEGORIES = ['theft', 'assault', 'vandalism', 'fraud', 'burglary', 'domestic_violence', 'sexual_offense'];
const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'fr', 'de'];

function partner(index: number): PartnerProfile {
  const capacity = 1 + Math.floor(random() * 40);
  return {
    partnerId: `partner-${String(index).padStart(6, '0')}`,
    jurisdictions: some(JURISDICTIONS, 4),
    offenseCategories: some(CATEGORIES, 6),
    languages: some(LANGUAGES, 4),
    servesMinors: random() < 0.6,
    capacity,
    openCases: Math.floor(random() * (capacity + 2)),
    responseHours: pick([4, 12, 24, 36, 48, 72, 0.5]),
    specialties: some(CATEGORIES, 2),
    active: random() < 0.95,
  };
}

const partners = Array.from({ length: PARTNERS }, (_, i) => partner(i));
const referral: MatchingAttributes = {
  jurisdiction: 'NL-NH',
  offenseCategory: 'assault',
  severity: 'misdemeanor',
  languages: ['nl', 'ar'],
  hasMinor: true,
  requiresSpecialist: false,
};
const history = { declinedOrExpiredPartnerIds: ['partner-000001', 'partner-000002'] };

let sink = 0;
for (let i = 0; i < WARM_UP; i++) sink += rankPartners(referral, partners, DEFAULT_RANKING_WEIGHTS, history).candidates.length;

// Wall time is what a caller waits; CPU time (user + system of this process) leaves out time the
// scheduler gave to other processes, which tells a busy machine from a slow ranking.
const timings = new Float64Array(RUNS);
const cpuTimings = new Float64Array(RUNS);
let lastCandidates = 0;
let lastExcluded = 0;
for (let i = 0; i < RUNS; i++) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = rankPartners(referral, partners, DEFAULT_RANKING_WEIGHTS, history);
  timings[i] = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  cpuTimings[i] = (cpu.user + cpu.system) / 1e3;
  lastCandidates = result.candidates.length;
  lastExcluded = result.excluded.length;
  sink += lastCandidates;
}

const summary = (values: Float64Array) => {
  values.sort();
  const at = (q: number) => values[Math.min(RUNS - 1, Math.ceil(q * RUNS) - 1)].toFixed(3);
  return `p50 ${at(0.5)} ms  p99 ${at(0.99)} ms  max ${values[RUNS - 1].toFixed(3)} ms`;
};
console.log(`matching bench: ${PARTNERS} partners x ${RUNS} runs (${lastCandidates} candidates, ${lastExcluded} excluded per run)`);
console.log(`wall  ${summary(timings)}`);
console.log(`cpu   ${summary(cpuTimings)}`);
if (sink < 0) console.log(sink);

/**
 * Matching benchmark: ranks one referral against 10,000 generated partners 1,000 times and
 * prints p50/p99/max in milliseconds. Target (issue #4, Measure): p99 < 5 ms.
 *   node -r ./tools/runtime/register.js tools/bench/matching/run.ts [partners] [runs]
 * tools/bench/matching/db.ts measures the same ranking with its Postgres read, as the service runs it.
 */
import { DEFAULT_RANKING_WEIGHTS, rankPartners } from '@rj/matching/domain';
import { BENCH_REFERRAL, generatePartners, summary } from './partners';

const PARTNERS = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 1_000);
const WARM_UP = 200;

const partners = generatePartners(PARTNERS);
const history = { declinedOrExpiredPartnerIds: ['partner-000001', 'partner-000002'] };

let sink = 0;
for (let i = 0; i < WARM_UP; i++)
  sink += rankPartners(BENCH_REFERRAL, partners, DEFAULT_RANKING_WEIGHTS, history).candidates.length;

// Wall time is what a caller waits; CPU time (user + system of this process) leaves out time the
// scheduler gave to other processes, which tells a busy machine from a slow ranking.
const timings = new Float64Array(RUNS);
const cpuTimings = new Float64Array(RUNS);
let lastCandidates = 0;
let lastExcluded = 0;
for (let i = 0; i < RUNS; i++) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = rankPartners(BENCH_REFERRAL, partners, DEFAULT_RANKING_WEIGHTS, history);
  timings[i] = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  cpuTimings[i] = (cpu.user + cpu.system) / 1e3;
  lastCandidates = result.candidates.length;
  lastExcluded = result.excluded.length;
  sink += lastCandidates;
}

console.log(
  `matching bench: ${PARTNERS} partners x ${RUNS} runs (${lastCandidates} candidates, ${lastExcluded} excluded per run)`,
);
console.log(`wall  ${summary(timings)}`);
console.log(`cpu   ${summary(cpuTimings)}`);
if (sink < 0) console.log(sink);

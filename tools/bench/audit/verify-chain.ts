/**
 * Micro-benchmark of the audit ledger's chain verification (libs/audit/domain).
 *   node -r ./tools/runtime/register.js tools/bench/audit/verify-chain.ts [entries]
 * Builds an in-memory chain of realistic canonical events (~500 bytes, the size of a typical
 * envelope with ciphertext-free data), then verifies it with ChainVerifier and prints events/s.
 * The target is ≥ 200,000 events/s so a year of a busy programme verifies in seconds.
 */
import { performance } from 'node:perf_hooks';
import { canonicalJson, chainHash, ChainVerifier, GENESIS_HASH, type ChainEntry } from '@rj/audit/domain';

const count = Number(process.argv[2] ?? 1_000_000);

function sampleEvent(i: number): unknown {
  const id = (n: number) =>
    `0190f0c2-${(n % 0xffff).toString(16).padStart(4, '0')}-7abc-8def-${n.toString(16).padStart(12, '0')}`;
  return {
    id: id(i),
    type: 'term.progress_recorded',
    version: 1,
    occurredAt: new Date(1_767_225_600_000 + i * 1000).toISOString(),
    aggregateType: 'agreement',
    aggregateId: id(i >> 3),
    referralId: id(i >> 5),
    actor: { sub: `mediator-${i % 97}`, role: 'mediator', org: id(i % 13) },
    correlationId: id(i + 7),
    causationId: id(i + 3),
    data: {
      agreementId: id(i >> 3),
      termId: id(i >> 2),
      amount: { amount: '25.00', currency: 'EUR' },
      totalAmount: { amount: `${(i % 40) * 25}.00`, currency: 'EUR' },
    },
  };
}

let started = performance.now();
const entries: ChainEntry[] = new Array(count);
let prevHash = GENESIS_HASH;
let bytes = 0;
for (let i = 0; i < count; i++) {
  const canonical = canonicalJson(sampleEvent(i));
  const hash = chainHash(prevHash, canonical);
  entries[i] = { sequence: i + 1, canonical, prevHash, hash };
  prevHash = hash;
  bytes += canonical.length;
}
const buildMs = performance.now() - started;
console.log(
  `built ${count.toLocaleString('en')} entries (avg ${Math.round(bytes / count)} bytes canonical) in ${(buildMs / 1000).toFixed(2)} s`,
);

for (const run of [1, 2, 3]) {
  started = performance.now();
  const verifier = new ChainVerifier();
  for (let i = 0; i < count; i++) if (!verifier.push(entries[i])) break;
  const result = verifier.result();
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok || result.checked !== count) throw new Error(`chain did not verify: ${JSON.stringify(result)}`);
  console.log(
    `run ${run}: verified ${result.checked.toLocaleString('en')} entries in ${seconds.toFixed(2)} s — ${Math.round(count / seconds).toLocaleString('en')} events/s`,
  );
}

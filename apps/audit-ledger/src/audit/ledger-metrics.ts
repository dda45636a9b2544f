import { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { readLedgerHead } from '@rj/audit/data-access';
import { serviceMetrics } from '@rj/shared/service';

export type VerifyResult = 'intact' | 'broken' | 'error';

export interface LedgerMetrics {
  verifyDuration: Histogram<'result'>;
  verifications: Counter<'result'>;
}

let metrics: LedgerMetrics | undefined;
let headSource: DataSource | undefined;

/**
 * The ledger's head (read from its one-row head table on scrape: a head that stops moving
 * while events flow means the ledger stopped appending) and how verifications end. A
 * `broken` verification is the one result that must page someone at once.
 */
export function ledgerMetrics(dataSource?: DataSource): LedgerMetrics {
  if (dataSource) headSource = dataSource;
  if (metrics) return metrics;
  const registers = [serviceMetrics().registry];
  new Gauge({
    name: 'rj_ledger_head_sequence',
    help: 'Sequence of the last entry appended to the audit ledger',
    registers,
    async collect() {
      if (!headSource?.isInitialized) return;
      try {
        this.set((await readLedgerHead(headSource)).sequence);
      } catch {
        // The database is down: readiness says so; the scrape still answers.
      }
    },
  });
  metrics = {
    verifyDuration: new Histogram({
      name: 'rj_ledger_verify_duration_seconds',
      help: 'Duration of a verification of the hash chain, by result',
      labelNames: ['result'] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
      registers,
    }),
    verifications: new Counter({
      name: 'rj_ledger_verifications_total',
      help: 'Verifications of the hash chain, by result (intact, broken, error)',
      labelNames: ['result'] as const,
      registers,
    }),
  };
  return metrics;
}

/** Times a verification and counts how it ended. */
export async function measureVerification<T extends { ok: boolean }>(verify: () => Promise<T>): Promise<T> {
  const stop = ledgerMetrics().verifyDuration.startTimer();
  let result: VerifyResult = 'error';
  try {
    const outcome = await verify();
    result = outcome.ok ? 'intact' : 'broken';
    return outcome;
  } finally {
    stop({ result });
    ledgerMetrics().verifications.inc({ result });
  }
}

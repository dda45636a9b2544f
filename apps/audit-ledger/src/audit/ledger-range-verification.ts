import type { DataSource } from 'typeorm';
import { streamLedger } from '@rj/audit/data-access';
import {
  ChainVerifier,
  checkpointsWithin,
  emptyRangeVerdict,
  type ChainEntry,
  type ChainPoint,
  type RangeVerdict,
  type SequenceRange,
} from '@rj/audit/domain';

export interface RangeReading {
  /** Where verification starts: the first range's anchor. */
  start: ChainPoint;
  checkpoints: readonly ChainPoint[];
  /** The select list of the chain columns (chainColumns). */
  columns: string;
  batchSize: number;
}

/**
 * What the ranges of one verification share: a range stops reading once its verdict can no
 * longer count (an earlier range broke, or a range failed), and progress is the sum of all.
 */
class RangeRun {
  private readonly checked: number[];
  private firstBroken = Infinity;
  private failed = false;

  constructor(
    ranges: number,
    private readonly onProgress?: (checked: number) => Promise<void>,
  ) {
    this.checked = new Array<number>(ranges).fill(0);
  }

  /** Past a break nothing can be trusted: ranges after a broken one need not finish. */
  isMoot(index: number): boolean {
    return this.failed || index > this.firstBroken;
  }

  broke(index: number): void {
    this.firstBroken = Math.min(this.firstBroken, index);
  }

  fail(): void {
    this.failed = true;
  }

  async progress(index: number, checked: number): Promise<void> {
    this.checked[index] = checked;
    await this.onProgress?.(this.checked.reduce((sum, n) => sum + n, 0));
  }
}

/**
 * Verifies one range of the chain on a cursor of its own. The first range starts from the
 * verification's start; a later one reads from its first sequence and takes that row as its
 * anchor (combineRangeVerdicts accepts it only if the range before ends exactly there), then
 * verifies the rows after it against the checkpoints within the range.
 */
async function verifyLedgerRange(
  source: DataSource,
  range: SequenceRange,
  index: number,
  reading: RangeReading,
  run: RangeRun,
): Promise<RangeVerdict> {
  const checkpoints = checkpointsWithin(range, reading.checkpoints);
  let anchor: ChainPoint | undefined = index === 0 ? reading.start : undefined;
  let verifier = anchor && new ChainVerifier({ start: anchor, checkpoints });
  for await (const rows of streamLedger<ChainEntry>(
    source,
    { afterSequence: index === 0 ? range.after : range.after - 1, throughSequence: range.through },
    { columns: reading.columns, batchSize: reading.batchSize },
  )) {
    let next = 0;
    if (!verifier) {
      anchor = { sequence: rows[0].sequence, hash: rows[0].hash };
      verifier = new ChainVerifier({ start: anchor, checkpoints });
      next = 1;
    }
    let intact = true;
    for (; next < rows.length; next++) if (!(intact = verifier.push(rows[next]))) break;
    if (!intact) {
      run.broke(index);
      break;
    }
    await run.progress(index, verifier.result().checked);
    if (run.isMoot(index)) break;
  }
  if (!verifier) return emptyRangeVerdict(range, reading.checkpoints);
  return { anchor, verification: verifier.result(), head: verifier.head() };
}

/**
 * Verifies every range at once, each on a connection of its own, and gives their verdicts in
 * range order. If one range fails (a lost connection), the others stop and the error is thrown
 * once they have released their connections.
 */
export async function verifyLedgerRanges(
  source: DataSource,
  ranges: readonly SequenceRange[],
  reading: RangeReading,
  onProgress?: (checked: number) => Promise<void>,
): Promise<RangeVerdict[]> {
  const run = new RangeRun(ranges.length, onProgress);
  const settled = await Promise.allSettled(
    ranges.map((range, index) =>
      verifyLedgerRange(source, range, index, reading, run).catch((error: unknown) => {
        run.fail();
        throw error;
      }),
    ),
  );
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<RangeVerdict>).value);
}

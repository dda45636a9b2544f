import { chainHash, GENESIS_POINT, type ChainEntry, type ChainPoint, type ChainVerification } from './hash-chain';

export interface ChainVerifierOptions {
  /** Where verification starts; by default the genesis (the first entry is sequence 1). */
  start?: ChainPoint;
  /**
   * Points the chain must pass through (signed checkpoints whose signatures were checked). A
   * chain rewritten consistently after some entry hashes correctly but misses the checkpoint;
   * a chain cut short before a checkpoint is truncated.
   */
  checkpoints?: readonly ChainPoint[];
}

/**
 * Verifies a ledger as a stream, entry by entry, in ledger order. What each check catches:
 * - an altered byte in an entry: its recomputed hash differs from the stored one;
 * - a deleted row: a gap in the sequence, or (if renumbered) a prevHash that links elsewhere;
 * - two swapped rows: a sequence out of order, or (if renumbered) a broken link;
 * - truncation: `result()` reports a checkpoint beyond the last entry seen;
 * - a rewritten type, referral or time column: `columnsMatch` false (checked by the reader).
 * `push` returns false at the first break; later entries are not examined (past a break,
 * nothing can be trusted, and the auditor needs the first place to look).
 *
 * Hot path: a one-shot hash and its hex digest per entry; no other allocation (≥ 200,000
 * entries/s, tools/bench/audit/verify-chain.ts).
 */
export class ChainVerifier {
  private expectedSequence: number;
  private prevHash: string;
  private checked = 0;
  private broken: number | undefined;
  private readonly checkpoints: ChainPoint[];
  private nextCheckpoint = 0;

  constructor(options: ChainVerifierOptions = {}) {
    const start = options.start ?? GENESIS_POINT;
    this.expectedSequence = start.sequence + 1;
    this.prevHash = start.hash;
    this.checkpoints = [...(options.checkpoints ?? [])]
      .filter((cp) => cp.sequence > start.sequence)
      .sort((a, b) => a.sequence - b.sequence);
  }

  push(entry: ChainEntry): boolean {
    if (this.broken !== undefined) return false;
    const sequence = this.expectedSequence;
    if (entry.sequence !== sequence || entry.prevHash !== this.prevHash) return this.breakAt(sequence);
    // Columns that disagree with the hashed event would steer reads (which referral, which order).
    if (entry.columnsMatch === false) return this.breakAt(sequence);
    const hash = chainHash(this.prevHash, entry.canonical);
    if (hash !== entry.hash) return this.breakAt(sequence);
    // Several checkpoints may name one sequence (a stored one and the same one sent back to be checked).
    let checkpoint = this.checkpoints[this.nextCheckpoint];
    while (checkpoint !== undefined && checkpoint.sequence === sequence) {
      if (checkpoint.hash !== hash) return this.breakAt(sequence);
      checkpoint = this.checkpoints[++this.nextCheckpoint];
    }
    this.prevHash = hash;
    this.expectedSequence = sequence + 1;
    this.checked++;
    return true;
  }

  /** The verdict so far. A checkpoint not yet reached means the ledger was cut short. */
  result(): ChainVerification {
    if (this.broken !== undefined) return { ok: false, checked: this.checked, firstBrokenSequence: this.broken };
    if (this.nextCheckpoint < this.checkpoints.length) {
      return { ok: false, checked: this.checked, firstBrokenSequence: this.expectedSequence };
    }
    return { ok: true, checked: this.checked };
  }

  /** The last verified link, to resume from or to sign as a new checkpoint. */
  head(): ChainPoint {
    return { sequence: this.expectedSequence - 1, hash: this.prevHash };
  }

  private breakAt(sequence: number): false {
    this.broken = sequence;
    return false;
  }
}

/** Verifies a whole ledger (or a stretch of it from `start`) in one call. */
export function verifyChain(
  entries: Iterable<ChainEntry>,
  start?: ChainPoint,
  checkpoints?: readonly ChainPoint[],
): ChainVerification {
  const verifier = new ChainVerifier({ start, checkpoints });
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.result();
}

/** The same over an async source (a database cursor, an NDJSON stream), in constant memory. */
export async function verifyChainAsync(
  entries: AsyncIterable<ChainEntry>,
  start?: ChainPoint,
  checkpoints?: readonly ChainPoint[],
): Promise<ChainVerification> {
  const verifier = new ChainVerifier({ start, checkpoints });
  for await (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.result();
}

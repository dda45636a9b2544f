import type { ChainPoint, ChainVerification } from './hash-chain';

/**
 * A stretch of the chain verified on its own: the sequences after `after`, up to and including
 * `through` (the last range has none: it takes whatever was appended while it ran). Verifying
 * several ranges at once lets the database serve one while the hashing of another goes on.
 */
export interface SequenceRange {
  after: number;
  through?: number;
}

/**
 * Splits the sequences after `after` up to `last` (the head when verification started) into at
 * most `ranges` ranges of near-equal size, each at least `minRows` long: a short ledger stays
 * one range, where a second cursor would cost more than it saves. The last range is open-ended.
 */
export function planChainRanges(after: number, last: number, ranges: number, minRows: number): SequenceRange[] {
  const rows = Math.max(0, last - after);
  const count = Math.max(1, Math.min(Math.floor(ranges), Math.floor(rows / Math.max(1, minRows))));
  const planned: SequenceRange[] = [];
  for (let k = 0; k < count; k++) {
    const from = after + Math.round((rows * k) / count);
    planned.push(
      k === count - 1 ? { after: from } : { after: from, through: after + Math.round((rows * (k + 1)) / count) },
    );
  }
  return planned;
}

/** Checkpoints a range must pass through: those after its start, up to its end. */
export function checkpointsWithin<T extends ChainPoint>(range: SequenceRange, checkpoints: readonly T[]): T[] {
  return checkpoints.filter(
    (cp) => cp.sequence > range.after && (range.through === undefined || cp.sequence <= range.through),
  );
}

/** What verifying one range found. */
export interface RangeVerdict {
  /**
   * The point the range was verified from. The first range's is where verification starts; a
   * later range's is its first row (sequence and stored hash), taken on trust until the range
   * before ends exactly there. Undefined when the range read no row at all.
   */
  anchor?: ChainPoint;
  /** The range's own verdict, counted from its anchor (a checkpoint not reached breaks it). */
  verification: ChainVerification;
  /** Its last verified link. */
  head: ChainPoint;
}

/**
 * The verdict of a range that read no row: nothing verified, and broken just after its start
 * if a checkpoint was to be reached in it (the ledger ends short of that checkpoint).
 */
export function emptyRangeVerdict(range: SequenceRange, checkpoints: readonly ChainPoint[]): RangeVerdict {
  const missed = checkpointsWithin(range, checkpoints).length > 0;
  return {
    verification: missed ? { ok: false, checked: 0, firstBrokenSequence: range.after + 1 } : { ok: true, checked: 0 },
    head: { sequence: range.after, hash: '' },
  };
}

export interface CombinedVerdict {
  verification: ChainVerification;
  head: ChainPoint;
}

/**
 * Joins the verdicts of consecutive ranges (in sequence order) into the verdict a single pass
 * from `start` would give. Walking from `start`, each range counts only if it begins exactly
 * where the chain verified so far ends (same sequence, same hash); otherwise the chain breaks
 * at the next sequence. The first break met is the verdict: past a break nothing can be
 * trusted, so a break in a later range, or anything it verified, does not count. A range that
 * read no row adds nothing, unless it had a checkpoint to reach: then the ledger ends short of
 * it, and the chain breaks after the head so far.
 */
export function combineRangeVerdicts(start: ChainPoint, verdicts: readonly RangeVerdict[]): CombinedVerdict {
  let head = start;
  let checked = 0;
  for (const verdict of verdicts) {
    const { anchor, verification } = verdict;
    const continuesChain = anchor !== undefined && anchor.sequence === head.sequence && anchor.hash === head.hash;
    // An empty range with nothing to reach leaves the chain where it was.
    if (!anchor && verification.ok) continue;
    if (!continuesChain) return { verification: { ok: false, checked, firstBrokenSequence: head.sequence + 1 }, head };
    if (!verification.ok)
      return {
        verification: {
          ok: false,
          checked: checked + verification.checked,
          firstBrokenSequence: verification.firstBrokenSequence ?? verdict.head.sequence + 1,
        },
        head: verdict.head,
      };
    head = verdict.head;
    checked += verification.checked;
  }
  return { verification: { ok: true, checked }, head };
}

import {
  checkpointsWithin,
  combineRangeVerdicts,
  emptyRangeVerdict,
  planChainRanges,
  type RangeVerdict,
} from './chain-ranges';
import { ChainVerifier } from './chain-verifier';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH, GENESIS_POINT, type ChainEntry, type ChainPoint } from './hash-chain';

function buildChain(length: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= length; sequence++) {
    const canonical = canonicalJson({ id: `e${sequence}`, type: 'term.fulfilled', data: { termId: `t${sequence}` } });
    const hash = chainHash(prevHash, canonical);
    entries.push({ sequence, canonical, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

/** Verifies `entries` the way the service does: one verifier per planned range, anchored on its first row. */
function verifyInRanges(
  entries: ChainEntry[],
  rangeCount: number,
  checkpoints: ChainPoint[] = [],
  start: ChainPoint = GENESIS_POINT,
) {
  const last = Math.max(start.sequence, ...entries.map((e) => e.sequence));
  const ranges = planChainRanges(start.sequence, last, rangeCount, 1);
  const verdicts = ranges.map((range, k): RangeVerdict => {
    const rows = entries.filter(
      (e) =>
        e.sequence >= (k === 0 ? range.after + 1 : range.after) &&
        (range.through === undefined || e.sequence <= range.through),
    );
    const first = rows[0];
    const anchor = k === 0 ? start : first && { sequence: first.sequence, hash: first.hash };
    if (!anchor) return emptyRangeVerdict(range, checkpoints);
    const verifier = new ChainVerifier({ start: anchor, checkpoints: checkpointsWithin(range, checkpoints) });
    for (const row of k === 0 ? rows : rows.slice(1)) if (!verifier.push(row)) break;
    return { anchor, verification: verifier.result(), head: verifier.head() };
  });
  return combineRangeVerdicts(start, verdicts);
}

/** The same entries through one ChainVerifier: what the combined verdict must equal. */
function verifyInOnePass(entries: ChainEntry[], checkpoints: ChainPoint[] = [], start: ChainPoint = GENESIS_POINT) {
  const verifier = new ChainVerifier({ start, checkpoints });
  for (const entry of entries) if (entry.sequence > start.sequence && !verifier.push(entry)) break;
  return { verification: verifier.result(), head: verifier.head() };
}

const chain = buildChain(30);
const point = (sequence: number): ChainPoint => ({ sequence, hash: chain[sequence - 1].hash });
const intact = (anchor: ChainPoint | undefined, head: ChainPoint, checked: number): RangeVerdict => ({
  anchor,
  verification: { ok: true, checked },
  head,
});
const broken = (anchor: ChainPoint, head: ChainPoint, checked: number, at: number): RangeVerdict => ({
  anchor,
  verification: { ok: false, checked, firstBrokenSequence: at },
  head,
});

describe('planChainRanges', () => {
  it('splits the sequences after the start into near-equal ranges, the last one open-ended', () => {
    expect(planChainRanges(0, 1000, 2, 100)).toEqual([{ after: 0, through: 500 }, { after: 500 }]);
    expect(planChainRanges(100, 400, 3, 10)).toEqual([
      { after: 100, through: 200 },
      { after: 200, through: 300 },
      { after: 300 },
    ]);
  });

  it('keeps every range at least minRows long: a short ledger stays one range', () => {
    expect(planChainRanges(0, 399, 2, 200)).toEqual([{ after: 0 }]);
    expect(planChainRanges(0, 400, 4, 200)).toEqual([{ after: 0, through: 200 }, { after: 200 }]);
    expect(planChainRanges(50, 10, 2, 1)).toEqual([{ after: 50 }]);
    expect(planChainRanges(0, 0, 2, 1)).toEqual([{ after: 0 }]);
  });
});

describe('checkpointsWithin', () => {
  it('gives a range the checkpoints after its start up to its end; the last range everything after its start', () => {
    const cps = [5, 10, 11, 20, 99].map((sequence) => ({ sequence, hash: 'h' }));
    expect(checkpointsWithin({ after: 5, through: 10 }, cps).map((c) => c.sequence)).toEqual([10]);
    expect(checkpointsWithin({ after: 10 }, cps).map((c) => c.sequence)).toEqual([11, 20, 99]);
  });
});

describe('combineRangeVerdicts', () => {
  it('intact ranges that meet exactly: intact, every entry counted, the last head', () => {
    expect(
      combineRangeVerdicts(GENESIS_POINT, [
        intact(GENESIS_POINT, point(10), 10),
        intact(point(10), point(20), 10),
        intact(point(20), point(30), 10),
      ]),
    ).toEqual({ verification: { ok: true, checked: 30 }, head: point(30) });
  });

  it('a break in range 1 and one in range 2: range 1’s, counting only what came before it', () => {
    expect(
      combineRangeVerdicts(GENESIS_POINT, [broken(GENESIS_POINT, point(3), 3, 4), broken(point(10), point(12), 2, 13)]),
    ).toEqual({ verification: { ok: false, checked: 3, firstBrokenSequence: 4 }, head: point(3) });
  });

  it('range 1 intact, range 2 broken: range 2’s break, with range 1’s entries counted', () => {
    expect(
      combineRangeVerdicts(GENESIS_POINT, [intact(GENESIS_POINT, point(10), 10), broken(point(10), point(14), 4, 15)]),
    ).toEqual({ verification: { ok: false, checked: 14, firstBrokenSequence: 15 }, head: point(14) });
  });

  it('range 1 intact but its head is not range 2’s start: the break is at range 2’s first sequence', () => {
    const otherHash = { sequence: 10, hash: chain[0].hash };
    expect(
      combineRangeVerdicts(GENESIS_POINT, [intact(GENESIS_POINT, point(10), 10), intact(otherHash, point(20), 10)]),
    ).toEqual({ verification: { ok: false, checked: 10, firstBrokenSequence: 11 }, head: point(10) });
  });

  it('range 1 ending before range 2’s start (its last row missing): the break is at the missing sequence', () => {
    expect(
      combineRangeVerdicts(GENESIS_POINT, [intact(GENESIS_POINT, point(9), 9), intact(point(11), point(20), 9)]),
    ).toEqual({ verification: { ok: false, checked: 9, firstBrokenSequence: 10 }, head: point(9) });
  });

  it('an empty last range adds nothing; one with a checkpoint to reach means the ledger ends short of it', () => {
    expect(
      combineRangeVerdicts(GENESIS_POINT, [
        intact(GENESIS_POINT, point(20), 20),
        emptyRangeVerdict({ after: 20 }, [point(10)]),
      ]),
    ).toEqual({ verification: { ok: true, checked: 20 }, head: point(20) });
    const missed = emptyRangeVerdict({ after: 20 }, [{ sequence: 25, hash: 'h' }]);
    expect(missed.verification).toEqual({ ok: false, checked: 0, firstBrokenSequence: 21 });
    expect(combineRangeVerdicts(GENESIS_POINT, [intact(GENESIS_POINT, point(18), 18), missed])).toEqual({
      verification: { ok: false, checked: 18, firstBrokenSequence: 19 },
      head: point(18),
    });
  });

  it('starts from a checkpoint: the first range must begin at it', () => {
    expect(
      combineRangeVerdicts(point(10), [intact(point(10), point(20), 10), intact(point(20), point(30), 10)]),
    ).toEqual({ verification: { ok: true, checked: 20 }, head: point(30) });
  });
});

describe('verification in ranges gives the verdict of one pass', () => {
  const tamperings: [string, (entries: ChainEntry[]) => ChainEntry[]][] = [
    ['intact', (e) => e],
    [
      'an altered entry in range 2',
      (e) => e.map((x) => (x.sequence === 17 ? { ...x, canonical: `${x.canonical} ` } : x)),
    ],
    [
      'an altered entry at a boundary',
      (e) => e.map((x) => (x.sequence === 10 ? { ...x, canonical: `${x.canonical} ` } : x)),
    ],
    [
      'an altered stored hash at a boundary',
      (e) => e.map((x) => (x.sequence === 20 ? { ...x, hash: GENESIS_HASH } : x)),
    ],
    [
      'the row after a boundary altered',
      (e) => e.map((x) => (x.sequence === 11 ? { ...x, prevHash: GENESIS_HASH } : x)),
    ],
    ['a deleted boundary row', (e) => e.filter((x) => x.sequence !== 20)],
    [
      'breaks in ranges 1 and 3',
      (e) => e.map((x) => (x.sequence === 4 || x.sequence === 25 ? { ...x, hash: GENESIS_HASH } : x)),
    ],
    ['a truncated tail', (e) => e.filter((x) => x.sequence <= 15)],
    ['every row from a boundary gone', (e) => e.filter((x) => x.sequence < 10)],
  ];
  it.each(tamperings)('%s', (_name, tamper) => {
    const entries = tamper(chain);
    expect(verifyInRanges(entries, 3)).toEqual(verifyInOnePass(entries));
    const checkpoints = [point(10), point(12), point(20), point(28), { sequence: 35, hash: 'beyond the head' }];
    expect(verifyInRanges(entries, 3, checkpoints)).toEqual(verifyInOnePass(entries, checkpoints));
    expect(verifyInRanges(entries, 2, [point(25)], point(5))).toEqual(verifyInOnePass(entries, [point(25)], point(5)));
  });
});

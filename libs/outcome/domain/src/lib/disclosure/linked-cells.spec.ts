import { levelEquations, rowEquation, suppressAcrossRows, suppressLinkedCells } from './linked-cells';
import { periodEquations } from './calendar-periods';

const withheldBelow = (values: Map<string, number>, minimum: number) =>
  new Set([...values.entries()].filter(([, value]) => value < minimum).map(([cell]) => cell));

/** What a reader can recover: the published cells, then every cell alone unknown in a sum. */
function recoverable(
  values: Map<string, number>,
  equations: { total: string; parts: readonly string[] }[],
  hidden: Set<string>,
): Map<string, number> {
  const known = new Map([...values.entries()].filter(([cell]) => !hidden.has(cell)));
  for (let changed = true; changed;) {
    changed = false;
    for (const { total, parts } of equations) {
      const unknown = [total, ...parts].filter((cell) => !known.has(cell));
      if (unknown.length !== 1) continue;
      const [cell] = unknown;
      const partsSum = parts.filter((p) => p !== cell).reduce((sum, p) => sum + known.get(p)!, 0);
      known.set(cell, cell === total ? partsSum : known.get(total)! - partsSum);
      changed = true;
    }
  }
  return known;
}

describe('complementary suppression across rows', () => {
  it('withholds a second row so the small one cannot be recovered from the total', () => {
    const rows = { english: 40, spanish: 3, polish: 12 };
    const hidden = suppressAcrossRows(rows, 55, 5);
    expect([...hidden].sort()).toEqual(['polish', 'spanish']);
  });

  it('without it, the small row is recovered by subtraction (the fixture leaks)', () => {
    const values = new Map([
      ['english', 40],
      ['spanish', 3],
      ['polish', 12],
      ['total', 55],
    ]);
    const equations = [rowEquation('total', ['english', 'spanish', 'polish'])];
    expect(recoverable(values, equations, withheldBelow(values, 5)).get('spanish')).toBe(3);
    expect(
      recoverable(
        values,
        equations,
        suppressLinkedCells({ values, equations, withheld: withheldBelow(values, 5), minimum: 5 }),
      ).has('spanish'),
    ).toBe(false);
  });

  it('withholds more rows while the withheld rows together stay below the threshold', () => {
    // Two withheld rows of 1 and 2 publish their sum, 3, through the total: a third is needed.
    const hidden = suppressAcrossRows({ a: 1, b: 2, c: 8, d: 50 }, 61, 5);
    expect([...hidden].sort()).toEqual(['a', 'b', 'c']);
    const alsoHidden = suppressAcrossRows({ a: 1, b: 2, c: 30, d: 50 }, 83, 10);
    expect([...alsoHidden].sort()).toEqual(['a', 'b', 'c']);
  });

  it('withholds nothing when every row is large', () => {
    expect(suppressAcrossRows({ a: 10, b: 20 }, 30, 10).size).toBe(0);
  });
});

describe('complementary suppression across levels (partner → jurisdiction → all)', () => {
  const values = new Map([
    ['all', 80],
    ['J1', 50],
    ['J2', 30],
    ['J1/P1', 46],
    ['J1/P2', 4],
    ['J2/P3', 15],
    ['J2/P4', 15],
  ]);
  const tree = new Map<string, string[]>([
    ['all', ['J1', 'J2']],
    ['J1', ['J1/P1', 'J1/P2']],
    ['J2', ['J2/P3', 'J2/P4']],
  ]);
  const equations = levelEquations(tree);

  it('the fixture leaks without it: a small partner is its jurisdiction minus its other partners', () => {
    expect(recoverable(values, equations, withheldBelow(values, 5)).get('J1/P2')).toBe(4);
  });

  it('protects a small partner, and the cells hidden for it, on every level', () => {
    const hidden = suppressLinkedCells({ values, equations, withheld: withheldBelow(values, 5), minimum: 5 });
    const known = recoverable(values, equations, hidden);
    expect(known.has('J1/P2')).toBe(false);
    for (const cell of hidden) expect(known.has(cell)).toBe(false);
  });

  it('protects a small jurisdiction in the platform total', () => {
    const small = new Map([
      ['all', 53],
      ['J1', 50],
      ['J2', 3],
      ['J3', 0],
    ]);
    const eqs = levelEquations(new Map([['all', ['J1', 'J2', 'J3']]]));
    // J2 and J3 are both withheld, but together 3: the platform total minus J1 gives that away.
    const hidden = suppressLinkedCells({
      values: small,
      equations: eqs,
      withheld: withheldBelow(small, 5),
      minimum: 5,
    });
    expect(hidden.has('J1')).toBe(true);
  });
});

describe('complementary suppression across periods (month → quarter → year)', () => {
  const quarters = new Map([
    ['2026', 60],
    ['2026-Q1', 20],
    ['2026-Q2', 2],
    ['2026-Q3', 18],
    ['2026-Q4', 20],
  ]);

  it('the fixture leaks without it: a small quarter is its year minus the other quarters', () => {
    const equations = periodEquations(['2026']);
    expect(recoverable(quarters, equations, withheldBelow(quarters, 5)).get('2026-Q2')).toBe(2);
  });

  it('links months to quarters and quarters to years', () => {
    expect(periodEquations(['2026', '2026-Q2', '2026-05'])).toEqual([
      { total: '2026', parts: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] },
      { total: '2026-Q2', parts: ['2026-04', '2026-05', '2026-06'] },
    ]);
  });

  it('withholds a second quarter to protect the small one', () => {
    const equations = periodEquations(['2026']);
    const hidden = suppressLinkedCells({
      values: quarters,
      equations,
      withheld: withheldBelow(quarters, 5),
      minimum: 5,
    });
    expect([...hidden].sort()).toEqual(['2026-Q2', '2026-Q3']);
    expect(recoverable(quarters, equations, hidden).has('2026-Q2')).toBe(false);
  });

  it('withholds the year when the quarters are already published and frozen', () => {
    // Q1, Q3, Q4 went out last year and cannot be taken back; the year is all that is left to hide.
    const equations = periodEquations(['2026']);
    const fixed = new Set(['2026-Q1', '2026-Q3', '2026-Q4']);
    const hidden = suppressLinkedCells({
      values: quarters,
      equations,
      withheld: withheldBelow(quarters, 5),
      minimum: 5,
      fixed,
    });
    expect([...hidden].sort()).toEqual(['2026', '2026-Q2']);
    expect(recoverable(quarters, equations, hidden).has('2026-Q2')).toBe(false);
  });

  it('protects across both levels of periods at once', () => {
    const values = new Map([
      ['2026-Q1', 30],
      ['2026-01', 3],
      ['2026-02', 13],
      ['2026-03', 14],
    ]);
    const equations = periodEquations(['2026-Q1']);
    const hidden = suppressLinkedCells({ values, equations, withheld: withheldBelow(values, 5), minimum: 5 });
    expect(recoverable(values, equations, hidden).has('2026-01')).toBe(false);
  });
});

import { count, median, rate, total } from './figures';
import { breakdownCellsToWithhold, suppressSmallCounts } from './small-count-suppression';

const hidden = (kind: string) => expect.objectContaining({ kind, value: null, suppressed: true });

describe('suppressSmallCounts', () => {
  it.each([
    ['a count below the threshold', count(4), hidden('count')],
    ['a zero count', count(0), hidden('count')],
    ['a count at the threshold', count(5), count(5)],
    ['a rate whose denominator is small', rate(1, 4), hidden('rate')],
    ['a rate whose count is small, however large its denominator', rate(1, 90), hidden('rate')],
    ['a rate whose complement is small: 8 of 10 names the 2 who did not', rate(8, 10), hidden('rate')],
    ['a rate of all: 12 of 12 says that none did not', rate(12, 12), hidden('rate')],
    ['a rate whose count and complement both reach the threshold', rate(5, 10), rate(5, 10)],
    ['a median over few observations', median([1, 2, 3]), hidden('median')],
    ['a total resting on few agreements', total('120.00', 2), hidden('total')],
  ])('%s', (_name, figure, expected) => {
    expect(suppressSmallCounts(figure, 5)).toEqual(expected);
  });

  it('keeps the null and the denominator out of a suppressed rate so nothing can be recomputed', () => {
    expect(suppressSmallCounts(rate(2, 3), 5)).toEqual({
      kind: 'rate',
      numerator: null,
      denominator: null,
      value: null,
      suppressed: true,
    });
  });

  it('walks nested figures and leaves other values alone', () => {
    const figures = { a: { b: [count(1), count(7)] }, label: 'x', n: 3 };
    expect(suppressSmallCounts(figures, 5)).toEqual({ a: { b: [hidden('count'), count(7)] }, label: 'x', n: 3 });
  });

  it('suppresses a second cell of a breakdown so the first cannot be recovered by subtraction', () => {
    const byStatus = { completed: count(12), returned: count(2), in_progress: count(7), withdrawn: count(30) };
    expect(suppressSmallCounts(byStatus, 5)).toEqual({
      completed: count(12),
      returned: hidden('count'),
      in_progress: hidden('count'),
      withdrawn: count(30),
    });
  });

  it('withholds a third cell while the two withheld add up to less than the threshold', () => {
    // returned 1 + withdrawn 2 = 3: hiding both still publishes "3 between them" through the total.
    const byStatus = { completed: count(40), returned: count(1), withdrawn: count(2), in_progress: count(9) };
    expect(suppressSmallCounts(byStatus, 5)).toEqual({
      completed: count(40),
      returned: hidden('count'),
      withdrawn: hidden('count'),
      in_progress: hidden('count'),
    });
  });

  it('leaves a breakdown whole when every cell reaches the threshold', () => {
    const bySource = { police: count(5), prosecutor: count(20) };
    expect(suppressSmallCounts(bySource, 5)).toEqual(bySource);
  });

  it('does not touch the figures it is given', () => {
    const figure = count(1);
    suppressSmallCounts({ figure }, 5);
    expect(figure).toEqual(count(1));
  });
});

describe('breakdownCellsToWithhold: the count-and-complement rule on a breakdown', () => {
  /** What a reader recovers from the shown cells and the total: the one hidden cell, if only one. */
  const recovered = (cells: Record<string, number>, hidden: Set<string>) => {
    const total = Object.values(cells).reduce((a, b) => a + b, 0);
    const unknown = Object.keys(cells).filter((key) => hidden.has(key));
    const shownSum = Object.keys(cells)
      .filter((key) => !hidden.has(key))
      .reduce((sum, key) => sum + cells[key], 0);
    return { unknown, sumOfHidden: total - shownSum };
  };

  it('the fixture leaks without it: one withheld cell is the total minus the others', () => {
    const cells = { prosecutor: 30, police: 3, court: 12 };
    const small = new Set(['police']);
    expect(recovered(cells, small)).toEqual({ unknown: ['police'], sumOfHidden: 3 });
    const hidden = breakdownCellsToWithhold(cells, 5);
    expect([...hidden].sort()).toEqual(['court', 'police']);
    expect(recovered(cells, hidden).sumOfHidden).toBeGreaterThanOrEqual(5);
  });

  it('withholds zero cells too, and protects them with a neighbour', () => {
    expect([...breakdownCellsToWithhold({ a: 0, b: 7, c: 9 }, 5)].sort()).toEqual(['a', 'b']);
  });

  it('withholds nothing when no cell is small', () => {
    expect(breakdownCellsToWithhold({ a: 5, b: 6 }, 5).size).toBe(0);
  });
});

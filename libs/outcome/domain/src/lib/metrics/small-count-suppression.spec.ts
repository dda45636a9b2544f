import { count, median, rate, total } from './figures';
import { suppressSmallCounts } from './small-count-suppression';

const hidden = (kind: string) => expect.objectContaining({ kind, value: null, suppressed: true });

describe('suppressSmallCounts', () => {
  it.each([
    ['a count below the threshold', count(4), hidden('count')],
    ['a zero count', count(0), hidden('count')],
    ['a count at the threshold', count(5), count(5)],
    ['a rate whose denominator is small', rate(1, 4), hidden('rate')],
    ['a rate with a large denominator, whatever its numerator', rate(1, 9), rate(1, 9)],
    ['a median over few observations', median([1, 2, 3]), hidden('median')],
    ['a total resting on few agreements', total('120.00', 2), hidden('total')],
  ])('%s', (_name, figure, expected) => {
    expect(suppressSmallCounts(figure, 5)).toEqual(expected);
  });

  it('keeps the null and the denominator out of a suppressed rate so nothing can be recomputed', () => {
    expect(suppressSmallCounts(rate(2, 3), 5)).toEqual({ kind: 'rate', numerator: null, denominator: null, value: null, suppressed: true });
  });

  it('walks nested figures and leaves other values alone', () => {
    const figures = { a: { b: [count(1), count(7)] }, label: 'x', n: 3 };
    expect(suppressSmallCounts(figures, 5)).toEqual({ a: { b: [hidden('count'), count(7)] }, label: 'x', n: 3 });
  });

  it('suppresses a second cell of a breakdown so the first cannot be recovered by subtraction', () => {
    const byStatus = { completed: count(12), returned: count(2), in_progress: count(7), withdrawn: count(30) };
    expect(suppressSmallCounts(byStatus, 5)).toEqual({ completed: count(12), returned: hidden('count'), in_progress: hidden('count'), withdrawn: count(30) });
  });

  it('does not touch the figures it is given', () => {
    const figure = count(1);
    suppressSmallCounts({ figure }, 5);
    expect(figure).toEqual(count(1));
  });
});

import { countFor, internalCount, publicCount, rateFor, rateMayBeShown, roundToBase } from './cell-rules';

describe('internal counts', () => {
  it.each([
    [0, null],
    [4, null],
    [5, 5],
    [7, 7],
  ])('a count of %i is shown as %p', (count, shown) => {
    expect(internalCount(count)).toBe(shown);
  });
});

describe('public counts', () => {
  it.each([
    // Would leak at the internal threshold: 5–9 are exact internal figures, never public ones.
    [9, null],
    [5, null],
    [10, 10],
    [12, 10],
    [13, 15],
    [22, 20],
    [23, 25],
    [101, 100],
  ])('a count of %i is published as %p', (count, shown) => {
    expect(publicCount(count)).toBe(shown);
  });

  it('rounds so that two published counts differing by one person cannot be told apart', () => {
    // 21 in one report and 22 in another would give away the one person between them.
    expect(publicCount(21)).toBe(publicCount(22));
  });

  it('rounds half up to the base', () => {
    expect(roundToBase(12.5, 5)).toBe(15);
    expect(roundToBase(17, 5)).toBe(15);
  });

  it('chooses the rule by audience', () => {
    expect(countFor('internal', 7)).toBe(7);
    expect(countFor('public', 7)).toBeNull();
  });
});

describe('rates need both the count and its complement', () => {
  it('withholds a rate whose complement is small even when the count is large', () => {
    // 48 of 50 re-offended: the rate says 2 did not, as surely as a count of 2 would.
    expect(rateMayBeShown(48, 50, 10)).toBe(false);
    expect(rateFor('public', 48, 50)).toBeNull();
  });

  it('withholds a rate whose count is small even when the denominator is large', () => {
    expect(rateMayBeShown(3, 200, 5)).toBe(false);
    expect(rateFor('internal', 3, 200)).toBeNull();
  });

  it('shows a rate when both sides reach the threshold', () => {
    expect(rateFor('internal', 5, 10)).toBe(0.5);
    expect(rateFor('public', 12, 40)).toBe(0.3);
    expect(rateFor('public', 10, 30)).toBe(0.33);
  });

  it('applies the public threshold to public rates', () => {
    expect(rateFor('internal', 6, 13)).toBe(0.4615);
    expect(rateFor('public', 6, 13)).toBeNull();
  });
});

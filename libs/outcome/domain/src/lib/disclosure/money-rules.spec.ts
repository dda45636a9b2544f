import { moneyTotalFor, moneyTotalMayBeShown } from './money-rules';

describe('money totals', () => {
  it('withholds a total of two contributors: each could work out the other payment', () => {
    expect(moneyTotalMayBeShown([10_000n, 12_000n])).toBe(false);
  });

  it('does not count contributors who paid nothing', () => {
    expect(moneyTotalMayBeShown([10_000n, 12_000n, 0n, 0n])).toBe(false);
  });

  it('withholds a total one contributor dominates: the total is close to that payment', () => {
    // 3 contributors, but one paid 60,000 of 80,000: the total all but states that payment.
    expect(moneyTotalMayBeShown([60_000n, 10_000n, 10_000n])).toBe(false);
  });

  it('shows a total of three or more whose largest is at most half', () => {
    expect(moneyTotalMayBeShown([5_000n, 2_500n, 2_500n])).toBe(true);
    expect(moneyTotalFor([5_000n, 2_500n, 2_500n, 0n])).toBe(10_000n);
  });

  it('gives nothing for a withheld total', () => {
    expect(moneyTotalFor([5_001n, 2_500n, 2_499n])).toBeNull();
  });
});

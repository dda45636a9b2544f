import { MONEY_MAXIMUM_SHARE, MONEY_MINIMUM_CONTRIBUTORS } from './thresholds';

/**
 * A money total is shown only when at least 3 contributors make it up and the largest is at
 * most half of it (the dominance rule): otherwise a contributor who knows their own payment,
 * or a reader who knows one large payment, learns what the others paid. Contributions are
 * integer minor units of one currency; contributors with nothing are not contributors.
 */
export function moneyTotalMayBeShown(contributions: readonly bigint[]): boolean {
  const paying = contributions.filter((amount) => amount > 0n);
  if (paying.length < MONEY_MINIMUM_CONTRIBUTORS) return false;
  const sum = paying.reduce((a, b) => a + b, 0n);
  const largest = paying.reduce((a, b) => (b > a ? b : a), 0n);
  // largest ≤ share × sum, in integers: largest × 2 ≤ sum for a share of one half.
  return BigInt(Math.round(1 / MONEY_MAXIMUM_SHARE)) * largest <= sum;
}

export function moneyTotalFor(contributions: readonly bigint[]): bigint | null {
  return moneyTotalMayBeShown(contributions)
    ? contributions.filter((amount) => amount > 0n).reduce((a, b) => a + b, 0n)
    : null;
}

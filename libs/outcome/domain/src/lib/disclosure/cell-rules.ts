import { minimumFor, PUBLIC_ROUNDING_BASE, type Audience } from './thresholds';

/**
 * Rules for one cell, each a question a reviewer can read aloud. A count below the minimum is
 * withheld, zero included: "none" next to a published total is as telling as "one".
 */
export function countMayBeShown(count: number, minimum: number): boolean {
  return count >= minimum;
}

/** Internal figures: a count of at least 5, exact. */
export function internalCount(count: number): number | null {
  return countMayBeShown(count, minimumFor('internal')) ? count : null;
}

/**
 * Public figures: a count of at least 10, rounded to the nearest 5 (half up). Rounding is
 * applied after every suppression decision, which is taken on the exact counts.
 */
export function publicCount(count: number): number | null {
  return countMayBeShown(count, minimumFor('public')) ? roundToBase(count, PUBLIC_ROUNDING_BASE) : null;
}

export function roundToBase(value: number, base: number): number {
  return Math.round(value / base) * base;
}

export function countFor(audience: Audience, count: number): number | null {
  return audience === 'public' ? publicCount(count) : internalCount(count);
}

/**
 * A rate (count out of denominator) is shown only when both the count and its complement reach
 * the minimum: 98 of 100 tells a reader that 2 people did not, which names them as surely as
 * a count of 2 would.
 */
export function rateMayBeShown(count: number, denominator: number, minimum: number): boolean {
  return count >= minimum && denominator - count >= minimum;
}

/** The rate as a share (4 decimals internally, whole percent publicly), or null when withheld. */
export function rateFor(audience: Audience, count: number, denominator: number): number | null {
  if (!rateMayBeShown(count, denominator, minimumFor(audience))) return null;
  const share = count / denominator;
  return audience === 'public' ? Math.round(share * 100) / 100 : Math.round(share * 10_000) / 10_000;
}

/**
 * Community-service hours may be fractional (a 90-minute session is 1.5 h). They are summed in
 * hundredths of an hour so 0.1 + 0.2 never becomes 0.30000000000000004 and "hours reached" is
 * an exact comparison.
 */
export function isValidHours(hours: unknown): hours is number {
  return (
    typeof hours === 'number' &&
    Number.isFinite(hours) &&
    hours > 0 &&
    Math.abs(hours * 100 - Math.round(hours * 100)) < 1e-6
  );
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

export function addHours(a: number, b: number): number {
  return fromHundredths(toHundredths(a) + toHundredths(b));
}

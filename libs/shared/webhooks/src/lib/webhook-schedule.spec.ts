import { attemptsWithin, isPersistentFailure, releaseTimeOf } from './webhook-schedule';

describe('webhook delivery schedule', () => {
  it('sends progress at once', () => {
    const now = new Date('2027-03-10T14:23:11Z');
    expect(releaseTimeOf(false, now, 2)).toEqual(now);
  });

  it("holds an outcome change for the next day's batch, whenever in the day it happened", () => {
    expect(releaseTimeOf(true, new Date('2027-03-10T14:23:11Z'), 2)).toEqual(new Date('2027-03-11T02:00:00Z'));
    expect(releaseTimeOf(true, new Date('2027-03-10T01:59:59Z'), 2)).toEqual(new Date('2027-03-10T02:00:00Z'));
    expect(releaseTimeOf(true, new Date('2027-03-10T02:00:00Z'), 2)).toEqual(new Date('2027-03-11T02:00:00Z'));
    expect(releaseTimeOf(true, new Date('2027-12-31T23:00:00Z'), 2)).toEqual(new Date('2028-01-01T02:00:00Z'));
  });

  it('spreads exponential retries over about three days from a one-minute start', () => {
    const attempts = attemptsWithin(3 * 24 * 3600_000, 60_000);
    expect(attempts).toBe(13);
    const lastRetryAfterMs = 60_000 * (2 ** (attempts - 1) - 1);
    expect(lastRetryAfterMs / 3600_000).toBeGreaterThan(60);
    expect(lastRetryAfterMs).toBeLessThanOrEqual(3 * 24 * 3600_000);
  });

  it('calls a failure persistent only when nothing succeeded since the first try', () => {
    const first = new Date('2027-03-01T00:00:00Z');
    expect(isPersistentFailure(null, first)).toBe(true);
    expect(isPersistentFailure(new Date('2027-02-28T00:00:00Z'), first)).toBe(true);
    expect(isPersistentFailure(new Date('2027-03-02T00:00:00Z'), first)).toBe(false);
  });
});

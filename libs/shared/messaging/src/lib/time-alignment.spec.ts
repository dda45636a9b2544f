import { TimeAlignment } from './time-alignment';

const REFERRALS = 'rj.referral.v1';
const OFFERS = 'rj.matching.v1';
const MAX_WAIT_MS = 1000;

/** A consumer of both topics where the referral topic provides prerequisites, both partitions behind. */
function aligned(): TimeAlignment {
  const alignment = new TimeAlignment(new Set([REFERRALS]), MAX_WAIT_MS);
  alignment.joined([
    { topic: REFERRALS, partition: 0 },
    { topic: REFERRALS, partition: 1 },
    { topic: OFFERS, partition: 0 },
  ]);
  alignment.learned([
    { topic: REFERRALS, partition: 0, behind: true },
    { topic: REFERRALS, partition: 1, behind: false },
  ]);
  return alignment;
}

describe('TimeAlignment', () => {
  it('holds back only topics other than one that provides', () => {
    const alignment = aligned();
    expect(alignment.aligns(OFFERS)).toBe(true);
    expect(alignment.aligns(REFERRALS)).toBe(false);
    expect(alignment.mustWait(REFERRALS, 5_000)).toBe(false);
  });

  it('holds every event of the other topics until it learns which partitions are behind', () => {
    const alignment = new TimeAlignment(new Set([REFERRALS]), MAX_WAIT_MS);
    alignment.joined([{ topic: REFERRALS, partition: 0 }]);
    expect(alignment.mustWait(OFFERS, 1)).toBe(true);
    alignment.learned([{ topic: REFERRALS, partition: 0, behind: false }]);
    expect(alignment.mustWait(OFFERS, 1)).toBe(false);
  });

  it('holds an event published after what a partition behind has applied, and not one published before', () => {
    const alignment = aligned();
    alignment.applied(REFERRALS, 0, 100, true);
    expect(alignment.mustWait(OFFERS, 101)).toBe(true);
    expect(alignment.mustWait(OFFERS, 100)).toBe(false);
    alignment.applied(REFERRALS, 0, 150, false);
    expect(alignment.mustWait(OFFERS, 10_000)).toBe(false);
  });

  it('resumes a wait once the topic it waits for reaches its head, once', () => {
    const alignment = aligned();
    alignment.applied(REFERRALS, 0, 100, true);
    const resume = jest.fn();
    alignment.wait(OFFERS, 0, 120, 0, resume);
    expect(alignment.isWaiting(OFFERS, 0)).toBe(true);
    alignment.applied(REFERRALS, 0, 110, true);
    expect(alignment.release(10)).toEqual([]);
    alignment.applied(REFERRALS, 0, 120, true);
    expect(alignment.release(20)).toEqual([{ resume, topic: OFFERS, ended: 'caught_up', waitedMs: 20 }]);
    expect(alignment.release(30)).toEqual([]);
    expect(alignment.isWaiting(OFFERS, 0)).toBe(false);
    expect(alignment.anyWaiting()).toBe(false);
  });

  it('ends a wait after maxWaitMs and takes the partition that did not move as caught up', () => {
    const alignment = aligned();
    alignment.applied(REFERRALS, 0, 100, true);
    const resume = jest.fn();
    alignment.wait(OFFERS, 0, 120, 5, resume);
    expect(alignment.nextTimeout()).toBe(5 + MAX_WAIT_MS);
    expect(alignment.release(5 + MAX_WAIT_MS - 1)).toEqual([]);
    expect(alignment.release(5 + MAX_WAIT_MS)).toEqual([
      { resume, topic: OFFERS, ended: 'timed_out', waitedMs: MAX_WAIT_MS },
    ]);
    expect(alignment.nextTimeout()).toBeUndefined();
    // It has not moved: the next event does not wait for it again, until it applies something.
    expect(alignment.mustWait(OFFERS, 200)).toBe(false);
    alignment.applied(REFERRALS, 0, 150, true);
    expect(alignment.mustWait(OFFERS, 200)).toBe(true);
  });

  it('never lets two waiting partitions wait for each other: the earlier head goes first', () => {
    const cases = 'rj.scheduling.v1';
    const alignment = new TimeAlignment(new Set([REFERRALS, cases]), MAX_WAIT_MS);
    alignment.joined([
      { topic: REFERRALS, partition: 0 },
      { topic: cases, partition: 0 },
    ]);
    alignment.learned([
      { topic: REFERRALS, partition: 0, behind: true },
      { topic: cases, partition: 0, behind: true },
    ]);
    alignment.applied(REFERRALS, 0, 5, true);
    alignment.applied(cases, 0, 5, true);
    const resumeReferrals = jest.fn();
    const resumeCases = jest.fn();
    expect(alignment.mustWait(REFERRALS, 10)).toBe(true);
    alignment.wait(REFERRALS, 0, 10, 0, resumeReferrals);
    expect(alignment.mustWait(cases, 20)).toBe(true);
    alignment.wait(cases, 0, 20, 0, resumeCases);

    expect(alignment.release(1).map((released) => released.resume)).toEqual([resumeReferrals]);
    alignment.applied(REFERRALS, 0, 25, true);
    expect(alignment.release(2).map((released) => released.resume)).toEqual([resumeCases]);
  });

  it('ends the waits of the last assignment when the group rebalances', () => {
    const alignment = aligned();
    alignment.applied(REFERRALS, 0, 100, true);
    const resume = jest.fn();
    alignment.wait(OFFERS, 0, 120, 0, resume);
    expect(alignment.joined([{ topic: OFFERS, partition: 0 }])).toEqual([resume]);
    expect(alignment.anyWaiting()).toBe(false);
    expect(alignment.mustWait(OFFERS, 10_000)).toBe(false);
  });

  it('holds nothing back when the broker could not say which partitions are behind', () => {
    const alignment = new TimeAlignment(new Set([REFERRALS]), MAX_WAIT_MS);
    alignment.joined([{ topic: REFERRALS, partition: 0 }]);
    alignment.learnedNothing();
    expect(alignment.mustWait(OFFERS, 1)).toBe(false);
  });
});

import { parsePeriod } from '../disclosure/calendar-periods';
import { computeEligibleNotReferred, monthMayBeSupplied } from './eligible-not-referred';

const AFTER_THE_YEAR = '2027-01-10';

describe('eligible cases not referred, as offices supply them', () => {
  const records = [
    { officeId: 'office-a', month: '2026-01', count: 12 },
    { officeId: 'office-a', month: '2026-02', count: 9 },
    { officeId: 'office-b', month: '2026-01', count: 3 },
    { officeId: 'office-b', month: '2026-02', count: 20 },
    { officeId: 'office-c', month: '2026-02', count: 14 },
    { officeId: 'office-a', month: '2025-12', count: 99 },
  ];
  const figures = (period: string, today = AFTER_THE_YEAR) =>
    computeEligibleNotReferred(records, parsePeriod(period)!, today);

  it('sums the months of a period by office and in total (hand-computed)', () => {
    expect(figures('2026-Q1')).toEqual({
      period: '2026-Q1',
      minimum: 5,
      officesSupplying: 3,
      total: 58,
      byOffice: [
        { officeId: 'office-a', supplied: true, count: 21 },
        { officeId: 'office-b', supplied: true, count: 23 },
        { officeId: 'office-c', supplied: true, count: 14 },
      ],
    });
  });

  it('withholds a small office-month, and another office so the total does not give it back', () => {
    const january = figures('2026-01');
    // office-b supplied 3; office-c supplied nothing for January (a known absence, not a count):
    // without withholding office-a too, 15 − 12 would give office-b's 3 back.
    expect(january.byOffice).toEqual([
      { officeId: 'office-a', supplied: true, count: null },
      { officeId: 'office-b', supplied: true, count: null },
      { officeId: 'office-c', supplied: false, count: null },
    ]);
    expect(january.total).toBe(15);
  });

  it('withholds a zero an office supplied, as any small count', () => {
    const zero = computeEligibleNotReferred(
      [...records, { officeId: 'office-c', month: '2026-03', count: 0 }],
      parsePeriod('2026-03')!,
      AFTER_THE_YEAR,
    );
    expect(zero.byOffice).toEqual([
      { officeId: 'office-a', supplied: false, count: null },
      { officeId: 'office-b', supplied: false, count: null },
      { officeId: 'office-c', supplied: true, count: null },
    ]);
    expect(zero.total).toBeNull();
  });

  it('withholds across periods: the small month cannot be had from its quarter minus the others', () => {
    const q1 = figures('2026-Q1').byOffice.find((o) => o.officeId === 'office-b')!.count;
    const months = ['2026-01', '2026-02', '2026-03'].map(
      (m) => figures(m).byOffice.find((o) => o.officeId === 'office-b')!.count,
    );
    // Without linking months to their quarter, 23 − 20 − 0 would give January's 3 back.
    const known = [q1, ...months].filter((n) => n !== null);
    expect(known.length).toBeLessThan(3);
  });

  it('counts only the requested year, and says when no office supplied any', () => {
    expect(figures('2026').total).toBe(58);
    expect(computeEligibleNotReferred([], parsePeriod('2026')!, AFTER_THE_YEAR)).toEqual({
      period: '2026',
      minimum: 5,
      officesSupplying: 0,
      total: null,
      byOffice: [],
    });
  });

  it('takes counts only for months that have begun', () => {
    expect(monthMayBeSupplied('2026-12', '2026-12-06')).toBe(true);
    expect(monthMayBeSupplied('2027-01', '2026-12-06')).toBe(false);
    expect(monthMayBeSupplied('2026', '2026-12-06')).toBe(false);
    expect(monthMayBeSupplied('2026-13', '2026-12-06')).toBe(false);
  });
});

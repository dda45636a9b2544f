import { addMonths, compareDates, dateOfInstant, isIsoDate } from './calendar-date';
import { followUpSchedule } from './follow-up-schedule';

describe('follow-up schedule', () => {
  it('falls due at 6, 12 and 24 months after completion by default', () => {
    expect(followUpSchedule('2026-03-15')).toEqual([
      { offsetMonths: 6, dueOn: '2026-09-15' },
      { offsetMonths: 12, dueOn: '2027-03-15' },
      { offsetMonths: 24, dueOn: '2028-03-15' },
    ]);
  });

  it.each([
    ['2025-08-31', 6, '2026-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('adds months end-of-month safe: %s + %i → %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('accepts custom offsets and refuses nonsense ones', () => {
    expect(followUpSchedule('2026-01-31', [3])).toEqual([{ offsetMonths: 3, dueOn: '2026-04-30' }]);
    expect(() => followUpSchedule('2026-01-31', [0])).toThrow(/positive/);
    expect(() => followUpSchedule('2026-02-30')).toThrow(/calendar date/);
  });

  it('validates and compares plain dates and takes the UTC date of an instant', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(compareDates('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(dateOfInstant('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
  });
});

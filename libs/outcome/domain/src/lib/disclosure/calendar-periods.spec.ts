import {
  childPeriods,
  formatPeriod,
  parsePeriod,
  periodBounds,
  periodHasEnded,
  periodOfDate,
} from './calendar-periods';

describe('calendar periods', () => {
  it.each([
    ['2026', { from: '2026-01-01', to: '2026-12-31' }],
    ['2026-Q1', { from: '2026-01-01', to: '2026-03-31' }],
    ['2024-Q1', { from: '2024-01-01', to: '2024-03-31' }],
    ['2026-Q4', { from: '2026-10-01', to: '2026-12-31' }],
    ['2024-02', { from: '2024-02-01', to: '2024-02-29' }],
  ])('%s runs over %p', (text, bounds) => {
    expect(periodBounds(parsePeriod(text)!)).toEqual(bounds);
  });

  it.each(['2026-Q5', '2026-13', '26', '2026-1', 'last-year', '2026-01-01'])(
    'refuses %s: only fixed calendar periods',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );

  it('formats what it parses', () => {
    for (const text of ['2026', '2026-Q3', '2026-07']) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
  });

  it('places a date in its period', () => {
    expect(formatPeriod(periodOfDate('2026-08-15', 'quarter'))).toBe('2026-Q3');
    expect(formatPeriod(periodOfDate('2026-08-15', 'month'))).toBe('2026-08');
    expect(formatPeriod(periodOfDate('2026-08-15', 'year'))).toBe('2026');
  });

  it('ends the day after its last day', () => {
    const q3 = parsePeriod('2026-Q3')!;
    expect(periodHasEnded(q3, '2026-09-30')).toBe(false);
    expect(periodHasEnded(q3, '2026-10-01')).toBe(true);
  });

  it('splits a year into quarters and a quarter into months', () => {
    expect(childPeriods(parsePeriod('2026')!).map(formatPeriod)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(childPeriods(parsePeriod('2026-Q3')!).map(formatPeriod)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(childPeriods(parsePeriod('2026-07')!)).toEqual([]);
  });
});

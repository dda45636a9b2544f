import { monthsToSupply } from './eligible-not-referred.controller';

describe('the months an office may supply a count for', () => {
  const today = new Date('2026-03-15T12:00:00Z');

  it('offers the months of this year that have begun, latest first', () => {
    expect(monthsToSupply(2026, today)).toEqual(['2026-03', '2026-02', '2026-01']);
  });

  it('offers every month of a past year, and none of a year to come', () => {
    expect(monthsToSupply(2025, today)).toHaveLength(12);
    expect(monthsToSupply(2025, today)[0]).toBe('2025-12');
    expect(monthsToSupply(2027, today)).toEqual([]);
  });
});

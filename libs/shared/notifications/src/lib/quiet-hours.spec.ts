import { instantOfLocal, isIanaTimeZone, localClockOf } from './local-time';
import { isQuietHour, sendableFrom } from './quiet-hours';

const LA = 'America/Los_Angeles';

describe('local time and quiet hours', () => {
  it('reads local time by the zone’s rules on both sides of the March switch (Los Angeles, 8 March 2026)', () => {
    expect(localClockOf(new Date('2026-03-07T18:00:00Z'), LA)).toEqual({
      year: 2026,
      month: 3,
      day: 7,
      hour: 10,
      minute: 0,
    }); // PST, UTC-8
    expect(localClockOf(new Date('2026-03-09T17:00:00Z'), LA)).toEqual({
      year: 2026,
      month: 3,
      day: 9,
      hour: 10,
      minute: 0,
    }); // PDT, UTC-7
    expect(instantOfLocal({ year: 2026, month: 3, day: 7, hour: 8 }, LA).toISOString()).toBe(
      '2026-03-07T16:00:00.000Z',
    );
    expect(instantOfLocal({ year: 2026, month: 3, day: 9, hour: 8 }, LA).toISOString()).toBe(
      '2026-03-09T15:00:00.000Z',
    );
    // 02:30 does not exist on the day of the switch: a clock set forward shows 03:30.
    expect(instantOfLocal({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, LA).toISOString()).toBe(
      '2026-03-08T10:30:00.000Z',
    );
  });

  it('defers a message due in quiet hours to 08:00 local, across midnight and the switch, and lets a daytime one go', () => {
    // 22:00 PST on Saturday 7 March → 08:00 PDT on Sunday 8 March (the night the clocks go forward).
    expect(sendableFrom(new Date('2026-03-08T06:00:00Z'), LA).toISOString()).toBe('2026-03-08T15:00:00.000Z');
    // 06:30 local on Monday 9 March → 08:00 the same morning.
    expect(sendableFrom(new Date('2026-03-09T13:30:00Z'), LA).toISOString()).toBe('2026-03-09T15:00:00.000Z');
    // 21:00 exactly is quiet, 20:59 and 08:00 are not.
    expect(isQuietHour(new Date('2026-03-10T04:00:00Z'), LA)).toBe(true);
    expect(isQuietHour(new Date('2026-03-10T03:59:00Z'), LA)).toBe(false);
    expect(isQuietHour(new Date('2026-03-09T15:00:00Z'), LA)).toBe(false);
    const noon = new Date('2026-03-09T19:00:00Z');
    expect(sendableFrom(noon, LA)).toBe(noon);
    // The last night of a month and of a year roll over to the next day's morning.
    expect(sendableFrom(new Date('2026-12-31T22:30:00Z'), 'Europe/Amsterdam').toISOString()).toBe(
      '2027-01-01T07:00:00.000Z',
    );
  });

  it('knows IANA zone names and refuses abbreviations and inventions', () => {
    expect(isIanaTimeZone('America/Los_Angeles')).toBe(true);
    expect(isIanaTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('PST')).toBe(false);
    expect(isIanaTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isIanaTimeZone(42)).toBe(false);
  });
});

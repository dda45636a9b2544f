import { reminderJobId, reminderTimes } from './reminders';

describe('reminders (product.md, Dialogue)', () => {
  const startsAt = new Date('2026-03-10T10:00:00Z');

  it('plans only reminders still ahead, earliest first, one per offset', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    expect(reminderTimes(startsAt, [60, 1440, 60, 2880], now)).toEqual([
      { offsetMinutes: 60, at: new Date('2026-03-10T09:00:00Z') },
    ]);
    expect(reminderTimes(startsAt, [60, 1440], new Date('2026-03-01T00:00:00Z')).map((r) => r.offsetMinutes)).toEqual([
      1440, 60,
    ]);
  });

  it('plans nothing for a session already started', () => {
    expect(reminderTimes(startsAt, [0, 60], startsAt)).toEqual([]);
  });

  it('names a reminder job the same way every time, without a colon', () => {
    const id = reminderJobId('s1', 'p1', 1440);
    expect(id).toBe(reminderJobId('s1', 'p1', 1440));
    expect(id).not.toContain(':');
    expect(id).not.toBe(reminderJobId('s1', 'p2', 1440));
    expect(id).not.toBe(reminderJobId('s1', 'p1', 60));
    expect(reminderJobId('s1', 'p1', 1440, startsAt)).not.toBe(
      reminderJobId('s1', 'p1', 1440, new Date('2026-03-11T10:00:00Z')),
    );
  });
});

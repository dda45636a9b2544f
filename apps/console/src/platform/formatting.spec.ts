import { formatDate, initials, languageName, relativeDeadline } from './formatting';

describe('formatting for people', () => {
  it('writes dates in words', () => {
    expect(formatDate('2026-12-06')).toBe('6 December 2026');
    expect(formatDate(null)).toBe('');
  });

  it('shows initials instead of names', () => {
    expect(initials('Alex Quinn Example')).toBe('A. Q. E.');
    expect(initials('')).toBe('—');
  });

  it('says how far away a deadline is', () => {
    const now = new Date('2026-12-06T15:00:00Z');
    expect(relativeDeadline('2026-12-06', now)).toBe('today');
    expect(relativeDeadline('2026-12-07', now)).toBe('tomorrow');
    expect(relativeDeadline('2026-12-09', now)).toBe('in 3 days');
    expect(relativeDeadline('2026-12-04', now)).toBe('2 days ago');
  });
});

describe('languages', () => {
  it('are named in words', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('en')).toBe('English');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

import { isBackgroundPoll } from './session';
import { safeReturnPath, sessionExpiry } from './session-timeouts';

const limits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

describe('session timeouts', () => {
  it('keeps a session seen within the idle limit', () => {
    expect(sessionExpiry({ signedInAt: 0, lastSeenAt: 1_000 }, 1_000 + limits.idleMs - 1, limits)).toBeNull();
  });

  it('ends a session idle for the whole limit', () => {
    expect(sessionExpiry({ signedInAt: 0, lastSeenAt: 1_000 }, 1_000 + limits.idleMs, limits)).toBe('idle');
  });

  it('ends an active session at the absolute limit', () => {
    expect(sessionExpiry({ signedInAt: 0, lastSeenAt: limits.absoluteMs - 1 }, limits.absoluteMs, limits)).toBe(
      'absolute',
    );
  });

  it('has nothing to end before sign-in', () => {
    expect(sessionExpiry({}, 10 * limits.absoluteMs, limits)).toBeNull();
  });
});

describe('the return path after sign-in', () => {
  it.each([
    ['/referrals/abc', '/referrals/abc'],
    ['https://evil.example/x', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/auth/callback?code=x', '/'],
    [undefined, '/'],
  ])('%s → %s', (candidate, expected) => {
    expect(safeReturnPath(candidate)).toBe(expected);
  });
});

describe('activity', () => {
  it('does not count the queue dashboard polling its own API', () => {
    expect(isBackgroundPoll('/admin/queues/api/queues')).toBe(true);
    expect(isBackgroundPoll('/admin/queues')).toBe(false);
    expect(isBackgroundPoll('/referrals')).toBe(false);
  });
});

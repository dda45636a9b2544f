import { verificationView, type VerificationRecord } from './verification-progress';

const running: VerificationRecord = {
  id: '0193a000-0000-7000-8000-000000000001',
  status: 'running',
  fromSequence: 0,
  checked: 5000,
  total: 20000,
  firstBrokenSequence: null,
  error: null,
  startedAt: '2026-12-06T10:00:00.000Z',
  heartbeatAt: '2026-12-06T10:00:10.000Z',
  finishedAt: null,
};

describe('verificationView', () => {
  it('gives the rate so far and the time left at that rate', () => {
    const view = verificationView(running, new Date('2026-12-06T10:00:10.000Z'));
    expect(view).toMatchObject({
      status: 'running',
      checked: 5000,
      total: 20000,
      ratePerSecond: 500,
      secondsLeft: 30,
      finishedAt: null,
    });
  });

  it('has no time left once finished, and names the first broken sequence of a failed run', () => {
    const failed = {
      ...running,
      status: 'failed' as const,
      checked: 41,
      firstBrokenSequence: 42,
      finishedAt: '2026-12-06T10:00:01.000Z',
    };
    expect(verificationView(failed, new Date('2026-12-06T11:00:00Z'))).toMatchObject({
      status: 'failed',
      firstBrokenSequence: 42,
      secondsLeft: null,
      ratePerSecond: 41,
    });
  });

  it('reads a run whose heartbeat stopped as failed, not running forever', () => {
    const view = verificationView(running, new Date('2026-12-06T10:05:00.000Z'));
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/stopped before it finished/);
    expect(view.finishedAt).toBe(running.heartbeatAt);
  });
});

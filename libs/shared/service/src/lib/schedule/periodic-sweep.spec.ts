import { PeriodicSweep } from './periodic-sweep';

class CountingSweep extends PeriodicSweep {
  runs = 0;
  failNext = false;
  constructor() {
    super('counting sweep');
  }
  async sweepOnce(): Promise<number> {
    this.runs++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('boom');
    }
    return 1;
  }
}

describe('PeriodicSweep', () => {
  afterEach(() => jest.useRealTimers());

  it('runs at start, then on every tick, and a failed run does not stop the next', async () => {
    jest.useFakeTimers();
    const sweep = new CountingSweep();
    sweep.failNext = true;
    await sweep.start(1_000);
    expect(sweep.runs).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sweep.runs).toBe(2);
    sweep.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sweep.runs).toBe(2);
  });

  it('a failure at start-up is logged, not thrown', async () => {
    const sweep = new CountingSweep();
    sweep.failNext = true;
    const warn = jest.spyOn(sweep['logger'], 'warn').mockImplementation(() => undefined);
    await expect(sweep.start(60_000)).resolves.toBeUndefined();
    sweep.stop();
    expect(warn).toHaveBeenCalledWith('counting sweep failed, the next run retries: Error');
  });
});

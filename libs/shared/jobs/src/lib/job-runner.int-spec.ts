import { Queue } from 'bullmq';
import { defineJob, type JobBackoff } from './job-definition';
import { PermanentJobError, type JobContext } from './job-context';
import { handleJob, JobRegistry, type JobHandler, type JobHandlerBinding } from './job-registry';
import { JobRunner } from './job-runner';
import { deleteKeysWithPrefix, REDIS_URL, uniqueJobPrefix } from '../test/redis-prefix';

const options = (attempts: number, backoff: JobBackoff = { type: 'fixed', delay: 100 }) =>
  ({ attempts, backoff, removeOnComplete: true, removeOnFail: 100 }) as const;

const remind = defineJob<{ sessionId: string }>({
  name: 'session.remind',
  queue: 'test-a',
  options: options(1),
  jobId: (p) => p.sessionId,
});
const flaky = defineJob<{ id: string }>({
  name: 'flaky',
  queue: 'test-a',
  options: options(3, { type: 'exponential', delay: 200 }),
});
const slow = defineJob<{ id: string }>({ name: 'slow', queue: 'test-b', options: options(1) });
const sweep = defineJob<{ scope: string }>({ name: 'sweep', queue: 'test-b', options: options(1) });
const ALL = [remind, flaky, slow, sweep];

function recorder() {
  const calls: { name: string; at: number; payload: unknown; context: JobContext }[] = [];
  const track =
    (name: string, then: JobHandler = async () => undefined): JobHandler =>
    async (payload, context) => {
      calls.push({ name, at: Date.now(), payload, context });
      await then(payload, context);
    };
  return { calls, track, of: (name: string) => calls.filter((c) => c.name === name) };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('JobRunner against Redis', () => {
  const prefix = uniqueJobPrefix('jobs');
  const logs: string[] = [];
  const logger = {
    log: (m: string) => logs.push(m),
    warn: (m: string) => logs.push(m),
    error: (m: string) => logs.push(m),
  };
  let runner: JobRunner;
  let rec: ReturnType<typeof recorder>;
  let slowGate: { started: boolean; finished: boolean; release: () => void; released: Promise<void> };

  function bindings(): JobHandlerBinding[] {
    return [
      handleJob(remind, rec.track('remind')),
      handleJob(
        flaky,
        rec.track('flaky', async () => {
          throw new Error('smtp down');
        }),
      ),
      handleJob(
        slow,
        rec.track('slow', async () => {
          slowGate.started = true;
          await slowGate.released; // the job's work lasts until the test lets it end
          slowGate.finished = true;
        }),
      ),
      handleJob(sweep, rec.track('sweep')),
    ];
  }

  beforeEach(async () => {
    rec = recorder();
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    slowGate = { started: false, finished: false, release, released };
    logs.length = 0;
    runner = new JobRunner({ registry: new JobRegistry(ALL, bindings()), redisUrl: REDIS_URL, prefix, logger });
    await runner.start();
  });

  afterEach(async () => {
    await runner.close();
  });

  afterAll(async () => {
    await deleteKeysWithPrefix(prefix);
  });

  it('runs a delayed job only after its delay', async () => {
    const added = Date.now();
    await runner.enqueue(remind, { sessionId: 's-1' }, { delay: 1200 });
    // Waiting for it to be due; the time of its run, asserted below, is what proves the delay.
    expect(await runner.jobState(remind, { sessionId: 's-1' })).toBe('delayed');
    expect(rec.of('remind')).toHaveLength(0);
    await until(() => rec.of('remind').length === 1);
    expect(rec.of('remind')[0].at - added).toBeGreaterThanOrEqual(1150);
    expect(rec.of('remind')[0].payload).toEqual({ sessionId: 's-1' });
  });

  it('runs a job scheduled at a date when that date comes', async () => {
    const at = new Date(Date.now() + 700);
    await runner.enqueue(remind, { sessionId: 's-at' }, { at });
    await until(() => rec.of('remind').length === 1);
    expect(rec.of('remind')[0].at).toBeGreaterThanOrEqual(at.getTime() - 50);
  });

  it('runs a job once however often the same id is added', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => runner.enqueue(remind, { sessionId: 's:dup' }, { delay: 300 })));
    expect(new Set(ids)).toEqual(new Set(['session.remind-s_dup']));
    await until(() => rec.of('remind').length === 1);
    // A job on the same queue due after the copies would have been: once it ran, so had they.
    await runner.enqueue(remind, { sessionId: 's:after-dup' }, { delay: 300 });
    await until(() => rec.of('remind').some((c) => (c.payload as { sessionId: string }).sessionId === 's:after-dup'));
    expect(rec.of('remind').filter((c) => (c.payload as { sessionId: string }).sessionId === 's:dup')).toHaveLength(1);
  });

  it('never runs a delayed job that was removed', async () => {
    // Two seconds, so that on a busy machine the job is still waiting when it is removed (with
    // 400 ms it once came due first, and a running job is not removed).
    await runner.enqueue(remind, { sessionId: 's-cancelled' }, { delay: 2000 });
    expect(await runner.jobState(remind, { sessionId: 's-cancelled' })).toBe('delayed');
    expect(await runner.remove(remind, { sessionId: 's-cancelled' })).toBe(true);
    // A job on the same queue due after the removed one would have been: once it ran, the moment has passed.
    await runner.enqueue(remind, { sessionId: 's-witness' }, { delay: 2100 });
    await until(() => rec.of('remind').length === 1);
    expect(
      rec.of('remind').filter((c) => (c.payload as { sessionId: string }).sessionId === 's-cancelled'),
    ).toHaveLength(0);
    expect(await runner.jobState(remind, { sessionId: 's-cancelled' })).toBe('missing');
  });

  it('retries a failing handler with backoff up to its attempts, and logs names and ids only', async () => {
    await runner.enqueue(flaky, { id: 'f-1' });
    await until(async () => (await runner.jobState(flaky, { id: 'f-1' })) === 'failed');
    const tries = rec.of('flaky');
    expect(tries.map((t) => t.context.attempt)).toEqual([1, 2, 3]);
    expect(tries.map((t) => t.context.isLastAttempt)).toEqual([false, false, true]);
    // exponential backoff of 200 ms: about 200 then 400 between tries
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(180);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(380);
    expect(logs).toContain('job flaky flaky-f-1 failed on attempt 3/3 (final): Error: smtp down');
  });

  it('fails at once, without retries, on a permanent error', async () => {
    const permanent = defineJob<{ id: string }>({ name: 'permanent', queue: 'test-a', options: options(5) });
    await runner.close();
    runner = new JobRunner({
      registry: new JobRegistry(
        [permanent],
        [
          handleJob(
            permanent,
            rec.track('permanent', async () => {
              throw new PermanentJobError('refused');
            }),
          ),
        ],
      ),
      redisUrl: REDIS_URL,
      prefix,
      logger,
    });
    await runner.start();
    await runner.enqueue(permanent, { id: 'p-1' });
    // 'failed' is final in BullMQ: no retry can follow it.
    await until(async () => (await runner.jobState(permanent, { id: 'p-1' })) === 'failed');
    expect(rec.of('permanent')).toHaveLength(1);
  });

  it('lets an in-flight job finish when closed', async () => {
    await runner.enqueue(slow, { id: 'slow-1' });
    await until(() => slowGate.started);
    expect(slowGate.finished).toBe(false);
    // Closing begins while the job still works; the job ends only afterwards, and close waits for it.
    const closing = runner.close();
    slowGate.release();
    await closing;
    expect(slowGate.finished).toBe(true);
  });

  it('registers a repeatable job once however often it is registered at start', async () => {
    await runner.registerRepeatable(sweep, { scope: 'all' }, { everyMs: 300 });
    await runner.close();
    runner = new JobRunner({ registry: new JobRegistry(ALL, bindings()), redisUrl: REDIS_URL, prefix, logger });
    await runner.start();
    await runner.registerRepeatable(sweep, { scope: 'all' }, { everyMs: 300 });
    await until(() => rec.of('sweep').length >= 2, 5000);
    const queue = new Queue('test-b', { connection: { url: REDIS_URL }, prefix });
    try {
      expect(await queue.getJobSchedulersCount()).toBe(1);
      await queue.removeJobScheduler('sweep-all');
    } finally {
      await queue.close();
    }
  });
});

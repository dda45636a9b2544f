import { defineJob } from './job-definition';
import { jobIdOf, sanitiseJobId } from './job-id';

const options = {
  attempts: 1,
  backoff: { type: 'fixed', delay: 10 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;

describe('job ids', () => {
  it('never contain a colon, which BullMQ reserves', () => {
    expect(sanitiseJobId('a:b:c')).toBe('a_b_c');
    const job = defineJob<{ key: string }>({ name: 'x.y', queue: 'q', options, jobId: (p) => `k:${p.key}` });
    expect(jobIdOf(job, { key: '1:2' })).toBe('x.y-k_1_2');
  });

  it('are the same for the same payload whatever the key order, so re-adding is idempotent', () => {
    const job = defineJob<{ a: string; b: number }>({ name: 'j', queue: 'q', options });
    expect(jobIdOf(job, { a: 'x', b: 2 })).toBe(jobIdOf(job, { b: 2, a: 'x' }));
    expect(jobIdOf(job, { a: 'x', b: 2 })).not.toBe(jobIdOf(job, { a: 'x', b: 3 }));
  });

  it('are never plain integers, which BullMQ refuses', () => {
    const job = defineJob<{ n: number }>({ name: 'n', queue: 'q', options, jobId: (p) => String(p.n) });
    expect(jobIdOf(job, { n: 42 })).toBe('n-42');
  });
});

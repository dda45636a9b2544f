import { defineJob } from './job-definition';
import { handleJob, JobRegistry, JobRegistryError } from './job-registry';

const options = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: 100,
} as const;
const offerExpiry = defineJob<{ offerId: string }>({ name: 'offer.expire', queue: 'matching', options });
const reminder = defineJob<{ sessionId: string }>({ name: 'session.remind', queue: 'scheduling', options });
const noop = async () => undefined;

describe('JobRegistry', () => {
  it('accepts one handler per declared job and lists each queue once', () => {
    const sweep = defineJob({ name: 'offer.sweep', queue: 'matching', options });
    const registry = new JobRegistry(
      [offerExpiry, reminder, sweep],
      [handleJob(offerExpiry, noop), handleJob(reminder, noop), handleJob(sweep, noop)],
    );
    expect(registry.queueNames.sort()).toEqual(['matching', 'scheduling']);
    expect(registry.handler('offer.expire')).toBeDefined();
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => new JobRegistry([offerExpiry, reminder], [handleJob(offerExpiry, noop)])).toThrow(
      new JobRegistryError('job registry: job session.remind has no handler'),
    );
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() => new JobRegistry([offerExpiry], [handleJob(offerExpiry, noop), handleJob(offerExpiry, noop)])).toThrow(
      /job offer.expire has two handlers/,
    );
  });

  it('refuses a handler for a job that is not declared', () => {
    expect(() => new JobRegistry([offerExpiry], [handleJob(offerExpiry, noop), handleJob(reminder, noop)])).toThrow(
      /unknown job session.remind/,
    );
  });

  it('refuses a job declared twice under one name', () => {
    const again = defineJob({ name: 'offer.expire', queue: 'other', options });
    expect(() => new JobRegistry([offerExpiry, again], [handleJob(offerExpiry, noop)])).toThrow(/declared twice/);
  });

  it('refuses to run a definition that is not the registered one', () => {
    const registry = new JobRegistry([offerExpiry], [handleJob(offerExpiry, noop)]);
    const lookalike = defineJob<{ offerId: string }>({ name: 'offer.expire', queue: 'matching', options });
    expect(() => registry.assertRegistered(lookalike)).toThrow(JobRegistryError);
  });
});

describe('defineJob', () => {
  it('refuses zero attempts', () => {
    expect(() => defineJob({ name: 'x', queue: 'q', options: { ...options, attempts: 0 } })).toThrow(/attempts/);
  });
});

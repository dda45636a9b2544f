import { defineJob } from '@rj/shared/jobs';

/**
 * The deadline and follow-up scan: one repeatable job, re-registered at every start. It
 * carries nothing: Postgres holds every due date, so a lost run is simply the next run.
 */
export const outcomeScanJob = defineJob<Record<string, never>>({
  name: 'outcome.scan',
  queue: 'outcome-scan',
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { age: 24 * 3600 },
  },
  jobId: () => 'repeat',
});

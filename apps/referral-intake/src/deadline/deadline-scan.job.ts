import { defineJob } from '@rj/shared/jobs';

export type DeadlineScanPayload = { scan: 'report-back' };
export const DEADLINE_SCAN_PAYLOAD: DeadlineScanPayload = { scan: 'report-back' };

/**
 * The report-back deadline scan, a repeatable job registered at every start (a Redis loss
 * loses nothing: Postgres holds every deadline and what was flagged). A failed scan retries;
 * the next scheduled one would catch up anyway.
 */
export const deadlineScanJob = defineJob<DeadlineScanPayload>({
  name: 'referral.deadline-scan',
  queue: 'referral-deadlines',
  options: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 30_000 },
    removeOnComplete: 100,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: (payload) => payload.scan,
});

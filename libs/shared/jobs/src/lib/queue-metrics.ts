import { Gauge } from 'prom-client';
import type { Queue } from 'bullmq';
import { serviceMetrics } from '@rj/shared/service';

/** The states an operator watches: work waiting, work running, work deferred, work given up on. */
export const WATCHED_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

const watched = new Set<ReadonlyMap<string, Queue>>();
let gauge: Gauge<'queue' | 'state'> | undefined;

/**
 * Jobs per queue and state, read from Redis on scrape (one getJobCounts per queue). Failed
 * jobs are those BullMQ gave up on after their attempts: each is work the platform owes
 * someone (an e-mail, a reminder) and will be re-created by its sweep only once fixed.
 */
export function watchQueues(queues: ReadonlyMap<string, Queue>): () => void {
  gauge ??= new Gauge({
    name: 'rj_job_queue_jobs',
    help: 'BullMQ jobs per queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [serviceMetrics().registry],
    async collect() {
      this.reset();
      for (const byName of watched) {
        for (const [name, queue] of byName) {
          try {
            const counts = await queue.getJobCounts(...WATCHED_JOB_STATES);
            for (const state of WATCHED_JOB_STATES) this.inc({ queue: name, state }, counts[state] ?? 0);
          } catch {
            // Redis unreachable: leave the queue out rather than fail the scrape.
          }
        }
      }
    },
  });
  watched.add(queues);
  return () => watched.delete(queues);
}

import { Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import {
  contextFrom,
  describeError,
  inSpan,
  redisCheck,
  SpanKind,
  traceCarrier,
  type ReadinessCheck,
  type TraceCarrier,
} from '@rj/shared/service';
import type { JobDefinition, JobPayload } from './job-definition';
import { PermanentJobError } from './job-context';
import { jobIdOf } from './job-id';
import type { JobLogger } from './job-logger';
import type { JobRegistry } from './job-registry';
import { watchQueues } from './queue-metrics';

export interface JobRunnerOptions {
  readonly registry: JobRegistry;
  readonly redisUrl: string;
  /**
   * BullMQ key prefix, one per service (e.g. `rj:partner-matching`): services share a Redis
   * and the same queue names (every service has `notifications`), so without their own
   * prefix one service's workers would take another's jobs and look for their rows in the
   * wrong database. Required for that reason; tests pass a unique one.
   */
  readonly prefix: string;
  /** Per queue, or one number for all; default 1. */
  readonly concurrency?: number | Readonly<Record<string, number>>;
  /** False for a producer-only process (an API pod that enqueues but does not run jobs). */
  readonly runWorkers?: boolean;
  readonly logger?: JobLogger;
  readonly now?: () => number;
}

export interface EnqueueOptions {
  readonly delay?: number;
  readonly at?: Date;
}

export type JobStateName = Awaited<ReturnType<Job['getState']>> | 'missing';

/**
 * Runs the registry's jobs on BullMQ: one Queue and one Worker per queue name. Producers and
 * workers use separate ioredis connections: workers need `maxRetriesPerRequest: null` (BullMQ
 * refuses otherwise), producers keep the default so an enqueue fails fast when Redis is down
 * instead of hanging a request (stack.md).
 */
export class JobRunner {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private producerConnection?: Redis;
  private workerConnection?: Redis;
  private readonly logger: JobLogger;
  private readonly now: () => number;
  private closing?: Promise<void>;
  private unwatchQueues?: () => void;

  constructor(private readonly options: JobRunnerOptions) {
    this.logger = options.logger ?? new Logger('Jobs');
    this.now = options.now ?? Date.now;
  }

  get prefix(): string {
    return this.options.prefix;
  }

  async start(): Promise<void> {
    if (this.producerConnection) return;
    const { registry, redisUrl } = this.options;
    this.producerConnection = new Redis(redisUrl, { connectionName: 'rj-jobs-producer' });
    for (const name of registry.queueNames) {
      const queue = new Queue(name, { connection: this.producerConnection, prefix: this.prefix });
      queue.on('error', (error) => this.logger.error(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    await Promise.all([...this.queues.values()].map((queue) => queue.waitUntilReady()));
    this.unwatchQueues = watchQueues(this.queues);
    if (this.options.runWorkers === false) return;
    this.workerConnection = new Redis(redisUrl, { connectionName: 'rj-jobs-worker', maxRetriesPerRequest: null });
    for (const name of registry.queueNames) {
      const worker = new Worker(name, (job) => this.process(job), {
        connection: this.workerConnection,
        prefix: this.prefix,
        concurrency: this.concurrencyOf(name),
      });
      worker.on('failed', (job, error) => this.logFailure(job, error));
      worker.on('error', (error) => this.logger.error(`worker ${name}: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** Adds the job under its deterministic id; re-adding an id that still exists is a no-op. */
  async enqueue<P extends JobPayload>(
    job: JobDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const jobId = jobIdOf(job, payload);
    const delay = options.at ? Math.max(0, options.at.getTime() - this.now()) : Math.max(0, options.delay ?? 0);
    await this.queueOf(job).add(job.name, payload, { ...this.bullOptions(job), jobId, delay, ...traceOption() });
    return jobId;
  }

  /** Removes the waiting or delayed job (a cancelled reminder, an offer answered in time). */
  async remove<P extends JobPayload>(job: JobDefinition<P>, payload: P): Promise<boolean> {
    return (await this.queueOf(job).remove(jobIdOf(job, payload))) === 1;
  }

  /**
   * Registers (or updates) a job that runs every `everyMs`. Call it at every start: the
   * scheduler id is deterministic, so this never doubles, and a Redis loss is repaired.
   */
  async registerRepeatable<P extends JobPayload>(
    job: JobDefinition<P>,
    payload: P,
    options: { everyMs: number },
  ): Promise<void> {
    await this.queueOf(job).upsertJobScheduler(
      jobIdOf(job, payload),
      { every: options.everyMs },
      { name: job.name, data: payload, opts: this.bullOptions(job) },
    );
  }

  async jobState<P extends JobPayload>(job: JobDefinition<P>, payload: P): Promise<JobStateName> {
    const found = await this.queueOf(job).getJob(jobIdOf(job, payload));
    return found ? found.getState() : 'missing';
  }

  /**
   * Redis answers PING on the producers' connection, the one every enqueue uses: a service
   * whose jobs cannot be added is not ready (its /health/ready says `redis: down`).
   */
  readinessCheck(): ReadinessCheck {
    return redisCheck({
      ping: async () => {
        if (this.closing) throw new Error('job runner is closed');
        if (!this.producerConnection) throw new Error('job runner not started');
        return this.producerConnection.ping();
      },
    });
  }

  /** Workers first (each lets its in-flight jobs finish), then queues, then the connections. */
  close(): Promise<void> {
    this.closing ??= this.closeInOrder();
    return this.closing;
  }

  private async closeInOrder(): Promise<void> {
    this.unwatchQueues?.();
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await Promise.all(
      [this.workerConnection, this.producerConnection].map((connection) =>
        connection?.quit().catch(() => connection.disconnect()),
      ),
    );
  }

  private async process(job: Job): Promise<void> {
    const handler = this.options.registry.handler(job.name);
    const definition = this.options.registry.definition(job.name);
    if (!handler || !definition) throw new UnrecoverableError(`no handler for job ${job.name}`);
    const attempts = job.opts.attempts ?? definition.options.attempts;
    const attempt = job.attemptsMade + 1;
    // A span per run, continuing the trace of whatever enqueued the job (a request, an event).
    const span = {
      kind: SpanKind.CONSUMER,
      parent: contextFrom(traceOf(job)),
      attributes: { 'rj.job.name': job.name, 'rj.job.id': job.id ?? '', 'rj.job.attempt': attempt },
    };
    await inSpan(`job ${job.name}`, span, async () => {
      try {
        await handler(job.data as JobPayload, {
          jobId: job.id ?? '',
          attempt,
          attempts,
          isLastAttempt: attempt >= attempts,
        });
      } catch (error) {
        if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
        throw error;
      }
    });
  }

  // Names and ids only: payloads hold ids, and the error is described by type, code and a
  // message without the input a database quotes (describeError), so the log needs nothing else.
  private logFailure(job: Job | undefined, error: Error): void {
    if (!job) return this.logger.error(`a stalled job failed: ${error.name}`);
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError;
    const message = `job ${job.name} ${job.id} failed on attempt ${job.attemptsMade}/${attempts}${final ? ' (final)' : ''}: ${describeError(error)}`;
    if (final) this.logger.error(message);
    else this.logger.warn(message);
  }

  private queueOf(job: JobDefinition<never>): Queue {
    this.options.registry.assertRegistered(job as JobDefinition);
    if (this.closing) throw new Error('job runner is closed');
    const queue = this.queues.get(job.queue);
    if (!queue) throw new Error(`job runner not started (queue ${job.queue})`);
    return queue;
  }

  private bullOptions(job: JobDefinition<never>): JobsOptions {
    const { attempts, backoff, removeOnComplete, removeOnFail } = job.options;
    return { attempts, backoff: { ...backoff }, removeOnComplete, removeOnFail };
  }

  private concurrencyOf(queue: string): number {
    const { concurrency } = this.options;
    if (typeof concurrency === 'number') return concurrency;
    return concurrency?.[queue] ?? 1;
  }
}

/**
 * The enqueuer's trace position, kept with the job in BullMQ's own telemetry metadata (stored
 * beside the job, not in its payload, so the deterministic job id is unchanged). None when
 * tracing is off.
 */
function traceOption(): Pick<JobsOptions, 'telemetry'> {
  const carrier = traceCarrier();
  return carrier.traceparent ? { telemetry: { metadata: JSON.stringify(carrier) } } : {};
}

function traceOf(job: Job): TraceCarrier | undefined {
  const metadata = job.opts.telemetry?.metadata;
  if (!metadata) return undefined;
  try {
    return JSON.parse(metadata) as TraceCarrier;
  } catch {
    return undefined;
  }
}

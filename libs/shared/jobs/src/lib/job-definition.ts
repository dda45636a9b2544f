/**
 * Job payloads carry ids and small scalars only (conventions.md, after Novu): the state a job
 * stands for lives in Postgres, so a payload never holds a document or personal data.
 */
export type JobPayload = Readonly<Record<string, string | number | boolean>>;

export type JobBackoff = { readonly type: 'fixed' | 'exponential'; readonly delay: number };

/** Retention as BullMQ reads it: true removes at once, a number keeps that many, age in seconds. */
export type JobRetention =
  boolean | number | { readonly count: number } | { readonly age: number; readonly count?: number };

export interface JobOptions {
  readonly attempts: number;
  readonly backoff: JobBackoff;
  readonly removeOnComplete: JobRetention;
  readonly removeOnFail: JobRetention;
}

export interface JobDefinition<P extends JobPayload = JobPayload> {
  readonly name: string;
  readonly queue: string;
  readonly options: JobOptions;
  /**
   * The deterministic part of the job id. Re-adding a job with the same id is a no-op, which
   * is what lets a sweep re-create missing jobs without doubling them (architecture.md, Jobs).
   * Defaults to the payload's values in key order. (Method syntax keeps definitions of
   * different payloads assignable to one list.)
   */
  jobId?(payload: P): string;
}

/** Declares a job once; producers and the registry import the same definition. */
export function defineJob<P extends JobPayload>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!definition.name || !definition.queue) throw new Error('a job needs a name and a queue');
  if (!Number.isInteger(definition.options.attempts) || definition.options.attempts < 1) {
    throw new Error(`job ${definition.name}: attempts must be a positive integer`);
  }
  return Object.freeze({ ...definition, options: Object.freeze({ ...definition.options }) });
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

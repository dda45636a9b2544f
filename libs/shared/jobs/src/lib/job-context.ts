/** What a handler learns about the run it is in; ids only, like the payload. */
export interface JobContext {
  readonly jobId: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly attempts: number;
  /** A handler that records a final failure in Postgres does so when this is true. */
  readonly isLastAttempt: boolean;
}

/**
 * Thrown by a handler when retrying cannot help (a permanent refusal): the job fails at once
 * instead of using up its attempts.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

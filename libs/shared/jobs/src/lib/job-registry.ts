import type { JobDefinition, JobPayload } from './job-definition';
import type { JobContext } from './job-context';

export type JobHandler<P extends JobPayload = JobPayload> = (payload: P, context: JobContext) => Promise<void>;

export interface JobHandlerBinding<P extends JobPayload = JobPayload> {
  readonly job: JobDefinition<P>;
  // Method syntax: bindings of different payloads fit in one list.
  handle(payload: P, context: JobContext): Promise<void>;
}

/** Binds a handler to a job definition, keeping the payload type. */
export function handleJob<P extends JobPayload>(job: JobDefinition<P>, handle: JobHandler<P>): JobHandlerBinding<P> {
  return { job, handle };
}

export class JobRegistryError extends Error {
  override readonly name = 'JobRegistryError';
}

/**
 * The one table of jobs: each with its queue, options and exactly one handler. Construction
 * fails on a job without a handler, a job with two, or a handler for an unknown job, so a
 * wiring mistake stops start-up instead of leaving jobs to pile up (Immich's job registry).
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly handlers = new Map<string, JobHandler>();

  constructor(definitions: readonly JobDefinition[], bindings: readonly JobHandlerBinding[]) {
    const problems: string[] = [];
    for (const definition of definitions) {
      if (this.jobs.has(definition.name)) problems.push(`job ${definition.name} is declared twice`);
      this.jobs.set(definition.name, definition);
    }
    for (const binding of bindings) {
      const name = binding.job.name;
      if (!this.jobs.has(name)) problems.push(`a handler names unknown job ${name}`);
      else if (this.handlers.has(name)) problems.push(`job ${name} has two handlers`);
      else this.handlers.set(name, (payload, context) => binding.handle(payload, context));
    }
    for (const name of this.jobs.keys()) {
      if (!this.handlers.has(name)) problems.push(`job ${name} has no handler`);
    }
    if (problems.length > 0) throw new JobRegistryError(`job registry: ${problems.join('; ')}`);
  }

  get queueNames(): string[] {
    return [...new Set([...this.jobs.values()].map((job) => job.queue))];
  }

  definition(name: string): JobDefinition | undefined {
    return this.jobs.get(name);
  }

  handler(name: string): JobHandler | undefined {
    return this.handlers.get(name);
  }

  /** Refuses a definition that is not the registered one, so producers cannot drift. */
  assertRegistered(job: JobDefinition): void {
    if (this.jobs.get(job.name) !== job) throw new JobRegistryError(`job ${job.name} is not in the registry`);
  }
}

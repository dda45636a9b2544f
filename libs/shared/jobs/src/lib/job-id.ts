import type { JobDefinition, JobPayload } from './job-definition';

/**
 * BullMQ rejects custom ids containing ':' (its key separator) and ids that are plain
 * integers, so every id is the job name plus a sanitised key.
 */
export function sanitiseJobId(raw: string): string {
  return raw.replace(/:/g, '_');
}

export function jobIdOf<P extends JobPayload>(definition: JobDefinition<P>, payload: P): string {
  const key = definition.jobId
    ? definition.jobId(payload)
    : Object.keys(payload)
        .sort()
        .map((field) => String(payload[field]))
        .join('.');
  return sanitiseJobId(`${definition.name}-${key}`);
}

export {
  defineJob,
  type JobBackoff,
  type JobDefinition,
  type JobOptions,
  type JobPayload,
  type JobRetention,
  type PayloadOf,
} from './lib/job-definition';
export { PermanentJobError, type JobContext } from './lib/job-context';
export { jobIdOf, sanitiseJobId } from './lib/job-id';
export { type JobLogger } from './lib/job-logger';
export { JobRegistry, JobRegistryError, handleJob, type JobHandler, type JobHandlerBinding } from './lib/job-registry';
export { JobRunner, type EnqueueOptions, type JobRunnerOptions, type JobStateName } from './lib/job-runner';
export { JobsModule, type JobsModuleAsyncOptions } from './lib/jobs.module';
export { WATCHED_JOB_STATES, watchQueues } from './lib/queue-metrics';

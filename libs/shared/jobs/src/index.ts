export * from './lib/job-definition';
export * from './lib/job-context';
export * from './lib/job-id';
export * from './lib/job-logger';
export * from './lib/job-registry';
export * from './lib/job-runner';
export * from './lib/jobs.module';

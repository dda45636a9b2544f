export * from './lib/test-smtp-server';
export * from './lib/scratch-database';
export * from './lib/test-topics';
export * from './lib/topic-reader';
export * from './lib/child-process';
export * from './lib/test-service';
export * from './lib/env-example';
export * from './lib/redis-keys';

export * from './lib/scheduling-database';

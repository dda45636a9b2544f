export * from './lib/matching-database';

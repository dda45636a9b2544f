export * from './lib/outcome-database';

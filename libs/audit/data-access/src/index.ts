export * from './lib/audit-database';

export * from './lib/data-source.factory';
export * from './lib/transaction';
export * from './lib/database-admin';
export * from './lib/database.module';

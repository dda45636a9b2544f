export * from './lib/referral-database';

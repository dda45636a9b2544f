export * from './lib/test-smtp-server';

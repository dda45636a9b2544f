export * from './idempotency-rules';
export * from './idempotency-store';
export * from './idempotency.interceptor';

import { Counter } from 'prom-client';

/**
 * Key-store fetches (by outcome) and cache hits. Created unregistered because this lib sits
 * below @rj/shared/service: the service's registry adopts them (serviceMetrics). A hit ratio
 * that collapses means keys are fetched per decryption, which the key store logs as a
 * personal-data read each time.
 */
export const keyStoreFetches = new Counter({
  name: 'rj_key_store_fetches_total',
  help: 'Data keys fetched from the key store, by outcome (found, erased, unavailable)',
  labelNames: ['outcome'] as const,
  registers: [],
});

export const keyStoreCacheHits = new Counter({
  name: 'rj_key_store_cache_hits_total',
  help: 'Data keys (or erasure marks) served from the in-memory cache without a fetch',
  registers: [],
});

export const keyStoreMetrics = [keyStoreFetches, keyStoreCacheHits];

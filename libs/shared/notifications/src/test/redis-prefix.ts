/** The shared Redis helpers under the names this lib's tests use. */
export {
  deleteRedisKeysWithPrefix as deleteKeysWithPrefix,
  TEST_REDIS_URL as REDIS_URL,
  uniqueRedisPrefix as uniqueJobPrefix,
} from '@rj/shared/testing';

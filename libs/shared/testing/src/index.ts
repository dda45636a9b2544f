export { parseMessage, startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from './lib/test-smtp-server';
export { createScratchDatabase, postgresAdminUrl, type ScratchDatabase } from './lib/scratch-database';
export { recordStatements, withinTransactions } from './lib/statement-recorder';
export { createTestTopics, testBrokers, testKafka, type TestTopics } from './lib/test-topics';
export { eventually, readTopics, type ReadMessage } from './lib/topic-reader';
export { spawnBuilt, spawnTs, type SpawnedProcess } from './lib/child-process';
export { freePort } from './lib/free-port';
export {
  httpRequest,
  startTestService,
  type HttpResult,
  type TestService,
  type TestServiceOptions,
} from './lib/test-service';
export { envVariablesOf, missingFromEnvExample } from './lib/env-example';
export { TEST_REDIS_URL, deleteRedisKeysWithPrefix, uniqueRedisPrefix } from './lib/redis-keys';
export {
  RECEIVER_HOST,
  TestWebhookReceiver,
  makeTestCertificate,
  type ReceivedDelivery,
  type TestCertificate,
} from './lib/test-webhook-receiver';

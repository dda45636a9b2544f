/**
 * Creating the platform's Kafka topics, for the infrastructure tools (`npm start`, `npm test`)
 * and the tests' own topics. It stands apart from the messaging library because the testing
 * library uses it and messaging's own tests use the testing library.
 */
export { createTopicsWithLeaders, latestOffsets, type CreateTopicsOptions } from './lib/topic-admin';
export { stopIdleRequestQueueTimers, KAFKAJS_VERSION_FIXED } from './lib/request-queue-idle-timer';

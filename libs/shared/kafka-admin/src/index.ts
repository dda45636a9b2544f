/**
 * Administration of the platform's Kafka topics, shared by the infrastructure tools (`npm start`,
 * `npm test`) and the tests' own topics; apart from the messaging library, which the tests of
 * that library exercise with the testing library, so neither depends on the other.
 */
export { createTopicsWithLeaders, type CreateTopicsOptions } from './lib/topic-admin';

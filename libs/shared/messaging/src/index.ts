export { CreateMessagingTables1764100000000 } from './lib/migrations/1764100000000-create-messaging-tables';
export { defaultMessagingLogger, type MessagingLogger } from './lib/messaging-logger';
export { createKafka, type KafkaClientOptions } from './lib/kafka-client';
export { MissingPrerequisite, prerequisiteKey } from './lib/prerequisite';
export {
  InvalidOutgoingEvent,
  OUTBOX_CHANNEL,
  appendToOutbox,
  outboxInsert,
  type OutboxInsert,
} from './lib/outbox-writer';
export { OutboxRelay, type OutboxRelayOptions } from './lib/outbox-relay';
export { on, type HandlerContext, type Subscription } from './lib/subscription';
export { type RunBatch, type RunBatchKind } from './lib/run-batch';
export { applyEvents, providedBy, type ApplyInput, type ApplyOutcome, type ApplyResult } from './lib/apply-event';
export { sendToDeadLetter, type DeadLetter, type DeadLetterReason } from './lib/dead-letter';
export { EventConsumer, topicMismatch, type EventConsumerOptions } from './lib/event-consumer';
export { EventContext, type EventOf } from './lib/transport/event-context';
export { EventPattern } from './lib/transport/event-pattern';
export { provides, type EventPatternExtras } from './lib/transport/provides';
export { ExactlyOnceTransport, type ExactlyOnceTransportOptions } from './lib/transport/exactly-once.transport';
export { HandlerErrorsToConsumer } from './lib/transport/handler-errors.filter';
export {
  BroadcastListener,
  broadcast,
  forgetKeysOnErasure,
  replicaGroupId,
  type Broadcast,
  type BroadcastListenerOptions,
} from './lib/broadcast-listener';
export { BroadcastLifecycle, BroadcastModule, type BroadcastModuleOptions } from './lib/broadcast.module';
export { publishEvent, type PublishInput } from './lib/event-publisher';
export {
  KAFKA,
  MESSAGING_LOGGER,
  MessagingLifecycle,
  MessagingModule,
  type MessagingModuleOptions,
} from './lib/messaging.module';
export {
  lagOf,
  messagingMetrics,
  watchConsumerLag,
  watchMessagingTables,
  type LagSource,
  type MessagingMetrics,
} from './lib/metrics';

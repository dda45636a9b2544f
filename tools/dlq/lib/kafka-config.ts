import { logLevel, type KafkaConfig } from 'kafkajs';
import { kafkaSecurity } from '@rj/shared/service';

/**
 * The DLQ tool's Kafka client, configured from the environment exactly as the services'
 * clients are: KAFKA_BROKERS, and where the brokers ask for them (k8s: TLS and SCRAM-SHA-512
 * only) KAFKA_SSL_CA_FILE or KAFKA_SSL=true, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD —
 * the same kafkaSecurity() of @rj/shared/service, so the tool can never connect differently.
 * In k8s it is its own KafkaUser, rj-kafka-dlq (k8s/base/operations/dlq-kafka-user.yaml).
 */
export function dlqKafkaConfig(env: NodeJS.ProcessEnv = process.env): KafkaConfig {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return { clientId: env.KAFKA_CLIENT_ID ?? 'rj-dlq', brokers, logLevel: logLevel.ERROR, ...kafkaSecurity(env) };
}

import { readFileSync } from 'node:fs';
import type { SASLOptions } from 'kafkajs';

export interface KafkaSecurity {
  ssl?: boolean | { ca: string[] };
  sasl?: SASLOptions;
}

/**
 * How this process authenticates to Kafka. Locally the broker is plaintext and open: nothing
 * set, nothing used. In k8s the brokers listen with TLS and SCRAM-SHA-512 only, each service as
 * its own KafkaUser allowed to write only its own topic (k8s/base/kafka/users.yaml):
 * KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (from the user's Secret), KAFKA_SSL_CA_FILE (the
 * cluster CA, mounted) or KAFKA_SSL=true (the system's CAs). Read from the environment here
 * rather than through each service's config class, so every Kafka client of the process (the
 * backbone, the readiness probe) connects alike.
 */
export function kafkaSecurity(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (env.KAFKA_SSL_CA_FILE) security.ssl = { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] };
  else if (env.KAFKA_SSL === 'true') security.ssl = true;
  if (env.KAFKA_SASL_USERNAME || env.KAFKA_SASL_PASSWORD) {
    if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)
      throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together');
    security.sasl = {
      mechanism: 'scram-sha-512',
      username: env.KAFKA_SASL_USERNAME,
      password: env.KAFKA_SASL_PASSWORD,
    };
  }
  return security;
}

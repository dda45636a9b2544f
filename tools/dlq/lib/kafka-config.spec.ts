import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dlqKafkaConfig } from './kafka-config';

describe('dlq: the Kafka client speaks to the brokers as the services do', () => {
  it('plaintext and open locally: nothing set, nothing used', () => {
    const config = dlqKafkaConfig({});
    expect(config).toMatchObject({ clientId: 'rj-dlq', brokers: ['127.0.0.1:9092'] });
    expect(config.ssl).toBeUndefined();
    expect(config.sasl).toBeUndefined();
  });

  it('in k8s: TLS with the mounted cluster CA and SCRAM-SHA-512 as its own KafkaUser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlq-ca-'));
    writeFileSync(join(dir, 'ca.crt'), '-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n');
    const config = dlqKafkaConfig({
      KAFKA_BROKERS: 'rj-kafka-kafka-bootstrap:9093, other:9093',
      KAFKA_SSL_CA_FILE: join(dir, 'ca.crt'),
      KAFKA_SASL_USERNAME: 'rj-kafka-dlq',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(config.brokers).toEqual(['rj-kafka-kafka-bootstrap:9093', 'other:9093']);
    expect(config.ssl).toEqual({ ca: ['-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n'] });
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'rj-kafka-dlq', password: 's3cret' });
  });

  it('TLS with the system CAs when KAFKA_SSL=true; a user without a password is refused', () => {
    expect(dlqKafkaConfig({ KAFKA_SSL: 'true' }).ssl).toBe(true);
    expect(() => dlqKafkaConfig({ KAFKA_SASL_USERNAME: 'rj-kafka-dlq' })).toThrow(/go together/);
  });
});

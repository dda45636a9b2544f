import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaSecurity } from './kafka-security';

describe('item 6: Kafka client security from the environment', () => {
  it('is plaintext and anonymous when nothing is set (the local broker)', () => {
    expect(kafkaSecurity({})).toEqual({});
  });

  it('uses SCRAM-SHA-512 over TLS with the mounted cluster CA in k8s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-ca-'));
    writeFileSync(join(dir, 'ca.crt'), 'CA');
    expect(
      kafkaSecurity({
        KAFKA_SSL_CA_FILE: join(dir, 'ca.crt'),
        KAFKA_SASL_USERNAME: 'partner-matching',
        KAFKA_SASL_PASSWORD: 'p',
      }),
    ).toEqual({
      ssl: { ca: ['CA'] },
      sasl: { mechanism: 'scram-sha-512', username: 'partner-matching', password: 'p' },
    });
  });

  it('refuses a user without a password', () => {
    expect(() => kafkaSecurity({ KAFKA_SASL_USERNAME: 'x' })).toThrow(/go together/);
  });
});

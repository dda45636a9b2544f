import { DECRYPTING_SERVICES, SERVICE_NAMES } from '../e2e/platform';

// tools/run/start.js is plain CommonJS: `npm start` runs it with bare node.
const { serviceEnv, SERVICES } = require('../run/start') as {
  serviceEnv: (
    service: { name: string; decrypts?: boolean },
    context: { baseEnv: Record<string, string>; brokers: string[]; discovery: Record<string, string> },
  ) => Record<string, string>;
  SERVICES: { name: string; decrypts?: boolean }[];
};

const discovery = { issuer: 'http://127.0.0.1:3100', jwks_uri: 'http://127.0.0.1:3100/jwks' };
// What a developer's shell may hold: none of it may reach a service that does not decrypt.
const baseEnv = {
  AUTH_JWT_SECRET: 'dev-only-secret-change-me-0123456789',
  SERVICE_TOKEN: 'x'.repeat(30),
  PII_KEY_STORE_URL: 'http://127.0.0.1:4001',
  AUTH_CLIENT_SECRET: 'leaked',
};
const envOf = (name: string) =>
  serviceEnv(
    SERVICES.find((s) => s.name === name)!,
    { baseEnv, brokers: ['127.0.0.1:9092'], discovery },
  );

describe('npm start: services verify the identity provider’s RS256 tokens (the production path)', () => {
  it.each(SERVICE_NAMES)('gives %s the JWKS, issuer and audience, and no HS256 secret', (name) => {
    expect(envOf(name)).toMatchObject({
      AUTH_JWKS_URL: discovery.jwks_uri,
      AUTH_ISSUER: discovery.issuer,
      AUTH_AUDIENCE: 'rj-platform',
    });
    expect(envOf(name)).not.toHaveProperty('AUTH_JWT_SECRET');
    expect(envOf(name)).not.toHaveProperty('SERVICE_TOKEN');
  });
});

describe('hardening 2: only the services that decrypt learn the key store; only those that call another service get credentials', () => {
  it('under npm start, partner-matching gets no service credential and no key-store URL', () => {
    for (const variable of ['AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET', 'PII_KEY_STORE_URL', 'SERVICE_TOKEN'])
      expect(envOf('partner-matching')).not.toHaveProperty(variable);
  });

  it('under npm start, audit-ledger gets credentials to ask its checkpoint signer, and neither the key store nor the signing key', () => {
    const env = envOf('audit-ledger');
    expect(env).toMatchObject({
      AUTH_CLIENT_ID: 'audit-ledger',
      AUTH_CLIENT_SECRET: 'dev-service-secret',
      AUDIT_SIGNER_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    for (const variable of ['PII_KEY_STORE_URL', 'SERVICE_TOKEN', 'AUDIT_CHECKPOINT_PRIVATE_KEY'])
      expect(env).not.toHaveProperty(variable);
  });

  it.each(['mediation-scheduling', 'outcome-tracking'])(
    'under npm start, %s has its own client credentials and the key store',
    (name) => {
      expect(envOf(name)).toMatchObject({
        AUTH_CLIENT_ID: name,
        AUTH_CLIENT_SECRET: 'dev-service-secret',
        PII_KEY_STORE_URL: 'http://127.0.0.1:4001',
      });
    },
  );

  it('in the end-to-end platform, only the services that decrypt learn the key store', () => {
    expect([...DECRYPTING_SERVICES].sort()).toEqual(['mediation-scheduling', 'outcome-tracking']);
    expect(
      SERVICES.filter((s) => s.decrypts)
        .map((s) => s.name)
        .sort(),
    ).toEqual([...DECRYPTING_SERVICES].sort());
  });
});

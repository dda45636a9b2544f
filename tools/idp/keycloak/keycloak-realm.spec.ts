/**
 * The Keycloak realm the platform ships (production shape of sign-in), checked statically —
 * there is no container engine here: the console client, the service clients and the protocol
 * mappers that put single-valued `role`, `org` and `name` claims and the services' audience
 * into the tokens, and the docker-compose service that imports it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

const ROOT = path.resolve(__dirname, '../../..');
const realm = JSON.parse(readFileSync(path.join(__dirname, 'realm-rj.json'), 'utf8'));
const compose = yaml.load(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, any>;
};

interface Mapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}
const client = (clientId: string) => realm.clients.find((c: { clientId: string }) => c.clientId === clientId);
const mapperFor = (clientId: string, claim: string): Mapper | undefined =>
  (client(clientId).protocolMappers as Mapper[]).find(
    (m) => m.config['claim.name'] === claim || (claim === 'name' && m.protocolMapper === 'oidc-full-name-mapper'),
  );
const audienceOf = (clientId: string) =>
  (client(clientId).protocolMappers as Mapper[]).find((m) => m.protocolMapper === 'oidc-audience-mapper');

describe('Keycloak realm rj (tools/idp/keycloak/realm-rj.json)', () => {
  it('is the realm "rj", with RS256 tokens living 15 minutes and no self-registration', () => {
    expect(realm).toMatchObject({
      realm: 'rj',
      enabled: true,
      defaultSignatureAlgorithm: 'RS256',
      accessTokenLifespan: 900,
      registrationAllowed: false,
    });
  });

  it('has the console as a confidential client using the authorization code flow with PKCE S256 only', () => {
    expect(client('rj-console')).toMatchObject({
      publicClient: false,
      clientAuthenticatorType: 'client-secret',
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: expect.arrayContaining(['http://127.0.0.1:3000/auth/callback']),
      attributes: expect.objectContaining({
        'pkce.code.challenge.method': 'S256',
        'post.logout.redirect.uris': expect.stringContaining('http://127.0.0.1:3000/signed-out'),
      }),
    });
    // The secret comes from the environment, never a literal of the repository for production.
    expect(client('rj-console').secret).toMatch(/^\$\{RJ_CONSOLE_SECRET(:[^}]*)?\}$/);
  });

  it.each(['role', 'org'])(
    'maps the user attribute %s to a single-valued string claim in access and ID tokens',
    (claim) => {
      expect(mapperFor('rj-console', claim)).toMatchObject({
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: {
          'user.attribute': claim,
          'claim.name': claim,
          'jsonType.label': 'String',
          multivalued: 'false',
          'access.token.claim': 'true',
          'id.token.claim': 'true',
        },
      });
    },
  );

  it('puts the person’s name in both tokens and the services’ audience in the access token', () => {
    expect(mapperFor('rj-console', 'name')).toMatchObject({
      config: { 'access.token.claim': 'true', 'id.token.claim': 'true' },
    });
    expect(audienceOf('rj-console')).toMatchObject({
      config: { 'included.custom.audience': 'rj-platform', 'access.token.claim': 'true' },
    });
  });

  it('lets only an administrator set a person’s role and organisation, and never to "service"', () => {
    const [component] = realm.components['org.keycloak.userprofile.UserProfileProvider'];
    const profile = JSON.parse(component.config['kc.user.profile.config'][0]);
    const attribute = (name: string) => profile.attributes.find((a: { name: string }) => a.name === name);
    expect(attribute('role').permissions.edit).toEqual(['admin']);
    expect(attribute('org').permissions.edit).toEqual(['admin']);
    expect(attribute('role').validations.options.options.sort()).toEqual([
      'admin',
      'auditor',
      'mediator',
      'partner_admin',
      'prosecutor',
    ]);
  });

  it.each(['mediation-scheduling', 'outcome-tracking'])(
    'gives %s its own client-credentials client: role service, its client id, the audience',
    (name) => {
      expect(client(name)).toMatchObject({
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        implicitFlowEnabled: false,
        clientAuthenticatorType: 'client-secret',
      });
      expect(client(name).secret).toMatch(/^\$\{RJ_[A-Z_]+_SECRET(:[^}]*)?\}$/);
      expect(mapperFor(name, 'role')).toMatchObject({
        protocolMapper: 'oidc-hardcoded-claim-mapper',
        config: { 'claim.value': 'service', 'access.token.claim': 'true' },
      });
      // The key store allows services by client id (a service account's `sub` is an opaque id).
      expect(mapperFor(name, 'client_id')).toMatchObject({
        config: { 'user.session.note': 'client_id', 'access.token.claim': 'true' },
      });
      expect(audienceOf(name)).toMatchObject({
        config: { 'included.custom.audience': 'rj-platform', 'access.token.claim': 'true' },
      });
      expect(client(name).defaultClientScopes).toContain('basic');
    },
  );

  it('gives partner-matching and audit-ledger no credential at all: they never call another service', () => {
    expect(client('partner-matching')).toBeUndefined();
    expect(client('audit-ledger')).toBeUndefined();
  });
});

describe('docker-compose: the keycloak service', () => {
  it('runs Keycloak in development mode importing the realm file', () => {
    const keycloak = compose.services.keycloak;
    expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:\d+\.\d+/);
    expect(keycloak.command).toEqual(['start-dev', '--import-realm']);
    expect(keycloak.volumes).toContain('./tools/idp/keycloak/realm-rj.json:/opt/keycloak/data/import/realm-rj.json:ro');
    for (const variable of ['RJ_CONSOLE_SECRET', 'RJ_MEDIATION_SCHEDULING_SECRET', 'RJ_OUTCOME_TRACKING_SECRET'])
      expect(keycloak.environment[variable]).toMatch(new RegExp(`^\\$\\{${variable}:-`));
  });

  it('hardening 2: gives the key store address only to the services that decrypt, and binds the key store for them', () => {
    const env = (name: string) => compose.services[name].environment;
    expect(env('mediation-scheduling').PII_KEY_STORE_URL).toBe('http://referral-intake:4001');
    expect(env('outcome-tracking').PII_KEY_STORE_URL).toBe('http://referral-intake:4001');
    expect(env('partner-matching')).not.toHaveProperty('PII_KEY_STORE_URL');
    expect(env('audit-ledger')).not.toHaveProperty('PII_KEY_STORE_URL');
    expect(env('referral-intake').INTERNAL_HOST).toBe('0.0.0.0');
    for (const name of ['partner-matching', 'audit-ledger']) expect(env(name)).not.toHaveProperty('AUTH_CLIENT_SECRET');
  });
});

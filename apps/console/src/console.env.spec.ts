import { DEV_OIDC_CLIENT_SECRET, DEV_SESSION_SECRET, validateConsoleConfig } from './console.env';

describe("the console's configuration", () => {
  it('runs in development on its defaults', () => {
    expect(validateConsoleConfig({}).config).toMatchObject({
      PORT: 3000,
      OIDC_CLIENT_ID: 'rj-console',
      SESSION_IDLE_MINUTES: 30,
    });
  });

  it('refuses development secrets and plain http in production, and needs none of the services’ token settings', () => {
    const errors = validateConsoleConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://console.example.org',
    }).errors.join('\n');
    expect(errors).toContain('SESSION_SECRET');
    expect(errors).toContain('OIDC_CLIENT_SECRET');
    expect(errors).not.toContain('AUTH_JWKS_URL');
    const secrets = { SESSION_SECRET: 's'.repeat(40), OIDC_CLIENT_SECRET: 'a-real-client-secret' };
    expect(
      validateConsoleConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://console.example.org', ...secrets }).errors,
    ).toEqual(['[config] PUBLIC_URL: must be https in production (session cookies are Secure)']);
    expect(
      validateConsoleConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://console.example.org', ...secrets }).config
        ?.NODE_ENV,
    ).toBe('production');
    expect([DEV_SESSION_SECRET, DEV_OIDC_CLIENT_SECRET]).not.toContain(secrets.SESSION_SECRET);
  });
});

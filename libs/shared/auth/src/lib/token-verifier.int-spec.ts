import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../../../..');

// jwks-rsa loads jose (ESM-only), which jest's runtime cannot: the RS256 path runs in a real
// node process against a JWKS served on loopback, and reports each case as a JSON line.
async function outcomes(): Promise<Record<string, { ok: boolean; error?: string; principal?: unknown }>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', './tools/runtime/register.js', 'libs/shared/auth/src/test/fixtures/verify-rs256.main.ts'], { cwd: ROOT });
  return Object.fromEntries(stdout.trim().split('\n').map((line) => JSON.parse(line)).map(({ name, ...rest }) => [name, rest]));
}

describe('TokenVerifier with an OIDC issuer (RS256 via JWKS)', () => {
  let results: Awaited<ReturnType<typeof outcomes>>;
  beforeAll(async () => {
    results = await outcomes();
  });

  it('accepts an RS256 token signed by a key the JWKS publishes', () => {
    expect(results['rs256']).toEqual({ ok: true, principal: { sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice' } });
  });

  it('refuses a key id the JWKS does not publish and a token for another audience', () => {
    expect(results['rs256UnknownKid']).toEqual({ ok: false, error: 'The bearer token is signed with an unknown key.' });
    expect(results['rs256WrongAudience']).toEqual({ ok: false, error: 'The bearer token is not valid.' });
  });

  it('accepts the shared secret only for service tokens once an issuer is configured', () => {
    expect(results['hs256Person']).toEqual({ ok: false, error: 'Only service tokens may be signed with the shared secret.' });
    expect(results['hs256Service']).toMatchObject({ ok: true, principal: { role: 'service', org: null } });
  });
});

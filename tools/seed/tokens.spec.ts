/** Tokens from the development identity provider's POST /dev/token, over real HTTP. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { devIdentityProvider, IdentityProviderUnavailable } from './tokens';

describe('devIdentityProvider', () => {
  let server: Server;
  let issuer: string;
  const received: unknown[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const claims = JSON.parse(body);
        received.push({ method: request.method, url: request.url, claims });
        response.writeHead(claims.role === 'service' ? 400 : 200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(claims.role === 'service' ? { error: 'no' } : { access_token: `token-for-${claims.sub}` }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the claims and returns the access token', async () => {
    const tokenFor = devIdentityProvider(`${issuer}/`);
    await expect(tokenFor({ role: 'prosecutor', org: 'o1', sub: 'p1', name: 'Pat' })).resolves.toBe('token-for-p1');
    expect(received).toContainEqual({
      method: 'POST',
      url: '/dev/token',
      claims: { role: 'prosecutor', org: 'o1', sub: 'p1', name: 'Pat' },
    });
  });

  it('says in one line when the provider issues no token or is not there', async () => {
    await expect(devIdentityProvider(issuer)({ role: 'service' })).rejects.toThrow(
      /issued no token for a service \(HTTP 400\)/,
    );
    const closed = devIdentityProvider('http://127.0.0.1:1');
    await expect(closed({ role: 'admin' })).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    await expect(closed({ role: 'admin' })).rejects.toThrow(
      'the identity provider is not reachable at http://127.0.0.1:1',
    );
  });
});

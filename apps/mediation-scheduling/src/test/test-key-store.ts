import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDataKey, type DataKey } from '@rj/shared/pii';

export interface TestKeyStore {
  readonly url: string;
  /** A fresh data key the store will hand out. */
  newKey(): DataKey;
  /** Crypto-shredding: the key answers 410 from now on. */
  erase(keyId: string): void;
  /** Stops answering (503), to test the key store being down. */
  setAvailable(available: boolean): void;
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * A real HTTP key store speaking referral-intake's internal contract (GET /internal/keys/{id}
 * → { keyId, key } base64, 410 once erased), for suites where intake itself is not running.
 * It checks that a bearer token is presented, as intake's does.
 */
export async function startTestKeyStore(): Promise<TestKeyStore> {
  const keys = new Map<string, DataKey>();
  const erased = new Set<string>();
  let available = true;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    const match = /^\/internal\/keys\/([0-9a-f-]{36})$/.exec(req.url ?? '');
    const reply = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (!available) return reply(503);
    if (!/^Bearer .+/.test(req.headers.authorization ?? '')) return reply(401);
    if (!match) return reply(404);
    if (erased.has(match[1])) return reply(410);
    const key = keys.get(match[1]);
    return key ? reply(200, { keyId: key.keyId, key: key.key.toString('base64') }) : reply(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    newKey: () => {
      const key = generateDataKey();
      keys.set(key.keyId, key);
      return key;
    },
    erase: (keyId) => erased.add(keyId),
    setAvailable: (value) => {
      available = value;
    },
    get requests() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

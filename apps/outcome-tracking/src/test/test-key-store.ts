import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDataKey, type DataKey } from '@rj/shared/pii';

/**
 * A real HTTP key store standing in for referral-intake's internal port in these tests: GET
 * /internal/keys/{keyId} → { keyId, key } for keys made here, 410 once erased, 401 without a
 * bearer token.
 */
export interface TestKeyStore {
  url: string;
  newKey(): DataKey;
  erase(keyId: string): void;
  /** How many times the service asked for this key. */
  fetches(keyId: string): number;
  close(): Promise<void>;
}

export async function startTestKeyStore(): Promise<TestKeyStore> {
  const keys = new Map<string, DataKey | null>();
  const fetches = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const match = /^\/internal\/keys\/([0-9a-f-]+)$/.exec(req.url ?? '');
    if (!req.headers.authorization?.startsWith('Bearer ')) return void res.writeHead(401).end();
    if (match) fetches.set(match[1], (fetches.get(match[1]) ?? 0) + 1);
    if (req.method !== 'GET' || !match || !keys.has(match[1])) return void res.writeHead(404).end();
    const key = keys.get(match[1]);
    if (!key) return void res.writeHead(410).end();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keyId: key.keyId, key: key.key.toString('base64') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    newKey: () => {
      const key = generateDataKey();
      keys.set(key.keyId, key);
      return key;
    },
    erase: (keyId) => void keys.set(keyId, null),
    fetches: (keyId) => fetches.get(keyId) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

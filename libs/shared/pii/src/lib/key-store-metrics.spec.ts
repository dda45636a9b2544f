import { generateDataKey } from './data-key';
import { KeyStoreClient } from './key-store-client';
import { keyStoreCacheHits, keyStoreFetches } from './key-store-metrics';

const count = async (counter: typeof keyStoreFetches | typeof keyStoreCacheHits, labels: Record<string, string> = {}) =>
  (await counter.get()).values
    .filter((v) => Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value))
    .reduce((sum, v) => sum + v.value, 0);

describe('key-store metrics', () => {
  const known = generateDataKey();
  let reachable = true;
  const fetchImpl = (async (url: string) => {
    if (!reachable) throw new Error('connect ECONNREFUSED');
    const keyId = decodeURIComponent(String(url).split('/').pop() as string);
    if (keyId !== known.keyId) return new Response(null, { status: 410 });
    return new Response(JSON.stringify({ keyId, key: known.key.toString('base64') }), { status: 200 });
  }) as typeof fetch;

  it('counts a fetch by outcome and a cache hit, never a key id', async () => {
    const client = new KeyStoreClient({ baseUrl: 'http://key-store', serviceToken: () => 't', fetchImpl });
    const [found, erased, unavailable, hits] = [
      await count(keyStoreFetches, { outcome: 'found' }),
      await count(keyStoreFetches, { outcome: 'erased' }),
      await count(keyStoreFetches, { outcome: 'unavailable' }),
      await count(keyStoreCacheHits),
    ];
    await client.getKey(known.keyId);
    await client.getKey(known.keyId);
    await client.getKey(generateDataKey().keyId);
    reachable = false;
    await expect(client.getKey(generateDataKey().keyId)).rejects.toThrow(/unreachable/);
    expect(await count(keyStoreFetches, { outcome: 'found' })).toBe(found + 1);
    expect(await count(keyStoreFetches, { outcome: 'erased' })).toBe(erased + 1);
    expect(await count(keyStoreFetches, { outcome: 'unavailable' })).toBe(unavailable + 1);
    expect(await count(keyStoreCacheHits)).toBe(hits + 1);
    expect(JSON.stringify((await keyStoreFetches.get()).values)).not.toContain(known.keyId);
  });
});

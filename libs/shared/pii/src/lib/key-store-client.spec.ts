import { generateDataKey } from './data-key';
import { KeyStoreClient } from './key-store-client';

/** A key store in memory answering over the fetch interface, counting the look-ups it serves. */
function keyStore() {
  const keys = new Map<string, Buffer>();
  const fetched: string[] = [];
  const fetchImpl = (async (url: string) => {
    const keyId = decodeURIComponent(String(url).split('/').pop() as string);
    fetched.push(keyId);
    const key = keys.get(keyId);
    if (!key) return new Response(null, { status: 410 });
    return new Response(JSON.stringify({ keyId, key: key.toString('base64') }), { status: 200 });
  }) as typeof fetch;
  const add = () => {
    const dataKey = generateDataKey();
    keys.set(dataKey.keyId, dataKey.key);
    return dataKey.keyId;
  };
  return { keys, fetched, fetchImpl, add };
}

describe('item 12: the key cache is bounded', () => {
  it('holds at most maxEntries keys, dropping the least recently used first', async () => {
    const store = keyStore();
    const client = new KeyStoreClient({
      baseUrl: 'http://keys',
      serviceToken: () => 't',
      fetchImpl: store.fetchImpl,
      maxEntries: 3,
    });
    const [a, b, c, d] = [store.add(), store.add(), store.add(), store.add()];
    for (const id of [a, b, c]) await client.getKey(id);
    await client.getKey(a); // a is now the most recently used; b the least
    await client.getKey(d);
    expect(client.size).toBe(3);

    store.fetched.length = 0;
    await client.getKey(a);
    await client.getKey(c);
    await client.getKey(d);
    expect(store.fetched).toEqual([]); // still cached
    await client.getKey(b);
    expect(store.fetched).toEqual([b]); // was evicted, fetched again
  });

  it('fetches a key again once its time to live has passed', async () => {
    const store = keyStore();
    const client = new KeyStoreClient({
      baseUrl: 'http://keys',
      serviceToken: () => 't',
      fetchImpl: store.fetchImpl,
      ttlMs: 20,
    });
    const id = store.add();
    await client.getKey(id);
    await client.getKey(id);
    expect(store.fetched).toEqual([id]);
    const deadline = Date.now() + 25;
    while (Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    await client.getKey(id);
    expect(store.fetched).toEqual([id, id]);
  });

  it('an erasure mark is bounded too, and an evicted erased key still reads as erased', async () => {
    const store = keyStore();
    const client = new KeyStoreClient({
      baseUrl: 'http://keys',
      serviceToken: () => 't',
      fetchImpl: store.fetchImpl,
      maxEntries: 2,
    });
    const erased = store.add();
    await client.getKey(erased);
    client.forget(erased);
    store.keys.delete(erased); // intake deleted the key
    for (let i = 0; i < 5; i++) await client.getKey(store.add());
    expect(client.size).toBe(2);
    expect(await client.getKey(erased)).toBeNull();
  });

  it('forget while a fetch is in flight: the fetched key is not cached', async () => {
    const store = keyStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch = (async (url: string, init?: RequestInit) => {
      await gate;
      return store.fetchImpl(url, init);
    }) as typeof fetch;
    const client = new KeyStoreClient({ baseUrl: 'http://keys', serviceToken: () => 't', fetchImpl: slowFetch });
    const id = store.add();
    const pending = client.getKey(id);
    client.forget(id);
    release();
    expect(await pending).toBeNull();
    expect(await client.getKey(id)).toBeNull();
  });
});

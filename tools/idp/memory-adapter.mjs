/**
 * oidc-provider's storage, in this process's memory: sessions, interactions, codes and grants
 * of a development sign-in need not survive a restart (the signing key does, see
 * signing-key.mjs). Entries expire as oidc-provider asks; the oldest go beyond a bound.
 */
const MAX_ENTRIES = 50_000;
const store = new Map();
const grants = new Map();

const live = (entry) => entry && (entry.expiresAt === undefined || entry.expiresAt > Date.now());

export class MemoryAdapter {
  constructor(model) {
    this.model = model;
  }

  key(id) {
    return `${this.model}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    if (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value);
    store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
    if (payload.grantId) grants.set(payload.grantId, [...(grants.get(payload.grantId) ?? []), this.key(id)]);
  }

  async find(id) {
    const entry = store.get(this.key(id));
    if (live(entry)) return entry.payload;
    store.delete(this.key(id));
    return undefined;
  }

  async findByUid(uid) {
    for (const [key, entry] of store)
      if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid && live(entry)) return entry.payload;
    return undefined;
  }

  async findByUserCode(userCode) {
    for (const [key, entry] of store)
      if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode && live(entry)) return entry.payload;
    return undefined;
  }

  async consume(id) {
    const entry = store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    store.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const key of grants.get(grantId) ?? []) store.delete(key);
    grants.delete(grantId);
  }
}

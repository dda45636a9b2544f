import { canonicalJson, idempotencyScope, isValidIdempotencyKey, requestDigest } from './idempotency-rules';

describe('item 14: the shared idempotency rules', () => {
  it('digests the same request alike whatever the order of its keys, and another path or body differently', () => {
    const a = requestDigest('POST', '/api/mediators', {
      sub: 'm-1',
      contact: { email: 'a@b.c', phone: undefined },
      specialties: [],
    });
    const b = requestDigest('post', '/api/mediators', { specialties: [], contact: { email: 'a@b.c' }, sub: 'm-1' });
    expect(a).toBe(b);
    expect(requestDigest('POST', '/api/mediators', { sub: 'm-2' })).not.toBe(
      requestDigest('POST', '/api/mediators', { sub: 'm-1' }),
    );
    expect(requestDigest('POST', '/api/cases/1/notes', {})).not.toBe(requestDigest('POST', '/api/cases/2/notes', {}));
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });

  it('scopes a key to the organisation, or to the user for a caller without one', () => {
    expect(idempotencyScope({ sub: 'u', org: 'org-1' })).toBe('org-1');
    expect(idempotencyScope({ sub: 'admin-1', org: null })).toBe('user:admin-1');
  });

  it('accepts 1–200 letters, digits or ._:- only', () => {
    expect(isValidIdempotencyKey('0195f000-0000-7000-8000-000000000001')).toBe(true);
    expect(isValidIdempotencyKey('a'.repeat(200))).toBe(true);
    for (const bad of ['', 'a'.repeat(201), 'with space', 'é', 'a\nb']) expect(isValidIdempotencyKey(bad)).toBe(false);
  });
});

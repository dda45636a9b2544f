import type { Principal } from '@rj/shared/auth';
import { ValidationProblem } from '@rj/shared/service';
import { canonicalJson, idempotentRequest } from './idempotency';

const prosecutor: Principal = { sub: 'p-1', role: 'prosecutor', org: 'office-1', name: 'P' };
const admin: Principal = { sub: 'a-1', role: 'admin', org: null, name: 'A' };

describe('Idempotency-Key requests', () => {
  it('digests the body in canonical form: key order does not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    const one = idempotentRequest(prosecutor, 'k', 'POST /api/referrals', { a: 1, b: 2 });
    expect(idempotentRequest(prosecutor, 'k', 'POST /api/referrals', { b: 2, a: 1 })?.requestHash).toBe(
      one?.requestHash,
    );
    expect(idempotentRequest(prosecutor, 'k', 'POST /api/referrals', { a: 1, b: 3 })?.requestHash).not.toBe(
      one?.requestHash,
    );
    expect(idempotentRequest(prosecutor, 'k', 'POST /api/offices', { a: 1, b: 2 })?.requestHash).not.toBe(
      one?.requestHash,
    );
  });

  it("scopes the key to the caller's organisation, or to the caller without one", () => {
    expect(idempotentRequest(prosecutor, 'k', 'r', {})?.scope).toBe('office-1');
    expect(idempotentRequest(admin, 'k', 'r', {})?.scope).toBe('user:a-1');
  });

  it('is not one without a header, and refuses a key that is empty, too long or not printable', () => {
    expect(idempotentRequest(prosecutor, undefined, 'r', {})).toBeUndefined();
    for (const key of ['', 'x'.repeat(256), 'with space', 'tab\there', 'ünïcode']) {
      expect(() => idempotentRequest(prosecutor, key, 'r', {})).toThrow(ValidationProblem);
    }
  });
});

import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError } from './canonical-json';

/** Rebuilds an object with its keys inserted in another order, recursively. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const rotated = keys.map((_, i) => keys[(i + seed) % keys.length]).reverse();
  return Object.fromEntries(
    rotated.map((key) => [key, shuffleKeys((value as Record<string, unknown>)[key], seed + 1)]),
  );
}

// Values JSON can carry: what an event envelope is made of once parsed from Kafka.
const json = fc.jsonValue();

describe('canonicalJson', () => {
  it('gives the same string whatever order the keys were written in', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, seed) => canonicalJson(shuffleKeys(value, seed)) === canonicalJson(value)),
    );
  });

  it('parses back to a value equal to the input', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is a fixed point: canonicalising its own parse gives the same string', () => {
    fc.assert(fc.property(json, (value) => canonicalJson(JSON.parse(canonicalJson(value))) === canonicalJson(value)));
  });

  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ '\u00e9': 1, z: 2, A: 3, '\u{1F600}': 4, '\uFB33': 5 }, '{"A":3,"z":2,"\u00e9":1,"\u{1F600}":4,"\uFB33":5}'],
    [[1e21, 1e-7, -0, 0.1, 100, 5e-324], '[1e+21,1e-7,0,0.1,100,5e-324]'],
    ['line\nbreak "quoted" \u0001', '"line\\nbreak \\"quoted\\" \\u0001"'],
    [{ nested: { y: { b: 2, a: 1 } } }, '{"nested":{"y":{"a":1,"b":2}}}'],
  ])(
    'writes %j as %s (RFC 8785: UTF-16 code-unit key order, so U+1F600 sorts before U+FB33; ES number form; escapes)',
    (value, expected) => {
      expect(canonicalJson(value)).toBe(expected);
    },
  );

  it.each([
    ['undefined', { a: undefined }, '$.a', /undefined has no JSON form/],
    ['a function', { f: () => 1 }, '$.f', /function/],
    ['NaN', { data: { n: NaN } }, '$.data.n', /NaN is not a JSON number/],
    ['Infinity', [1, Infinity], '$[1]', /Infinity/],
    ['a bigint', { n: 1n }, '$.n', /bigint/],
    ['a Date', { at: new Date(0) }, '$.at', /Date is not a plain object/],
    ['an array hole', [1, , 3], '$[1]', /hole/], // eslint-disable-line no-sparse-arrays
    ['a lone surrogate', { s: '\uD800x' }, '$.s', /lone surrogate/],
  ])('refuses %s, naming where it is', (_name, value, path, message) => {
    const attempt = () => canonicalJson(value);
    expect(attempt).toThrow(CanonicalJsonError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ path }));
  });

  it('refuses cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

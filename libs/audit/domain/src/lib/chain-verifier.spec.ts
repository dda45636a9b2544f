import { ChainVerifier, verifyChain, verifyChainAsync } from './chain-verifier';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH, type ChainEntry } from './hash-chain';
import { createHash } from 'node:crypto';

function buildChain(length: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= length; sequence++) {
    const canonical = canonicalJson({
      id: `e${sequence}`,
      type: 'term.fulfilled',
      data: { termId: `t${sequence}`, note: 'é' },
    });
    const hash = chainHash(prevHash, canonical);
    entries.push({ sequence, canonical, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

const chain = buildChain(10);

describe('hash chain', () => {
  it('hashes sha256 over the previous hash as hex text followed by the canonical UTF-8 bytes', () => {
    const canonical = '{"a":"é"}';
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from(GENESIS_HASH, 'ascii'), Buffer.from(canonical, 'utf8')]))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, canonical)).toBe(expected);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('verifies an intact chain end to end', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, checked: 10 });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  it('detects one altered byte in an entry', () => {
    const tampered = chain.map((entry) =>
      entry.sequence === 4 ? { ...entry, canonical: entry.canonical.replace('t4', 't5') } : entry,
    );
    expect(verifyChain(tampered)).toEqual({ ok: false, checked: 3, firstBrokenSequence: 4 });
  });

  it('detects an altered stored hash', () => {
    const tampered = chain.map((entry) =>
      entry.sequence === 7 ? { ...entry, hash: `${entry.hash.slice(0, -1)}0` } : entry,
    );
    expect(verifyChain(tampered).firstBrokenSequence).toBe(7);
  });

  it('detects a deleted row, whether the gap is left or the rows renumbered', () => {
    const gap = chain.filter((entry) => entry.sequence !== 5);
    expect(verifyChain(gap)).toEqual({ ok: false, checked: 4, firstBrokenSequence: 5 });
    const renumbered = gap.map((entry, index) => ({ ...entry, sequence: index + 1 }));
    expect(verifyChain(renumbered)).toEqual({ ok: false, checked: 4, firstBrokenSequence: 5 });
  });

  it('detects two swapped rows, whether their sequences moved with them or not', () => {
    const swapped = [...chain];
    [swapped[5], swapped[6]] = [swapped[6], swapped[5]];
    expect(verifyChain(swapped)).toEqual({ ok: false, checked: 5, firstBrokenSequence: 6 });
    const contentSwapped = swapped.map((entry, index) => ({ ...entry, sequence: index + 1 }));
    expect(verifyChain(contentSwapped)).toEqual({ ok: false, checked: 5, firstBrokenSequence: 6 });
  });

  it('detects truncation against a checkpoint and a chain rewritten consistently after one', () => {
    const checkpoint = { sequence: 9, hash: chain[8].hash };
    expect(verifyChain(chain.slice(0, 7), undefined, [checkpoint])).toEqual({
      ok: false,
      checked: 7,
      firstBrokenSequence: 8,
    });
    expect(verifyChain(chain, undefined, [checkpoint])).toEqual({ ok: true, checked: 10 });
    // Rewrite from entry 6 on and re-hash everything: the chain is self-consistent, but misses the checkpoint.
    const rewritten = chain.slice(0, 5);
    let prevHash = chain[4].hash;
    for (const entry of chain.slice(5)) {
      const canonical = entry.canonical.replace('term.fulfilled', 'term.overdue');
      const hash = chainHash(prevHash, canonical);
      rewritten.push({ sequence: entry.sequence, canonical, prevHash, hash });
      prevHash = hash;
    }
    expect(verifyChain(rewritten)).toEqual({ ok: true, checked: 10 });
    expect(verifyChain(rewritten, undefined, [checkpoint])).toEqual({ ok: false, checked: 8, firstBrokenSequence: 9 });
  });

  it('passes two checkpoints of the same sequence (a stored one and the same one sent back), and breaks if either disagrees', () => {
    const checkpoint = { sequence: 9, hash: chain[8].hash };
    expect(verifyChain(chain, undefined, [checkpoint, { ...checkpoint }])).toEqual({ ok: true, checked: 10 });
    expect(verifyChain(chain, undefined, [checkpoint, { sequence: 9, hash: chain[7].hash }])).toEqual({
      ok: false,
      checked: 8,
      firstBrokenSequence: 9,
    });
  });

  it('verifies from a checkpoint onwards and refuses entries that do not link to it', () => {
    expect(verifyChain(chain.slice(6), { sequence: 6, hash: chain[5].hash })).toEqual({ ok: true, checked: 4 });
    expect(verifyChain(chain.slice(6), { sequence: 6, hash: chain[4].hash })).toEqual({
      ok: false,
      checked: 0,
      firstBrokenSequence: 7,
    });
  });

  it('streams: push returns false at the first break and stays broken', async () => {
    const verifier = new ChainVerifier();
    expect(chain.slice(0, 3).map((entry) => verifier.push(entry))).toEqual([true, true, true]);
    expect(verifier.head()).toEqual({ sequence: 3, hash: chain[2].hash });
    expect(verifier.push(chain[4])).toBe(false);
    expect(verifier.push(chain[3])).toBe(false);
    expect(verifier.result()).toEqual({ ok: false, checked: 3, firstBrokenSequence: 4 });
    async function* source() {
      yield* chain;
    }
    await expect(verifyChainAsync(source())).resolves.toEqual({ ok: true, checked: 10 });
  });
});

describe('item 7: columns that disagree with the hashed event', () => {
  it('break the chain at that entry, though every hash holds', () => {
    const chain = buildChain(5).map((entry) =>
      entry.sequence === 3 ? { ...entry, columnsMatch: false } : { ...entry, columnsMatch: true },
    );
    expect(verifyChain(chain)).toEqual({ ok: false, checked: 2, firstBrokenSequence: 3 });
    expect(verifyChain(buildChain(5)).ok).toBe(true); // not checked by the reader: hashes decide
  });
});

import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { csvField, csvRow, ndjsonLine, type LedgerRow } from './ledger-export';

const event = { id: 'e1', type: 'referral.withdrawn', data: { note: 'a "quoted", multi\nline value', n: 1.5 } };
const canonical = canonicalJson(event);
const row: LedgerRow = {
  sequence: '12',
  eventId: 'e1',
  topic: 'rj.referral.v1',
  partition: 2,
  offset: '40',
  eventType: 'referral.withdrawn',
  aggregateId: 'a,b',
  referralId: null,
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:01.000Z',
  canonical,
  prevHash: GENESIS_HASH,
  hash: chainHash(GENESIS_HASH, canonical),
};

describe('ledger export formats', () => {
  it('writes an NDJSON line whose event re-canonicalises to exactly the hashed bytes', () => {
    const line = ndjsonLine(row);
    expect(line.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ sequence: 12, partition: 2, offset: '40', prevHash: GENESIS_HASH });
    expect(chainHash(parsed.prevHash, canonicalJson(parsed.event))).toBe(row.hash);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [null, ''],
    [7, '7'],
  ])('quotes a CSV field only when RFC 4180 needs it: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends a CSV row with CRLF and keeps the canonical event intact inside its quotes', () => {
    const line = csvRow(row);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line).toContain(',"a,b",');
    expect(line).toContain(`"${canonical.replace(/"/g, '""')}"\r\n`);
  });
});

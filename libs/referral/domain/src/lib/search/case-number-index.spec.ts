import { randomBytes } from 'node:crypto';
import { caseNumberIndex, normaliseCaseNumber } from './case-number-index';

describe('the blind index of a case number', () => {
  // A fixed key: with a random one, the 43 characters of an index could spell '2025' by chance.
  const key = Buffer.alloc(32, 7);

  it.each([
    ['  parket-2025-0042 ', 'PARKET-2025-0042'],
    ['Parket 2025\t\t 0042', 'PARKET 2025 0042'],
    ['parket\n2025', 'PARKET 2025'],
    ['ＰＡＲＫＥＴ', 'ＰＡＲＫＥＴ'],
    ['e\u0301-1', 'É-1'],
  ])('normalises %j to %j', (raw, normal) => {
    expect(normaliseCaseNumber(raw)).toBe(normal);
  });

  it('indexes spellings of one case number alike, and different numbers apart', () => {
    expect(caseNumberIndex(' parket  2025-0042', key)).toBe(caseNumberIndex('PARKET 2025-0042', key));
    expect(caseNumberIndex('PARKET 2025-0042', key)).not.toBe(caseNumberIndex('PARKET 2025-0043', key));
    expect(caseNumberIndex('PARKET 2025-0042', key)).not.toBe(caseNumberIndex('PARKET2025-0042', key));
  });

  it('depends on the key, and shows nothing of the number', () => {
    const index = caseNumberIndex('PARKET-2025-0042', key);
    expect(index).not.toBe(caseNumberIndex('PARKET-2025-0042', randomBytes(32)));
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(index).not.toContain('2025');
  });
});

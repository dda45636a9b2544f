import { isUUID } from 'class-validator';
import { UUID_PATTERN, uuidv7 } from './uuid';

describe('uuidv7', () => {
  it('is a version 7, variant 10 UUID that class-validator accepts', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(UUID_PATTERN);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUUID(id)).toBe(true);
    }
  });

  it('carries the milliseconds it was minted at in its first 48 bits', () => {
    const at = Date.UTC(2026, 11, 6, 21, 30, 0, 123);
    const id = uuidv7(at);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    expect(uuidv7(0).slice(0, 13)).toBe('00000000-0000');
  });

  it('sorts by time and never repeats within a millisecond', () => {
    const at = 1_700_000_000_000;
    expect(uuidv7(at) < uuidv7(at + 1)).toBe(true);
    const sameMillisecond = new Set(Array.from({ length: 10_000 }, () => uuidv7(at)));
    expect(sameMillisecond.size).toBe(10_000);
  });
});

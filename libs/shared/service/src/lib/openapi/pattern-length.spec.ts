import { CODE_PATTERN, ISO_DATE_PATTERN, LANGUAGE_PATTERN } from '@rj/shared/contracts';
import { maxLengthOfPattern } from './pattern-length';

describe('maxLengthOfPattern', () => {
  it.each([
    [CODE_PATTERN.source, 64],
    [ISO_DATE_PATTERN.source, 10],
    [LANGUAGE_PATTERN.source, 21],
    ['^\\d{1,15}$', 15],
    ['^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$', 7],
    ['^[A-Z]{3}$', 3],
    ['^(?:ab|c)\\.x?$', 4],
    ['^[\\]a-z]{2}\\x41\\u0042$', 4],
    ['^(?=abc)abc$', 3],
    ['^a{0}b$', 1],
  ])('%s is at most %d characters', (source, length) => {
    expect(maxLengthOfPattern(source)).toBe(length);
  });

  it.each([['^[a-z]+$'], ['^a*$'], ['^a{2,}$'], ['^(a)\\1$'], ['[a-z]{3}'], ['^abc'], ['^[\\s\\S]*$'], ['^(ab$']])(
    '%s bounds nothing',
    (source) => {
      expect(maxLengthOfPattern(source)).toBe(Number.POSITIVE_INFINITY);
    },
  );
});

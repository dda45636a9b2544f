import { InvalidInput } from '@rj/shared/contracts';
import { DEFAULT_RANKING_WEIGHTS, parseRankingWeights } from './ranking-weights';

describe('ranking weights are validated data', () => {
  it('accepts the default weights as they are', () => {
    expect(parseRankingWeights({ ...DEFAULT_RANKING_WEIGHTS })).toEqual(DEFAULT_RANKING_WEIGHTS);
  });

  it.each([
    ['a negative weight', { ...DEFAULT_RANKING_WEIGHTS, load: -1 }, 'load'],
    ['a weight that is not a number', { ...DEFAULT_RANKING_WEIGHTS, language: '4' }, 'language'],
    ['an infinite weight', { ...DEFAULT_RANKING_WEIGHTS, responseTime: Infinity }, 'responseTime'],
    ['a missing weight', { version: 1, language: 1, specialty: 1, load: 1 }, 'responseTime'],
    ['a version that is not a positive integer', { ...DEFAULT_RANKING_WEIGHTS, version: 'v1' }, 'version'],
    ['a version of zero', { ...DEFAULT_RANKING_WEIGHTS, version: 0 }, 'version'],
    // product.md: ranking never uses a partner's past acceptance rate.
    ['an acceptance-rate weight', { ...DEFAULT_RANKING_WEIGHTS, acceptanceRate: 1 }, 'acceptanceRate'],
  ])('refuses %s', (_name, input, field) => {
    expect.assertions(2);
    try {
      parseRankingWeights(input);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).errors.map((e) => e.field)).toContain(field);
    }
  });

  it('refuses something that is not an object', () => {
    expect(() => parseRankingWeights(null)).toThrow(InvalidInput);
  });
});

import { CODE_PATTERN } from '@rj/shared/contracts';
import fc from 'fast-check';
import { rankPartners } from './rank-partners';
import { DEFAULT_RANKING_WEIGHTS, type RankingWeights } from './ranking-weights';
import { partnerFits, referralFits } from '../test/matching-fixtures';

const only = (factor: keyof Omit<RankingWeights, 'version'>): RankingWeights => ({
  version: 99,
  language: 0,
  specialty: 0,
  load: 0,
  responseTime: 0,
  [factor]: 1,
});
const ids = (result: ReturnType<typeof rankPartners>) => result.candidates.map((c) => c.partnerId);

describe('rankPartners (product.md, Matching)', () => {
  it('ranks partners speaking more of the parties\u2019 languages first', () => {
    const partners = [
      partnerFits({ partnerId: 'one', languages: ['nl'] }),
      partnerFits({ partnerId: 'both', languages: ['ar', 'nl'] }),
    ];
    const result = rankPartners(referralFits(), partners, only('language'));
    expect(ids(result)).toEqual(['both', 'one']);
    expect(result.candidates[0].reasons).toContain('language_match:2_of_2');
    expect(result.candidates[1].reasons).toContain('language_match:1_of_2');
  });

  it('ranks a specialist in the category first', () => {
    const partners = [
      partnerFits({ partnerId: 'general' }),
      partnerFits({ partnerId: 'specialist', specialties: ['assault'] }),
    ];
    const result = rankPartners(referralFits(), partners, only('specialty'));
    expect(ids(result)).toEqual(['specialist', 'general']);
    expect(result.candidates[0].reasons).toContain('specialist');
    expect(result.candidates[1].reasons).toContain('not_specialist');
  });

  it('ranks the less loaded partner first', () => {
    const partners = [
      partnerFits({ partnerId: 'busy', capacity: 4, openCases: 3 }),
      partnerFits({ partnerId: 'free', capacity: 4, openCases: 1 }),
    ];
    const result = rankPartners(referralFits(), partners, only('load'));
    expect(ids(result)).toEqual(['free', 'busy']);
    expect(result.candidates[0]).toMatchObject({ score: 0.75, reasons: expect.arrayContaining(['load:0.25']) });
  });

  it('ranks the faster responder first', () => {
    const partners = [
      partnerFits({ partnerId: 'slow', responseHours: 72 }),
      partnerFits({ partnerId: 'fast', responseHours: 24 }),
    ];
    const result = rankPartners(referralFits(), partners, only('responseTime'));
    expect(ids(result)).toEqual(['fast', 'slow']);
    expect(result.candidates.map((c) => c.score)).toEqual([0.5, 0.25]);
    expect(result.candidates[0].reasons).toContain('response_time:0.50');
  });

  it('ranks by how fast a partner really answers once that is known', () => {
    const partners = [
      partnerFits({ partnerId: 'promises-fast', responseHours: 4, typicalResponseHours: 40 }),
      partnerFits({ partnerId: 'answers-fast', responseHours: 48, typicalResponseHours: 2 }),
    ];
    expect(ids(rankPartners(referralFits(), partners, only('responseTime')))).toEqual([
      'answers-fast',
      'promises-fast',
    ]);
  });

  it('scores as the weighted sum of the factors and records the weights version', () => {
    const partner = partnerFits({
      languages: ['nl'],
      specialties: ['assault'],
      capacity: 4,
      openCases: 1,
      responseHours: 24,
    });
    const result = rankPartners(referralFits(), [partner], DEFAULT_RANKING_WEIGHTS);
    // 4 * 1/2 + 2 * 1 + 2 * 0.75 + 1 * 0.5
    expect(result.candidates).toEqual([
      {
        partnerId: 'partner-a',
        score: 6,
        reasons: ['language_match:1_of_2', 'specialist', 'load:0.25', 'response_time:0.50'],
      },
    ]);
    expect(result.weightsVersion).toBe(DEFAULT_RANKING_WEIGHTS.version);
  });

  it('explains every score with codes that may travel in match.computed', () => {
    const partners = [
      partnerFits({ partnerId: 'x', responseHours: 0.01, openCases: 0 }),
      partnerFits({ partnerId: 'y', openCases: 3 }),
    ];
    const reasons = rankPartners(referralFits(), partners, DEFAULT_RANKING_WEIGHTS).candidates.flatMap(
      (c) => c.reasons,
    );
    expect(reasons.length).toBe(8);
    for (const reason of reasons) expect(reason).toMatch(CODE_PATTERN);
  });

  it('lists excluded partners with their reasons and never ranks them', () => {
    const partners = [
      partnerFits({ partnerId: 'ok' }),
      partnerFits({ partnerId: 'away', jurisdictions: ['NL-ZH'] }),
      partnerFits({ partnerId: 'asked' }),
    ];
    const result = rankPartners(referralFits(), partners, DEFAULT_RANKING_WEIGHTS, {
      declinedOrExpiredPartnerIds: ['asked'],
    });
    expect(ids(result)).toEqual(['ok']);
    expect(result.excluded).toEqual([
      { partnerId: 'asked', reasons: ['already_declined_or_expired'] },
      { partnerId: 'away', reasons: ['jurisdiction_not_served'] },
    ]);
  });

  it('breaks a tie by the lower load, then by partnerId', () => {
    // Same score from language alone; load only breaks the tie.
    const partners = [
      partnerFits({ partnerId: 'c', openCases: 1 }),
      partnerFits({ partnerId: 'b', openCases: 2 }),
      partnerFits({ partnerId: 'a', openCases: 2 }),
    ];
    expect(ids(rankPartners(referralFits(), partners, only('language')))).toEqual(['c', 'a', 'b']);
  });

  it('gives the same ranking whatever order the partners come in', () => {
    const partner = fc.record({
      partnerId: fc.uuid(),
      languages: fc.subarray(['nl', 'ar', 'en']),
      specialties: fc.subarray(['assault', 'theft']),
      capacity: fc.integer({ min: 0, max: 6 }),
      openCases: fc.integer({ min: 0, max: 6 }),
      responseHours: fc.constantFrom(1, 12, 24, 48),
      servesMinors: fc.boolean(),
      active: fc.boolean(),
    });
    const partners = fc
      .uniqueArray(partner, { selector: (p) => p.partnerId, maxLength: 40 })
      .map((list) => list.map((p) => partnerFits(p)));
    fc.assert(
      fc.property(partners, fc.boolean(), fc.nat(), (list, hasMinor, seed) => {
        const shuffled = [...list];
        let state = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const referral = referralFits({ hasMinor });
        expect(rankPartners(referral, shuffled, DEFAULT_RANKING_WEIGHTS)).toEqual(
          rankPartners(referral, list, DEFAULT_RANKING_WEIGHTS),
        );
      }),
    );
  });

  it('takes no past acceptance rate into account, even when a profile carries one', () => {
    const eager = { ...partnerFits({ partnerId: 'eager' }), acceptanceRate: 1 };
    const choosy = { ...partnerFits({ partnerId: 'choosy' }), acceptanceRate: 0 };
    const result = rankPartners(referralFits(), [eager, choosy], DEFAULT_RANKING_WEIGHTS);
    expect(result.candidates[0].score).toBe(result.candidates[1].score);
    expect(ids(result)).toEqual(['choosy', 'eager']);
  });

  it('returns no candidates when nobody fits', () => {
    expect(rankPartners(referralFits(), [], DEFAULT_RANKING_WEIGHTS)).toEqual({
      candidates: [],
      excluded: [],
      weightsVersion: 1,
    });
  });
});

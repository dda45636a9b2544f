import { MAX_MATCH_PARTNERS, MatchComputed, buildEvent, systemActor, uuidv7 } from '@rj/shared/contracts';
import { trimMatchForEvent } from './match-summary';
import { rankPartners } from './rank-partners';
import { DEFAULT_RANKING_WEIGHTS } from './ranking-weights';
import { partnerFits, referralFits } from '../test/matching-fixtures';

describe('trimMatchForEvent (match.computed carries at most 200 candidates and 200 excluded)', () => {
  const partners = Array.from({ length: 500 }, (_, i) =>
    partnerFits({
      partnerId: uuidv7(Date.UTC(2026, 0, 1) + i),
      openCases: i % 4,
      jurisdictions: i % 2 ? ['NL-NH'] : ['NL-ZH'],
    }),
  );
  const full = rankPartners(referralFits(), partners, DEFAULT_RANKING_WEIGHTS);

  it('keeps the best candidates in rank order and counts them all', () => {
    const trimmed = trimMatchForEvent(full);
    expect(full.candidates.length).toBe(250);
    expect(trimmed.candidates).toEqual(full.candidates.slice(0, MAX_MATCH_PARTNERS));
    expect(trimmed.excluded).toHaveLength(MAX_MATCH_PARTNERS);
    expect(trimmed).toMatchObject({
      candidateCount: 250,
      excludedCount: 250,
      weightsVersion: DEFAULT_RANKING_WEIGHTS.version,
    });
  });

  it('gives a match.computed that the contract accepts', () => {
    const { candidates, excluded, weightsVersion } = trimMatchForEvent(full);
    const referralId = uuidv7();
    expect(() =>
      buildEvent(MatchComputed, {
        aggregateId: uuidv7(),
        referralId,
        actor: systemActor('partner-matching'),
        correlationId: uuidv7(),
        causationId: null,
        data: {
          matchId: uuidv7(),
          weightsVersion,
          candidates: candidates.map((c) => ({ ...c, reasons: [...c.reasons] })),
          excluded: excluded.map((e) => ({ ...e, reasons: [...e.reasons] })),
        },
      }),
    ).not.toThrow();
  });

  it('leaves a small match whole', () => {
    const small = rankPartners(referralFits(), partners.slice(0, 10), DEFAULT_RANKING_WEIGHTS);
    expect(trimMatchForEvent(small)).toMatchObject({
      candidates: small.candidates,
      excluded: small.excluded,
      candidateCount: 5,
      excludedCount: 5,
    });
  });
});

import { informedResultOf, shouldInformHarmedParty } from './harmed-party-informing';

describe('informing the person harmed', () => {
  it.each([
    ['no receive_outcome consent', [{ purpose: 'participation', decision: 'given' }], false],
    ['consent given', [{ purpose: 'receive_outcome', decision: 'given' }], true],
    ['consent declined', [{ purpose: 'receive_outcome', decision: 'declined' }], false],
    [
      'given, then withdrawn',
      [
        { purpose: 'receive_outcome', decision: 'given', recordedAt: '2026-01-01T10:00:00Z' },
        { purpose: 'receive_outcome', decision: 'withdrawn', recordedAt: '2026-02-01T10:00:00Z' },
      ],
      false,
    ],
    [
      'withdrawn, then given again (listed out of order)',
      [
        { purpose: 'receive_outcome', decision: 'given', recordedAt: '2026-03-01T10:00:00Z' },
        { purpose: 'receive_outcome', decision: 'withdrawn', recordedAt: '2026-02-01T10:00:00Z' },
      ],
      true,
    ],
    [
      'other purposes do not count',
      [
        { purpose: 'receive_outcome', decision: 'given' },
        { purpose: 'share_outcome_with_referrer', decision: 'declined' },
      ],
      true,
    ],
  ] as const)(
    'tells the outcome only when the latest receive_outcome decision is given: %s',
    (_name, consents, expected) => {
      expect(shouldInformHarmedParty(consents)).toBe(expected);
    },
  );
});

describe('informedResultOf', () => {
  it.each([
    [{ status: 'completed', returnReason: null }, 'completed'],
    [{ status: 'returned', returnReason: 'agreement_not_completed' }, 'not_completed'],
    [{ status: 'returned', returnReason: 'no_agreement' }, null],
    [{ status: 'withdrawn', returnReason: null }, null],
    [{ status: 'agreement', returnReason: null }, null],
  ])('tells %j as %p', (kase, result) => {
    expect(informedResultOf(kase)).toBe(result);
  });
});

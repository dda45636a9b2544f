import type { ReferralFacts } from '../metrics/facts';
import type { Term } from '../terms/term';
import { publicationRefusal } from './publication-rules';
import { computeTransparencyReport, type FrozenCounts } from './transparency-report';

let seq = 0;
function referral(
  on: string,
  options: {
    dialogue?: boolean;
    agreement?: boolean;
    completed?: boolean;
    paid?: string;
    followUp?: boolean | null;
    jurisdiction?: string;
  } = {},
): ReferralFacts {
  const terms: Term[] =
    options.paid === undefined
      ? []
      : [
          {
            id: `t${seq}`,
            kind: 'restitution',
            dueBy: '2026-06-30',
            overdueFlagged: false,
            fulfilled: true,
            recipient: 'harmed',
            amount: { amount: options.paid, currency: 'EUR' },
            paid: { amount: options.paid, currency: 'EUR' },
          },
        ];
  const agreement = options.agreement || options.completed || options.paid !== undefined;
  return {
    referralId: `R${++seq}`,
    jurisdiction: options.jurisdiction ?? 'north',
    source: 'prosecutor',
    status: 'completed',
    submittedAt: `${on}T09:00:00Z`,
    partnerId: 'P1',
    firstContactAt: null,
    acceptedAt: null,
    firstDialogueAt: null,
    offers: [],
    followUps: options.followUp === undefined ? [] : [{ offsetMonths: 6, reoffended: options.followUp }],
    case: {
      everyPartyConsented: true,
      dialogueHeld: options.dialogue ?? true,
      concluded: agreement ? { agreementReached: true, reasonCode: null } : null,
      agreement: agreement ? { terms, result: options.completed ? 'completed' : null } : null,
    },
  };
}
const many = (n: number, on: string, options: Parameters<typeof referral>[1] = {}) =>
  Array.from({ length: n }, () => referral(on, options));

// 2025: 32 referrals in Q1, 3 in Q2, 21 in Q3, 22 in Q4 — 78 in the year.
const YEAR = [
  ...many(32, '2025-02-01'),
  ...many(3, '2025-05-01'),
  ...many(21, '2025-08-01'),
  ...many(22, '2025-11-01'),
  ...many(40, '2025-02-01', { jurisdiction: 'south' }),
];

describe('public transparency report', () => {
  it('publishes counts of at least 10, rounded to 5, for the jurisdiction only', () => {
    const q1 = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025-Q1',
      referrals: YEAR,
      quartersPublished: true,
    });
    expect(q1.counts.referred).toBe(30);
    expect(q1.tooFew).toBe(false);
    expect(q1.satisfaction).toEqual([
      { role: 'harmed', share: null },
      { role: 'responsible', share: null },
    ]);
  });

  it('says only "too few" for a period under the minimum', () => {
    const q2 = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025-Q2',
      referrals: YEAR,
      quartersPublished: true,
    });
    expect(q2).toMatchObject({
      tooFew: true,
      counts: { referred: null, tookPart: null },
      restitutionPaid: [],
      reoffence: [],
      satisfaction: [],
    });
  });

  it('withholds a second quarter in the year so the small quarter cannot be had from the year', () => {
    const year = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025',
      referrals: YEAR,
      quartersPublished: true,
    });
    const q3 = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025-Q3',
      referrals: YEAR,
      quartersPublished: true,
    });
    const q4 = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025-Q4',
      referrals: YEAR,
      quartersPublished: true,
    });
    expect(year.counts.referred).toBe(80);
    // Without it: 80 − 30 − 20 − 20 = 10 would stand for Q2's 3 within rounding.
    expect(q3.counts.referred).toBeNull();
    expect(q4.counts.referred).toBe(20);
  });

  it('withholds the year when its quarters went out before and are frozen', () => {
    // Q1, Q3 and Q4 were published (and Q2 said too few): the year now would give Q2 away.
    const frozen: FrozenCounts = new Map([
      ['2025-Q1', { referred: 30 }],
      ['2025-Q2', { referred: null }],
      ['2025-Q3', { referred: 20 }],
      ['2025-Q4', { referred: 20 }],
    ]);
    const year = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025',
      referrals: YEAR,
      quartersPublished: true,
      frozen,
    });
    expect(year.counts.referred).toBeNull();
  });

  it('publishes a small jurisdiction yearly only, and only ended quarters and years', () => {
    expect(publicationRefusal('2025-Q3', '2026-01-05', true)).toBe('too_fine_for_a_small_jurisdiction');
    expect(publicationRefusal('2025', '2026-01-05', true)).toBeNull();
    expect(publicationRefusal('2025-Q3', '2026-01-05', false)).toBeNull();
    expect(publicationRefusal('2026-Q1', '2026-03-31', false)).toBe('not_ended');
    expect(publicationRefusal('2025-07', '2026-01-05', false)).toBe('months_are_not_published');
    expect(publicationRefusal('2025-07-01', '2026-01-05', false)).toBe('not_a_period');
  });

  it('withholds a restitution total of two payers, or one dominated by a single payer', () => {
    const two = [...many(12, '2025-02-01'), ...many(2, '2025-02-02', { paid: '100.00' })];
    expect(
      computeTransparencyReport({ jurisdiction: 'north', period: '2025', referrals: two, quartersPublished: false })
        .restitutionPaid,
    ).toEqual([{ currency: 'EUR', amount: null }]);
    const dominated = [
      ...many(12, '2025-02-01'),
      referral('2025-02-02', { paid: '900.00' }),
      ...many(2, '2025-02-02', { paid: '100.00' }),
    ];
    expect(
      computeTransparencyReport({
        jurisdiction: 'north',
        period: '2025',
        referrals: dominated,
        quartersPublished: false,
      }).restitutionPaid,
    ).toEqual([{ currency: 'EUR', amount: null }]);
    const fair = [
      ...many(12, '2025-02-01'),
      referral('2025-02-02', { paid: '200.00' }),
      ...many(3, '2025-02-02', { paid: '100.00' }),
    ];
    expect(
      computeTransparencyReport({ jurisdiction: 'north', period: '2025', referrals: fair, quartersPublished: false })
        .restitutionPaid,
    ).toEqual([{ currency: 'EUR', amount: '500.00' }]);
  });

  it('withholds a re-offence rate whose complement is small', () => {
    const mostly = [...many(11, '2025-02-01', { followUp: true }), ...many(1, '2025-02-01', { followUp: false })];
    expect(
      computeTransparencyReport({ jurisdiction: 'north', period: '2025', referrals: mostly, quartersPublished: false })
        .reoffence,
    ).toEqual([{ months: 6, rate: null }]);
    const balanced = [...many(12, '2025-02-01', { followUp: true }), ...many(18, '2025-02-01', { followUp: false })];
    expect(
      computeTransparencyReport({
        jurisdiction: 'north',
        period: '2025',
        referrals: balanced,
        quartersPublished: false,
      }).reoffence,
    ).toEqual([{ months: 6, rate: 0.4 }]);
  });

  it('counts those who took part, reached an agreement and completed it', () => {
    const referrals = [
      ...many(12, '2025-02-01', { completed: true }),
      ...many(11, '2025-02-01', { agreement: true }),
      ...many(14, '2025-02-01', { dialogue: false }),
    ];
    const report = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025',
      referrals,
      quartersPublished: false,
    });
    expect(report.counts).toEqual({ referred: 35, tookPart: 25, agreementReached: 25, agreementCompleted: 10 });
  });

  it('gives satisfaction by role only when those satisfied and those not each number at least 10', () => {
    const answer = (role: string, satisfied: string) => ({ survey: 'first' as const, role, answers: { satisfied } });
    const feedback = [
      ...Array.from({ length: 14 }, () => answer('harmed', '5')),
      ...Array.from({ length: 10 }, () => answer('harmed', '2')),
      ...Array.from({ length: 20 }, () => answer('responsible', '4')),
      ...Array.from({ length: 3 }, () => answer('responsible', '1')),
    ];
    const report = computeTransparencyReport({
      jurisdiction: 'north',
      period: '2025',
      referrals: YEAR,
      quartersPublished: false,
      feedback,
    });
    // 20 of 23 responsible satisfied would say 3 were not: withheld.
    expect(report.satisfaction).toEqual([
      { role: 'harmed', share: 0.58 },
      { role: 'responsible', share: null },
    ]);
  });
});

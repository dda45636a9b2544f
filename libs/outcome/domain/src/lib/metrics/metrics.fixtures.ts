import type { Term } from '../terms/term';
import type { CaseFacts, OfferFacts, ReferralFacts } from './facts';

/** Six referrals whose figures are computed by hand in outcome-figures.spec.ts. */
const day = (date: string, plusDays: number, hour = 0) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000 + hour * 3_600_000).toISOString();
const offer = (
  partnerId: string,
  madeAt: string,
  hours: number | null,
  answer: OfferFacts['answer'],
  declineReason: string | null = null,
): OfferFacts => ({
  partnerId,
  madeAt,
  answeredAt: hours === null ? null : new Date(Date.parse(madeAt) + hours * 3_600_000).toISOString(),
  answer,
  declineReason,
});
const common = { dueBy: '2026-06-30', overdueFlagged: false };
const restitution = (amount: string, paid: string, currency = 'EUR'): Term => ({
  ...common,
  id: `r-${amount}`,
  kind: 'restitution',
  amount: { amount, currency },
  paid: { amount: paid, currency },
  recipient: 'harmed',
  fulfilled: amount === paid,
});
const service = (hours: number, hoursDone: number): Term => ({
  ...common,
  id: `c-${hours}`,
  kind: 'community_service',
  hours,
  hoursDone,
  fulfilled: hours === hoursDone,
});
const caseOf = (c: Partial<CaseFacts>): CaseFacts => ({
  everyPartyConsented: true,
  dialogueHeld: true,
  concluded: null,
  agreement: null,
  ...c,
});

export const FIXTURE: ReferralFacts[] = [
  {
    referralId: 'R1',
    jurisdiction: 'north',
    source: 'prosecutor',
    status: 'completed',
    submittedAt: day('2026-01-01', 0),
    partnerId: 'P1',
    firstContactAt: day('2026-01-01', 2),
    acceptedAt: day('2026-01-01', 1),
    firstDialogueAt: day('2026-01-01', 10),
    case: caseOf({
      concluded: { agreementReached: true, reasonCode: null },
      agreement: { terms: [restitution('300.00', '300.00'), service(10, 10)], result: 'completed' },
    }),
    offers: [
      offer('P2', day('2026-01-01', 0), 2, 'declined', 'no_capacity'),
      offer('P1', day('2026-01-01', 0, 6), 18, 'accepted'),
    ],
    followUps: [
      { offsetMonths: 6, reoffended: false },
      { offsetMonths: 12, reoffended: true },
    ],
  },
  {
    referralId: 'R2',
    jurisdiction: 'north',
    source: 'police',
    status: 'returned',
    submittedAt: day('2026-01-05', 0),
    partnerId: 'P1',
    firstContactAt: day('2026-01-05', 4),
    acceptedAt: day('2026-01-05', 2),
    firstDialogueAt: day('2026-01-05', 20),
    case: caseOf({
      concluded: { agreementReached: true, reasonCode: null },
      agreement: { terms: [restitution('100.00', '40.00'), service(5, 2)], result: 'returned' },
    }),
    offers: [offer('P1', day('2026-01-05', 0), 48, 'accepted')],
    followUps: [
      { offsetMonths: 6, reoffended: false },
      { offsetMonths: 12, reoffended: null },
    ],
  },
  {
    referralId: 'R3',
    jurisdiction: 'north',
    source: 'prosecutor',
    status: 'returned',
    submittedAt: day('2026-02-01', 0),
    partnerId: 'P2',
    firstContactAt: day('2026-02-01', 6),
    acceptedAt: day('2026-02-01', 3),
    firstDialogueAt: day('2026-02-01', 30),
    case: caseOf({ concluded: { agreementReached: false, reasonCode: 'no_agreement' } }),
    offers: [offer('P2', day('2026-02-01', 0), 4, 'accepted')],
    followUps: [],
  },
  {
    referralId: 'R4',
    jurisdiction: 'south',
    source: 'victim_request',
    status: 'in_progress',
    submittedAt: day('2026-02-10', 0),
    partnerId: 'P1',
    firstContactAt: day('2026-02-10', 1),
    acceptedAt: day('2026-02-10', 1),
    firstDialogueAt: null,
    case: caseOf({ everyPartyConsented: false, dialogueHeld: false }),
    offers: [offer('P3', day('2026-02-10', 0), null, 'expired'), offer('P1', day('2026-02-10', 0), 12, 'accepted')],
    followUps: [],
  },
  {
    referralId: 'R5',
    jurisdiction: 'north',
    source: 'prosecutor',
    status: 'unmatched',
    submittedAt: day('2026-03-01', 0, 23),
    partnerId: null,
    firstContactAt: null,
    acceptedAt: null,
    firstDialogueAt: null,
    case: null,
    offers: [
      offer('P2', day('2026-03-01', 0), 6, 'declined', 'outside_scope'),
      offer('P3', day('2026-03-01', 0, 10), 24, 'declined', 'no_capacity'),
    ],
    followUps: [],
  },
  {
    referralId: 'R6',
    jurisdiction: 'north',
    source: 'court',
    status: 'completed',
    submittedAt: day('2026-03-20', 0),
    partnerId: 'P2',
    firstContactAt: day('2026-03-20', 3),
    acceptedAt: day('2026-03-20', 2),
    firstDialogueAt: day('2026-03-20', 8),
    case: caseOf({
      concluded: { agreementReached: true, reasonCode: null },
      agreement: {
        terms: [restitution('5000', '5000', 'JPY'), { ...common, id: 'a', kind: 'apology_letter', fulfilled: true }],
        result: 'completed',
      },
    }),
    offers: [offer('P2', day('2026-03-20', 0), 8, 'accepted')],
    followUps: [{ offsetMonths: 6, reoffended: false }],
  },
];

import type { CommunityServiceTerm, CompletionTerm, RestitutionTerm } from './term';

export const PARTICIPANTS = ['p-harmed', 'p-responsible'];
export const TODAY = '2026-04-10';

export const restitution = (paid = '0.00', amount = '300.00'): RestitutionTerm => ({
  id: 'r1',
  kind: 'restitution',
  dueBy: '2026-06-30',
  fulfilled: false,
  overdueFlagged: false,
  amount: { amount, currency: 'EUR' },
  recipient: 'harmed',
  paid: { amount: paid, currency: 'EUR' },
});

export const service = (hoursDone = 0, hours = 20): CommunityServiceTerm => ({
  id: 'c1',
  kind: 'community_service',
  dueBy: '2026-06-30',
  fulfilled: false,
  overdueFlagged: false,
  hours,
  hoursDone,
});

export const apology = (): CompletionTerm => ({
  id: 'a1',
  kind: 'apology_letter',
  dueBy: '2026-05-01',
  fulfilled: false,
  overdueFlagged: false,
});

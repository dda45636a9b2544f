import type { ReferralStatus } from '../events/vocabulary';
import { isOpen, isTerminal, rankOf } from './referral-status-rank';

/** The event fields the status machine reads; everything else is ignored. */
export interface StatusEventData {
  /** referral.screened */
  outcome?: unknown;
  /** referral.reviewed */
  decision?: unknown;
}

/**
 * The referral status that follows an event (api.md, Referral status):
 *   referral.screened  → ineligible | needs_review | matching   (only from submitted)
 *   referral.reviewed  → matching | ineligible                   (from needs_review; from
 *                        ineligible only an admin's override → matching)
 *   offer.made → offered; offer.accepted → assigned; first session.completed → in_progress;
 *   case.completed → completed; case.returned → returned; referral.unmatched → unmatched;
 *   referral.withdrawn → withdrawn (final).
 *
 * Events come from several topics, which Kafka does not order among each other, so a late
 * event must never move a referral back: a stale offer.made after offer.accepted leaves it
 * assigned; a second session.completed leaves it in_progress. An offer.made after an
 * offer.declined (the next candidate) keeps it offered. A downstream event may skip steps it
 * proves happened (an offer.accepted seen before its offer.made): only matching's work on an
 * eligible referral produces it. Every other event leaves the status as it is.
 */
export function nextReferralStatus(
  current: ReferralStatus,
  eventType: string,
  data: StatusEventData = {},
): ReferralStatus {
  switch (eventType) {
    case 'referral.screened':
      return current === 'submitted' ? (statusOfScreening(data.outcome) ?? current) : current;
    case 'referral.reviewed':
      return afterReview(current, data.decision);
    case 'offer.made':
      return advance(current, 'offered');
    case 'offer.accepted':
      return advance(current, 'assigned');
    case 'session.completed':
      return advance(current, 'in_progress');
    case 'case.completed':
      return advance(current, 'completed');
    case 'case.returned':
      return advance(current, 'returned');
    case 'referral.unmatched':
      // No candidate left: only before a partner accepted. A stale one after acceptance is ignored.
      return isOpen(current) && rankOf(current) <= rankOf('offered') ? 'unmatched' : current;
    case 'referral.withdrawn':
      // Final. Intake emits it only after assertCanWithdraw passed, so the event is the
      // authority: where another topic's case.completed reached a reader first, the withdrawal
      // (decided while the referral was still open in intake) still wins, as it did in intake.
      return 'withdrawn';
    default:
      return current;
  }
}

function statusOfScreening(outcome: unknown): ReferralStatus | undefined {
  if (outcome === 'eligible') return 'matching';
  if (outcome === 'ineligible') return 'ineligible';
  if (outcome === 'needs_review') return 'needs_review';
  return undefined;
}

/**
 * product.md, Screening: a person decides a needs_review screening; only an admin's override
 * lifts an ineligible one (decideReview enforces who). A review after matching began changes
 * nothing: the decision was already taken.
 */
function afterReview(current: ReferralStatus, decision: unknown): ReferralStatus {
  if (current === 'needs_review' || current === 'submitted') {
    if (decision === 'eligible') return 'matching';
    if (decision === 'ineligible') return 'ineligible';
  }
  if (current === 'ineligible' && decision === 'eligible') return 'matching';
  return current;
}

/** Forward only, and never out of a terminal status (ineligible, unmatched, completed, ...). */
function advance(current: ReferralStatus, target: ReferralStatus): ReferralStatus {
  if (isTerminal(current)) return current;
  return rankOf(target) > rankOf(current) ? target : current;
}

import type { EventEnvelope } from '@rj/shared/contracts';

/** The referral of a referral-scoped event (the consumer's envelope check guarantees it is set). */
export function referralIdOf(event: Pick<EventEnvelope, 'type' | 'referralId'>): string {
  if (!event.referralId) throw new Error(`${event.type} arrived without a referralId`);
  return event.referralId;
}

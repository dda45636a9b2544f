import type { EventEnvelope } from '@rj/shared/contracts';
import { referralReducer } from './referral.reducer';
import type { ReferralView } from './referral-view';

export interface FoldOptions {
  /** The state as it stood at this moment: only events that occurred at or before it count. */
  at?: string | Date;
}

/**
 * A referral's state from its events (api.md, audit-ledger `state?at=`). Events are taken in
 * the order they occurred (ties keep the given, ledger order), because the ledger receives
 * topics interleaved in whatever order Kafka delivered them. Undefined when no event counts.
 */
export function foldReferralEvents(
  events: readonly EventEnvelope[],
  options: FoldOptions = {},
): ReferralView | undefined {
  const until = options.at === undefined ? Infinity : new Date(options.at).getTime();
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.occurredAt) }))
    .filter(({ time }) => !(time > until))
    .sort((a, b) => (a.time === b.time || Number.isNaN(a.time - b.time) ? a.index - b.index : a.time - b.time))
    .reduce<ReferralView | undefined>((state, { event }) => referralReducer(state, event), undefined);
}

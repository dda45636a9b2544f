import { Counter, Histogram } from 'prom-client';
import { serviceMetrics } from '@rj/shared/service';

export interface MatchingMetrics {
  /** Offers by what became of them: made, accepted, declined, expired, withdrawn; and unmatched referrals. */
  offers: Counter<'event'>;
  /** Time to rank one referral against the whole registry. */
  rankingSeconds: Histogram;
}

let metrics: MatchingMetrics | undefined;

/** partner-matching's own figures on /metrics, in the process's one registry. */
export function matchingMetrics(): MatchingMetrics {
  if (!metrics) {
    const { registry } = serviceMetrics();
    metrics = {
      offers: new Counter({
        name: 'matching_offer_events_total',
        help: 'Offer events committed, by type',
        labelNames: ['event'] as const,
        registers: [registry],
      }),
      rankingSeconds: new Histogram({
        name: 'matching_ranking_duration_seconds',
        help: 'Time to rank one referral against every registered partner',
        buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
        registers: [registry],
      }),
    };
  }
  return metrics;
}

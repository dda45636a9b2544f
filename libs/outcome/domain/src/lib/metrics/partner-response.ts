import { countBy, median } from './figures';
import { defineMetric } from './metric-definition';

const HOUR_MS = 3_600_000;

/** Expired offers have no answer time; they are counted by the offer statuses, not here. */
export const partnerResponseHours = defineMetric({
  id: 'partnerResponseHours',
  title: 'Partner response time',
  definition:
    "Median, over offers answered (accepted or declined), of the hours (one decimal) from offer.made to the answer. Expired and withdrawn offers are left out. With a partner filter: that partner's offers.",
  compute: ({ offers }) =>
    median(
      offers.flatMap((offer) =>
        offer.answeredAt !== null && (offer.answer === 'accepted' || offer.answer === 'declined')
          ? [(Date.parse(offer.answeredAt) - Date.parse(offer.madeAt)) / HOUR_MS]
          : [],
      ),
      1,
    ),
});

export const declineReasons = defineMetric({
  id: 'declineReasons',
  title: 'Decline reasons',
  definition:
    "Number of declined offers, grouped by the partner's reason code (no_capacity, no_specialist, conflict, outside_scope, other).",
  compute: ({ offers }) =>
    countBy(
      offers.filter((offer) => offer.answer === 'declined'),
      (offer) => offer.declineReason ?? 'other',
    ),
});

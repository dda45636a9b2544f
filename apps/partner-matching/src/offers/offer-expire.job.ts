import { defineJob } from '@rj/shared/jobs';

export type OfferExpirePayload = { offerId: string };

/**
 * Expires an offer at its `expiresAt` (product.md, Timeliness: offers expire). The job id is the
 * offer id, so scheduling it again (the sweep after a Redis loss) never doubles it. A run that
 * comes early (clock drift) fails and retries; one that finds the offer answered does nothing.
 * Completed runs go at once; the offer row is the record.
 */
export const offerExpireJob = defineJob<OfferExpirePayload>({
  name: 'offer.expire',
  queue: 'offer-expiry',
  options: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: ({ offerId }) => offerId,
});

import { Clock } from '@rj/shared/service';
import { Injectable } from '@nestjs/common';
import type { JobContext } from '@rj/shared/jobs';
import { OfferFlow } from './offer-flow.service';
import type { OfferExpirePayload } from './offer-expire.job';

export class OfferNotYetDue extends Error {
  override readonly name = 'OfferNotYetDue';
}

/** Runs the `offer.expire` job: expires the offer at its deadline unless it was answered first. */
@Injectable()
export class OfferExpiryProcessor {
  constructor(
    private readonly flow: OfferFlow,
    private readonly clock: Clock,
  ) {}

  async run({ offerId }: OfferExpirePayload, _context: JobContext): Promise<void> {
    const outcome = await this.flow.expire(offerId, this.clock.now());
    // Early by a clock's drift: fail, and BullMQ tries again after its backoff.
    if (outcome === 'not_due') throw new OfferNotYetDue(`offer ${offerId} is not due yet`);
  }
}

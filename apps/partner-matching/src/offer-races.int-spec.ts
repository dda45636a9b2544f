import { randomBytes } from 'node:crypto';
import type { Principal } from '@rj/shared/auth';
import { RuleViolation, type EventEnvelope } from '@rj/shared/contracts';
import { eventually } from '@rj/shared/testing';
import { OfferFlow } from './offers/offer-flow.service';
import { OffersService } from './offers/offers.service';
import {
  caseCompleted,
  MatchingHarness,
  startMatchingHarness,
  referralScreened,
  referralSubmitted,
} from './test/matching-harness';

const area = () => `R-${randomBytes(3).toString('hex').toUpperCase()}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const ruleOf = (reason: unknown) => (reason instanceof RuleViolation ? reason.rule : String(reason));

/**
 * product.md, Offer; issue #4, Races: accept and expiry at the same moment have exactly one
 * winner; concurrent accepts never take a partner beyond its capacity; a redelivered event never
 * makes a second offer (offer-flow.int-spec). Many rounds each, against the real Postgres.
 */
describe('partner-matching: offer races', () => {
  let kit: MatchingHarness;

  beforeAll(async () => {
    kit = await startMatchingHarness();
  });

  afterAll(() => kit?.close());

  /** Submits `count` eligible referrals in `jurisdiction` at once and returns their pending offers. */
  async function offersFor(jurisdiction: string, count: number) {
    const submitted = range(count).map(() => referralSubmitted({ jurisdiction }));
    await kit.publish(...submitted.flatMap((event) => [event, referralScreened(event.referralId!)]));
    return Promise.all(submitted.map((event) => kit.pendingOffer(event.referralId!)));
  }

  async function offerEvents(offerId: string): Promise<string[]> {
    const rows: { payload: EventEnvelope }[] = await kit.service.dataSource.query(
      `select payload from outbox where payload->'data'->>'offerId' = $1 order by seq`,
      [offerId],
    );
    return rows.map((row) => row.payload.type);
  }

  it('settles accept against expiry at the deadline with exactly one winner, round after round', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: 1000 });
    const principal: Principal = { sub: 'racer', role: 'partner_admin', org: partner.id, name: 'racer' };
    const offers = kit.get(OffersService);
    const flow = kit.get(OfferFlow);
    const ROUNDS = 40;
    const pending = await offersFor(jurisdiction, ROUNDS);

    // Each round: an accept made 1 ms before the deadline and the expiry at the deadline both
    // reach the database together (odd rounds start the expiry first).
    const rounds = await Promise.all(
      pending.map(async (offer, round) => {
        const deadline = offer.expiresAt.getTime();
        const accept = () => offers.accept(principal, offer.id, new Date(deadline - 1));
        const expire = () => flow.expire(offer.id, new Date(deadline));
        const [accepted, expired] =
          round % 2
            ? (await Promise.allSettled([expire(), accept()])).reverse()
            : await Promise.allSettled([accept(), expire()]);
        return { offer, accepted, expired };
      }),
    );

    let acceptedCount = 0;
    let expiredCount = 0;
    for (const { offer, accepted, expired } of rounds) {
      expect(expired.status).toBe('fulfilled');
      const expiryWon = expired.status === 'fulfilled' && expired.value === 'expired';
      if (accepted.status === 'fulfilled') {
        expect(expiryWon).toBe(false);
        expect(expired).toEqual({ status: 'fulfilled', value: 'already_resolved' });
        expect(await kit.offerStatus(offer.id)).toBe('accepted');
        expect(await offerEvents(offer.id)).toEqual(['offer.made', 'offer.accepted']);
        acceptedCount++;
      } else {
        expect(expiryWon).toBe(true);
        expect(ruleOf(accepted.reason)).toBe('offer_already_answered');
        expect(await kit.offerStatus(offer.id)).toBe('expired');
        expect(await offerEvents(offer.id)).toEqual(['offer.made', 'offer.expired']);
        expiredCount++;
      }
    }
    expect(acceptedCount + expiredCount).toBe(ROUNDS);
    expect(await kit.openCases(partner.id)).toBe(acceptedCount);
    // Both sides won some rounds: the race really was run both ways.
    expect(acceptedCount).toBeGreaterThan(0);
    expect(expiredCount).toBeGreaterThan(0);
  });

  it('has one winner when a partner answers over HTTP just as the real expiry job fires', async () => {
    const jurisdiction = area();
    // 0.0008 h = 2.88 s: BullMQ's delayed job fires at the deadline.
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: 1000, responseHours: 0.0008 });
    const token = kit.partnerToken(partner.id);
    const pending = await offersFor(jurisdiction, 12);
    const answers = await Promise.all(
      pending.map(async (offer, i) => {
        // From 20 ms before to 20 ms after the deadline.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, offer.expiresAt.getTime() - Date.now() + (i % 5) * 10 - 20)),
        );
        return kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token });
      }),
    );
    for (const [i, offer] of pending.entries()) {
      const status = await eventually(async () => {
        const current = await kit.offerStatus(offer.id);
        return current !== 'pending' && current;
      });
      if (answers[i].status === 200) {
        expect(status).toBe('accepted');
        expect(await offerEvents(offer.id)).toEqual(['offer.made', 'offer.accepted']);
      } else {
        expect(answers[i]).toMatchObject({
          status: 409,
          body: { rule: expect.stringMatching(/^offer_(expired|already_answered)$/) },
        });
        expect(status).toBe('expired');
        expect(await offerEvents(offer.id)).toEqual(['offer.made', 'offer.expired']);
      }
    }
    expect(await kit.openCases(partner.id)).toBe(answers.filter((a) => a.status === 200).length);
  });

  it('never lets concurrent accepts take a partner beyond its capacity, round after round', async () => {
    const jurisdiction = area();
    const CAPACITY = 3;
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: CAPACITY });
    const token = kit.partnerToken(partner.id);
    for (let round = 0; round < 6; round++) {
      const pending = await offersFor(jurisdiction, 8);
      const answers = await Promise.all(
        pending.map((offer) => kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token })),
      );
      const won = answers
        .map((answer, i) => ({ answer, offer: pending[i] }))
        .filter(({ answer }) => answer.status === 200);
      expect(won).toHaveLength(CAPACITY);
      for (const answer of answers.filter((a) => a.status !== 200))
        expect(answer).toMatchObject({ status: 409, body: { rule: 'partner_capacity' } });
      expect(await kit.openCases(partner.id)).toBe(CAPACITY);
      const [{ count }] = await kit.service.dataSource.query(
        `select count(*)::int as count from partner_assignment where partner_id = $1 and active`,
        [partner.id],
      );
      expect(count).toBe(CAPACITY);

      // The cases end: capacity comes back for the next round.
      await kit.publish(...won.map(({ offer }) => caseCompleted(offer.referralId, offer.id)));
      await eventually(async () => (await kit.openCases(partner.id)) === 0, 60_000, 'capacity freed');
    }
  });

  it('accepts one offer once, however many accepts race for it', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: 10 });
    const token = kit.partnerToken(partner.id);
    for (let round = 0; round < 5; round++) {
      const [offer] = await offersFor(jurisdiction, 1);
      const answers = await Promise.all(
        range(6).map(() => kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token })),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200))
        expect(answer).toMatchObject({ status: 409, body: { rule: 'offer_already_answered' } });
      expect(await offerEvents(offer.id)).toEqual(['offer.made', 'offer.accepted']);
    }
    expect(await kit.openCases(partner.id)).toBe(5);
  });
});

import { randomBytes } from 'node:crypto';
import {
  buildEvent,
  MediatorPracticeVerified,
  MediatorUpdated,
  uuidv7,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { eventually } from '@rj/shared/testing';
import {
  caseCompleted,
  caseConcluded,
  caseOpened,
  MatchingHarness,
  startMatchingHarness,
  PARTY_NAMES,
  referralOverridden,
  referralScreened,
  referralSubmitted,
  referralWithdrawn,
} from './test/matching-harness';

/** Each test matches in an area of its own, so partners registered by other tests never compete. */
const area = () => `T-${randomBytes(3).toString('hex').toUpperCase()}`;
const types = (events: EventEnvelope[]) => events.map((e) => e.type);
const dataOf = (event: EventEnvelope) => event.data as Record<string, any>;
/** mediation-scheduling's word that an admin verified a mediator's specialist credential (issue 22). */
const specialistVerified = (partnerId: string, expiresOn?: string) =>
  buildEvent(MediatorPracticeVerified, {
    aggregateId: `mediator-${partnerId.slice(-8)}`,
    referralId: null,
    actor: { sub: 'admin-1', role: 'admin', org: null },
    correlationId: uuidv7(),
    causationId: null,
    data: {
      recordId: uuidv7(),
      mediatorId: `mediator-${partnerId.slice(-8)}`,
      partnerId,
      recordType: 'credential',
      kind: 'specialist_dv_sv',
      offenseCategories: ['domestic_violence'],
      ...(expiresOn ? { expiresOn } : {}),
    },
  });

describe('partner-matching: matching and offers (product.md steps 3-4)', () => {
  let kit: MatchingHarness;

  beforeAll(async () => {
    kit = await startMatchingHarness();
  });

  afterAll(() => kit?.close());

  it('offers an eligible referral to the best partner and mails its contact without a name', async () => {
    const jurisdiction = area();
    const best = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'ar'],
      contact: { email: 'intake@best.example' },
    });
    await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl'],
      contact: { email: 'intake@second.example' },
    });
    const elsewhere = await kit.registerPartner({ jurisdictions: ['NL-ZH'], languages: ['nl', 'ar'] });

    const { referralId } = await kit.eligibleReferral({ jurisdiction, languages: ['nl', 'ar'], hasMinor: true });
    const made = await kit.waitForEvent(referralId, (e) => e.type === 'offer.made');
    expect(dataOf(made)).toMatchObject({ partnerId: best.id, rank: 1 });
    const computed = (await kit.emitted(referralId)).find((e) => e.type === 'match.computed')!;
    expect(dataOf(computed).candidates[0]).toMatchObject({
      partnerId: best.id,
      reasons: expect.arrayContaining(['language_match:2_of_2']),
    });
    expect(dataOf(computed).excluded).toContainEqual({ partnerId: elsewhere.id, reasons: ['jurisdiction_not_served'] });
    expect(dataOf(computed).weightsVersion).toBe(1);

    const mail = await kit.smtp.waitFor((m) => m.to.includes('intake@best.example'), 60_000);
    expect(mail.subject).toContain(`assault (misdemeanor) in ${jurisdiction}`);
    expect(mail.text).toContain(`Offer: ${dataOf(made).offerId}`);
    expect(mail.text).toContain('A party is a minor: yes');
    for (const name of PARTY_NAMES) expect(mail.raw).not.toContain(name);
    expect(mail.raw).not.toMatch(/pii:1:/);
    expect(kit.smtp.messages.some((m) => m.to.includes('intake@second.example'))).toBe(false);

    // The partner's view: attributes only.
    const offers = await kit.service.request('GET', '/api/offers?status=pending', { token: kit.partnerToken(best.id) });
    expect(offers.status).toBe(200);
    expect(offers.body.items).toEqual([
      {
        id: dataOf(made).offerId,
        referralId,
        status: 'pending',
        offenseCategory: 'assault',
        severity: 'misdemeanor',
        jurisdiction,
        languages: ['nl', 'ar'],
        hasMinor: true,
        madeAt: expect.any(String),
        expiresAt: dataOf(made).expiresAt,
        resolvedAt: null,
        declineReasonCode: null,
      },
    ]);
    for (const name of PARTY_NAMES) expect(JSON.stringify(offers.body)).not.toContain(name);
  });

  it('offers the next candidate when a partner declines, and records the reason', async () => {
    const jurisdiction = area();
    const first = await kit.registerPartner({ jurisdictions: [jurisdiction], languages: ['nl', 'en'] });
    const second = await kit.registerPartner({ jurisdictions: [jurisdiction], languages: ['nl'] });
    const { referralId } = await kit.eligibleReferral({ jurisdiction, languages: ['nl', 'en'] });
    const offer = await kit.pendingOffer(referralId);
    expect(offer.partnerId).toBe(first.id);

    const declined = await kit.service.request('POST', `/api/offers/${offer.id}/decline`, {
      token: kit.partnerToken(first.id),
      body: { reasonCode: 'no_capacity' },
    });
    expect(declined).toMatchObject({ status: 200, body: { status: 'declined', declineReasonCode: 'no_capacity' } });
    const next = await kit.waitForEvent(
      referralId,
      (e) => e.type === 'offer.made' && dataOf(e).partnerId === second.id,
    );
    expect(dataOf(next).rank).toBe(2);
    expect(types(await kit.emitted(referralId))).toEqual([
      'match.computed',
      'offer.made',
      'offer.declined',
      'offer.made',
    ]);

    const again = await kit.service.request('POST', `/api/offers/${offer.id}/accept`, {
      token: kit.partnerToken(first.id),
    });
    expect(again).toMatchObject({ status: 409, body: { rule: 'offer_already_answered' } });
  });

  it('expires an unanswered offer, offers the next, and returns the referral unmatched when none is left', async () => {
    const jurisdiction = area();
    // 0.0005 h = 1.8 s: the real BullMQ delayed job expires each offer.
    const first = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'en'],
      responseHours: 0.0005,
    });
    const second = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl'],
      responseHours: 0.0005,
    });
    const { referralId } = await kit.eligibleReferral({ jurisdiction, languages: ['nl', 'en'] });

    const unmatched = await kit.waitForEvent(referralId, (e) => e.type === 'referral.unmatched');
    const events = await kit.emitted(referralId);
    expect(types(events)).toEqual([
      'match.computed',
      'offer.made',
      'offer.expired',
      'offer.made',
      'offer.expired',
      'referral.unmatched',
    ]);
    expect(events.filter((e) => e.type === 'offer.made').map((e) => dataOf(e).partnerId)).toEqual([
      first.id,
      second.id,
    ]);
    expect(
      events.filter((e) => e.type === 'offer.expired').every((e) => e.actor.sub === 'system:partner-matching'),
    ).toBe(true);
    expect(dataOf(unmatched)).toMatchObject({ offersMade: 2 });
    // The expiry is caused by the offer it ends, in the same correlation.
    const [made, expired] = [events[1], events[2]];
    expect(expired).toMatchObject({ causationId: made.id, correlationId: made.correlationId });

    const late = await kit.service.request('POST', `/api/offers/${dataOf(made).offerId}/accept`, {
      token: kit.partnerToken(first.id),
    });
    expect(late).toMatchObject({ status: 409, body: { rule: 'offer_already_answered' } });
  });

  it('returns a referral nobody can take unmatched at once', async () => {
    const { referralId } = await kit.eligibleReferral({ jurisdiction: area() });
    const unmatched = await kit.waitForEvent(referralId, (e) => e.type === 'referral.unmatched');
    expect(dataOf(unmatched)).toMatchObject({ offersMade: 0 });
    expect(await kit.offers(referralId)).toEqual([]);
  });

  it('withdraws the open offer when the referral is withdrawn, and makes no further offer', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction] });
    await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const { referralId, officeId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);

    await kit.publish(referralWithdrawn(referralId, officeId));
    const withdrawn = await kit.waitForEvent(referralId, (e) => e.type === 'offer.withdrawn');
    expect(dataOf(withdrawn)).toEqual({ offerId: offer.id, partnerId: offer.partnerId });
    expect(await kit.offerStatus(offer.id)).toBe('withdrawn');
    const refused = await kit.service.request('POST', `/api/offers/${offer.id}/accept`, {
      token: kit.partnerToken(offer.partnerId),
    });
    expect(refused).toMatchObject({ status: 409, body: { rule: 'offer_already_answered' } });
    expect(types(await kit.emitted(referralId))).toEqual(['match.computed', 'offer.made', 'offer.withdrawn']);
    expect(partner.id).toBeDefined();
  });

  it('matches an overridden exclusion only to a partner an admin approved for the category that has a mediator with a valid specialist credential', async () => {
    const jurisdiction = area();
    // The generalist speaks both languages and would rank first if specialists were not required.
    const generalist = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'pl'],
      offenseCategories: ['domestic_violence'],
    });
    const specialist = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl'],
      offenseCategories: ['domestic_violence'],
      specialties: ['domestic_violence'],
    });
    // Approved too, and a better language match, but its specialist's credential expired yesterday; another has none at all.
    const lapsed = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'pl'],
      offenseCategories: ['domestic_violence'],
      specialties: ['domestic_violence'],
    });
    const uncredentialed = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'pl'],
      offenseCategories: ['domestic_violence'],
      specialties: ['domestic_violence'],
    });
    // And one whose only specialist was deactivated after the verification.
    const deactivated = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      languages: ['nl', 'pl'],
      offenseCategories: ['domestic_violence'],
      specialties: ['domestic_violence'],
    });
    const yesterday = new Date(Date.now() - 36 * 3600_000).toISOString().slice(0, 10);
    const mediatorOf = (partnerId: string) => `mediator-${partnerId.slice(-8)}`;
    const leaves = buildEvent(MediatorUpdated, {
      aggregateId: mediatorOf(deactivated.id),
      referralId: null,
      actor: { sub: 'partner-admin-1', role: 'partner_admin', org: deactivated.id },
      correlationId: uuidv7(),
      causationId: null,
      data: {
        mediatorId: mediatorOf(deactivated.id),
        partnerId: deactivated.id,
        fullName: 'Dee Departed',
        contact: { email: 'dee@partner.example' },
        specialties: [],
        active: false,
      },
    });
    const credentials = [
      specialistVerified(specialist.id),
      specialistVerified(lapsed.id, yesterday),
      specialistVerified(generalist.id),
      specialistVerified(deactivated.id),
      leaves,
    ];
    await kit.publish(...credentials);
    await kit.applied(...credentials);
    const submitted = referralSubmitted({ jurisdiction, category: 'domestic_violence', languages: ['nl', 'pl'] });
    const referralId = submitted.referralId!;
    const ineligible = referralScreened(referralId, 'ineligible');
    await kit.publish(submitted, ineligible);
    // Ineligible: nothing happens until an admin overrides.
    await kit.applied(submitted, ineligible);
    expect(await kit.emitted(referralId)).toEqual([]);

    await kit.publish(referralOverridden(referralId, 'domestic_violence'));
    const made = await kit.waitForEvent(referralId, (e) => e.type === 'offer.made');
    expect(dataOf(made).partnerId).toBe(specialist.id);
    const computed = (await kit.emitted(referralId)).find((e) => e.type === 'match.computed')!;
    expect(dataOf(computed).excluded).toContainEqual({ partnerId: generalist.id, reasons: ['specialist_required'] });
    expect(dataOf(computed).excluded).toContainEqual({ partnerId: lapsed.id, reasons: ['specialist_required'] });
    expect(dataOf(computed).excluded).toContainEqual({
      partnerId: uncredentialed.id,
      reasons: ['specialist_required'],
    });
    expect(dataOf(computed).excluded).toContainEqual({ partnerId: deactivated.id, reasons: ['specialist_required'] });
  });

  it('never makes a second offer for a redelivered or repeated eligible decision', async () => {
    const jurisdiction = area();
    await kit.registerPartner({ jurisdictions: [jurisdiction] });
    await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const submitted = referralSubmitted({ jurisdiction });
    const referralId = submitted.referralId!;
    const screened = referralScreened(referralId);
    // Kafka redelivers the same event; and a second eligible decision arrives too.
    const repeated = referralScreened(referralId);
    const overridden = referralOverridden(referralId, 'assault');
    await kit.publish(submitted, screened, screened, submitted, repeated, overridden);
    await kit.pendingOffer(referralId);
    await kit.applied(submitted, screened, repeated, overridden);
    expect(types(await kit.emitted(referralId))).toEqual(['match.computed', 'offer.made']);
    expect(await kit.offers(referralId)).toHaveLength(1);
  });

  /** The events of this referral parked in the backbone's pending_event, waiting for its submission. */
  async function parkedFor(referralId: string): Promise<string[]> {
    const rows: { event_id: string }[] = await kit.service.dataSource.query(
      'select event_id from pending_event where ordering_key = $1 and waiting_for = $2 order by seq',
      [referralId, `referral:${referralId}`],
    );
    return rows.map((row) => row.event_id);
  }

  it('parks a screening that overtook its submission, and matches once the submission arrives', async () => {
    const jurisdiction = area();
    await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const submitted = referralSubmitted({ jurisdiction });
    const referralId = submitted.referralId!;
    const screened = referralScreened(referralId);
    await kit.publish(screened);
    await eventually(async () => (await parkedFor(referralId)).length > 0);
    expect(await kit.emitted(referralId)).toEqual([]);
    await kit.publish(submitted);
    const computed = await kit.waitForEvent(referralId, (e) => e.type === 'match.computed');
    expect(computed).toMatchObject({ causationId: screened.id, correlationId: screened.correlationId });
    await kit.waitForEvent(referralId, (e) => e.type === 'offer.made');
    expect(await parkedFor(referralId)).toEqual([]);
  });

  it('stops a referral withdrawn before its submission arrived', async () => {
    const jurisdiction = area();
    await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const submitted = referralSubmitted({ jurisdiction });
    const referralId = submitted.referralId!;
    const early = [referralScreened(referralId), referralWithdrawn(referralId)];
    await kit.publish(...early);
    // The withdrawal waits behind the screening, in their order.
    await eventually(async () => (await parkedFor(referralId)).join() === early.map((e) => e.id).join());
    await kit.publish(submitted);
    await eventually(
      async () =>
        (
          await kit.service.dataSource.query('select 1 from referral where id = $1 and withdrawn_at is not null', [
            referralId,
          ])
        ).length > 0,
    );
    // Screened (eligible) came first, so it was matched and offered, then withdrawn, in that order.
    expect(types(await kit.emitted(referralId))).toEqual(['match.computed', 'offer.made', 'offer.withdrawn']);
  });

  it('counts an accepted referral against the partner until its case ends, once', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: 1 });
    const { referralId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);
    const accepted = await kit.service.request('POST', `/api/offers/${offer.id}/accept`, {
      token: kit.partnerToken(partner.id),
    });
    expect(accepted).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(await kit.waitForEvent(referralId, (e) => e.type === 'offer.accepted')).toMatchObject({
      actor: { role: 'partner_admin', org: partner.id },
    });
    expect(await kit.openCases(partner.id)).toBe(1);

    // Full: the next referral finds no partner with free capacity.
    const { referralId: second } = await kit.eligibleReferral({ jurisdiction });
    const computed = await kit.waitForEvent(second, (e) => e.type === 'match.computed');
    expect(dataOf(computed).excluded).toContainEqual({ partnerId: partner.id, reasons: ['no_free_capacity'] });
    expect(dataOf(computed).candidates).toEqual([]);

    // The case opens, ends (concluded, then completed: released once), and the load drops.
    const caseId = uuidv7();
    const endings = [
      caseOpened(referralId, partner.id, offer.id, caseId),
      caseConcluded(referralId, caseId),
      caseCompleted(referralId, caseId),
    ];
    await kit.publish(...endings);
    await eventually(async () => (await kit.openCases(partner.id)) === 0);
    await kit.applied(...endings);
    expect(await kit.openCases(partner.id)).toBe(0);
    const [assignment] = await kit.service.dataSource.query(
      'select case_id, active, release_reason from partner_assignment where referral_id = $1',
      [referralId],
    );
    // Two topics, no order between them: whichever ending came first released it.
    expect(assignment).toEqual({
      case_id: caseId,
      active: false,
      release_reason: expect.stringMatching(/^case_(concluded|completed)$/),
    });
  });

  it('frees the capacity of an accepted referral when it is withdrawn', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction], capacity: 2 });
    const { referralId, officeId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);
    expect(
      (await kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token: kit.partnerToken(partner.id) }))
        .status,
    ).toBe(200);
    expect(await kit.openCases(partner.id)).toBe(1);
    await kit.publish(referralWithdrawn(referralId, officeId));
    await eventually(async () => (await kit.openCases(partner.id)) === 0);
    expect(types(await kit.emitted(referralId))).toEqual(['match.computed', 'offer.made', 'offer.accepted']);
  });

  it('never shows a partner another partner\u2019s offers (404), nor lets it answer them', async () => {
    const jurisdiction = area();
    const owner = await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const other = await kit.registerPartner({ jurisdictions: ['NL-ZZ'] });
    const { referralId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);
    const token = kit.partnerToken(other.id);
    expect((await kit.service.request('GET', `/api/offers/${offer.id}`, { token })).status).toBe(404);
    expect((await kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token })).status).toBe(404);
    expect(
      (await kit.service.request('POST', `/api/offers/${offer.id}/decline`, { token, body: { reasonCode: 'other' } }))
        .status,
    ).toBe(404);
    expect((await kit.service.request('GET', '/api/offers', { token })).body.items).toEqual([]);
    expect(await kit.offerStatus(offer.id)).toBe('pending');
    expect(
      (await kit.service.request('GET', `/api/offers/${offer.id}`, { token: kit.partnerToken(owner.id) })).status,
    ).toBe(200);
    // Roles that never answer offers: 403.
    expect(
      (await kit.service.request('GET', '/api/offers', { token: kit.service.token('prosecutor', uuidv7()) })).status,
    ).toBe(403);
    expect(
      (await kit.service.request('POST', `/api/offers/${offer.id}/accept`, { token: kit.adminToken })).status,
    ).toBe(403);
  });

  it('refuses an unknown decline reason with a 400 naming the field', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const { referralId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);
    const response = await kit.service.request('POST', `/api/offers/${offer.id}/decline`, {
      token: kit.partnerToken(partner.id),
      body: { reasonCode: 'too busy, sorry' },
    });
    expect(response).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'reasonCode' })] },
    });
  });

  it('shows the whole match to the owning office, auditors and admins, and to no other office', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const { referralId, officeId } = await kit.eligibleReferral({ jurisdiction });
    const offer = await kit.pendingOffer(referralId);
    const path = `/api/referrals/${referralId}/match`;

    const own = await kit.service.request('GET', path, { token: kit.service.token('prosecutor', officeId) });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      referralId,
      status: 'offering',
      weightsVersion: 1,
      candidates: [{ rank: 1, partnerId: partner.id, score: expect.any(Number), reasons: expect.any(Array) }],
      offers: [{ id: offer.id, partnerId: partner.id, rank: 1, status: 'pending' }],
    });
    // Every other registered partner of this suite is listed as excluded, with why.
    expect(own.body.excluded.length).toBeGreaterThan(0);
    expect(own.body.excluded.every((e: { reasons: string[] }) => e.reasons.length > 0)).toBe(true);

    expect((await kit.service.request('GET', path, { token: kit.service.token('auditor') })).status).toBe(200);
    expect((await kit.service.request('GET', path, { token: kit.adminToken })).status).toBe(200);
    expect((await kit.service.request('GET', path, { token: kit.service.token('prosecutor', uuidv7()) })).status).toBe(
      404,
    );
    expect((await kit.service.request('GET', path, { token: kit.partnerToken(partner.id) })).status).toBe(403);
    expect(
      (await kit.service.request('GET', `/api/referrals/${uuidv7()}/match`, { token: kit.adminToken })).status,
    ).toBe(404);
    expect((await kit.service.request('GET', path)).status).toBe(401);

    const weights = await kit.service.request('GET', '/api/ranking-weights', { token: kit.service.token('auditor') });
    expect(weights.body.items[0]).toMatchObject({ version: 1, language: 4, specialty: 2, load: 2, responseTime: 1 });
  });
});

import { randomBytes } from 'node:crypto';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { MatchingHarness, startMatchingHarness } from './test/matching-harness';

const registration = {
  name: 'Herstelbemiddeling Noord',
  jurisdictions: ['NL-NH', 'NL-FL'],
  offenseCategories: ['assault', 'property_damage'],
  languages: ['nl', 'en'],
  servesMinors: true,
  capacity: 10,
  responseHours: 0.01,
  specialties: ['assault'],
};

describe('partner-matching: the partner registry', () => {
  let kit: MatchingHarness;
  const partnerEvents = async (partnerId: string): Promise<EventEnvelope[]> =>
    (await kit.emitted()).filter((event) => event.aggregateId === partnerId);

  beforeAll(async () => {
    kit = await startMatchingHarness();
  });

  afterAll(() => kit?.close());

  it('lets an admin register a partner, whose id its partner_admin signs in with', async () => {
    const created = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: { ...registration, contact: { email: 'intake@noord.example' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...registration,
      id: expect.any(String),
      active: true,
      openCases: 0,
      contact: { email: 'intake@noord.example' },
      typicalResponseHours: null,
    });
    const [event] = await partnerEvents(created.body.id);
    expect(event).toMatchObject({
      type: 'partner.registered',
      referralId: null,
      actor: { sub: 'admin-1', role: 'admin' },
      data: { ...registration, partnerId: created.body.id, active: true, contact: { email: 'intake@noord.example' } },
    });

    const own = await kit.service.request('GET', `/api/partners/${created.body.id}`, {
      token: kit.partnerToken(created.body.id),
    });
    expect(own).toMatchObject({ status: 200, body: { id: created.body.id, name: registration.name } });
    const list = await kit.service.request('GET', '/api/partners', { token: kit.partnerToken(created.body.id) });
    expect(list.body).toEqual({ items: [expect.objectContaining({ id: created.body.id })], nextCursor: null });
  });

  it('answers a repeated create with the same Idempotency-Key once, and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': `partner-${uuidv7()}` };
    const first = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: registration,
      headers,
    });
    const again = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: { ...registration },
      headers,
    });
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 201, body: first.body, headers: expect.anything() });
    expect(await partnerEvents(first.body.id)).toHaveLength(1);
    const other = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: { ...registration, capacity: 3 },
      headers,
    });
    expect(other.status).toBe(409);

    // Concurrent twins: one partner.
    const twinHeaders = { 'idempotency-key': `twin-${uuidv7()}` };
    const twins = await Promise.all(
      Array.from({ length: 5 }, () =>
        kit.service.request('POST', '/api/partners', {
          token: kit.adminToken,
          body: registration,
          headers: twinHeaders,
        }),
      ),
    );
    // Each twin either gets the one partner (first answer or its replay) or, while the first is
    // still in flight, the shared store's 409 asking it to try again; never a second partner.
    const created = twins.filter((t) => t.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((t) => t.body.id)).size).toBe(1);
    for (const twin of twins.filter((t) => t.status !== 201))
      expect([twin.status, twin.body.rule]).toEqual([409, 'idempotency_key_in_flight']);
    expect(await partnerEvents(created[0].body.id)).toHaveLength(1);
  });

  it('lets a partner_admin keep its own capacity, languages, window, activity and contact, announcing the whole profile', async () => {
    const partner = await kit.registerPartner();
    const token = kit.partnerToken(partner.id);
    const change = {
      capacity: 2,
      languages: ['nl', 'tr'],
      responseHours: 12,
      active: false,
      contact: { email: 'new@partner.example' },
    };
    const patched = await kit.service.request('PATCH', `/api/partners/${partner.id}`, { token, body: change });
    expect(patched).toMatchObject({ status: 200, body: { ...change, deactivatedAt: null } });
    const events = await partnerEvents(partner.id);
    expect(events.map((e) => e.type)).toEqual(['partner.registered', 'partner.updated']);
    expect(events[1]).toMatchObject({
      actor: { role: 'partner_admin', org: partner.id },
      data: { ...change, partnerId: partner.id, name: partner.name, jurisdictions: partner.jurisdictions },
    });

    const cleared = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token,
      body: { contact: null },
    });
    expect(cleared.body.contact).toBeNull();
    expect((await partnerEvents(partner.id)).at(-1)!.data).not.toHaveProperty('contact');

    // The same values again change nothing and announce nothing.
    await kit.service.request('PATCH', `/api/partners/${partner.id}`, { token, body: { capacity: 2 } });
    expect(await partnerEvents(partner.id)).toHaveLength(3);
    // Its own pause it lifts itself.
    expect(
      (await kit.service.request('PATCH', `/api/partners/${partner.id}`, { token, body: { active: true } })).body
        .active,
    ).toBe(true);
  });

  it('leaves specialist status to the admin: a partner_admin changing specialties is a 403 that changes nothing (issue 14, item 9)', async () => {
    const partner = await kit.registerPartner({ specialties: [] });
    const token = kit.partnerToken(partner.id);
    const refused = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token,
      body: { capacity: 3, specialties: ['domestic_violence'] },
    });
    expect(refused).toMatchObject({
      status: 403,
      body: { fields: ['specialties'], detail: expect.stringContaining('Only an admin grants specialist status.') },
    });
    expect((await kit.service.request('GET', `/api/partners/${partner.id}`, { token })).body).toMatchObject({
      specialties: [],
      capacity: 5,
    });
    expect(await partnerEvents(partner.id)).toHaveLength(1);

    const granted = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token: kit.adminToken,
      body: { specialties: ['domestic_violence'] },
    });
    expect(granted).toMatchObject({ status: 200, body: { specialties: ['domestic_violence'] } });
    expect((await partnerEvents(partner.id)).at(-1)).toMatchObject({
      type: 'partner.updated',
      actor: { role: 'admin' },
      data: { specialties: ['domestic_violence'] },
    });
  });

  it('lets an admin deactivate a partner, which only an admin activates again, announcing active in partner.updated', async () => {
    const partner = await kit.registerPartner();
    const token = kit.partnerToken(partner.id);
    const deactivated = await kit.service.request('POST', `/api/partners/${partner.id}/deactivate`, {
      token: kit.adminToken,
    });
    expect(deactivated).toMatchObject({
      status: 200,
      body: { id: partner.id, active: false, deactivatedAt: expect.any(String) },
    });
    expect((await partnerEvents(partner.id)).at(-1)).toMatchObject({
      type: 'partner.updated',
      actor: { sub: 'admin-1', role: 'admin' },
      data: { partnerId: partner.id, active: false },
    });
    expect(
      (await kit.service.request('POST', `/api/partners/${partner.id}/deactivate`, { token: kit.adminToken })).body
        .deactivatedAt,
    ).toBe(deactivated.body.deactivatedAt);
    expect(await partnerEvents(partner.id)).toHaveLength(2);

    const selfActivated = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token,
      body: { active: true },
    });
    expect(selfActivated).toMatchObject({
      status: 403,
      body: { fields: ['active'], detail: 'An admin deactivated this partner; only an admin can activate it again.' },
    });
    expect((await kit.service.request('POST', `/api/partners/${partner.id}/deactivate`, { token })).status).toBe(403);
    expect(
      (
        await kit.service.request('GET', '/api/partners?active=false&limit=100', { token: kit.adminToken })
      ).body.items.map((p: { id: string }) => p.id),
    ).toContain(partner.id);
    expect(
      (
        await kit.service.request('GET', '/api/partners?active=true&limit=100', { token: kit.adminToken })
      ).body.items.map((p: { id: string }) => p.id),
    ).not.toContain(partner.id);

    const activated = await kit.service.request('POST', `/api/partners/${partner.id}/activate`, {
      token: kit.adminToken,
    });
    expect(activated).toMatchObject({ status: 200, body: { active: true, deactivatedAt: null } });
    expect((await partnerEvents(partner.id)).at(-1)).toMatchObject({ type: 'partner.updated', data: { active: true } });
    expect(
      (await kit.service.request('POST', `/api/partners/${uuidv7()}/deactivate`, { token: kit.adminToken })).status,
    ).toBe(404);
    expect((await kit.service.request('GET', '/api/partners?active=maybe', { token: kit.adminToken })).status).toBe(
      400,
    );
  });

  it('offers nothing new to a deactivated partner, refuses its acceptance of an earlier offer, and keeps its history', async () => {
    const jurisdiction = `T-${randomBytes(3).toString('hex').toUpperCase()}`;
    const partner = await kit.registerPartner({ jurisdictions: [jurisdiction] });
    const token = kit.partnerToken(partner.id);
    const { referralId: first } = await kit.eligibleReferral({ jurisdiction });
    const earlier = await kit.pendingOffer(first);
    expect(earlier.partnerId).toBe(partner.id);

    expect(
      (await kit.service.request('POST', `/api/partners/${partner.id}/deactivate`, { token: kit.adminToken })).status,
    ).toBe(200);
    const accepted = await kit.service.request('POST', `/api/offers/${earlier.id}/accept`, { token });
    expect(accepted).toMatchObject({ status: 409, body: { rule: 'partner_inactive' } });
    expect(await kit.offerStatus(earlier.id)).toBe('pending');
    expect(await kit.openCases(partner.id)).toBe(0);

    const { referralId: second } = await kit.eligibleReferral({ jurisdiction });
    await kit.waitForEvent(second, (event) => event.type === 'referral.unmatched');
    const computed = (await kit.emitted(second)).find((event) => event.type === 'match.computed')!;
    expect((computed.data as { excluded: unknown[] }).excluded).toContainEqual({
      partnerId: partner.id,
      reasons: ['inactive'],
    });
    expect(await kit.offers(second)).toEqual([]);

    const history = await kit.service.request('GET', '/api/offers', { token });
    expect(history.body.items.map((offer: { id: string }) => offer.id)).toEqual([earlier.id]);
  });

  it('leaves name, area, categories and minors to the admin (403), and another partner is a 404', async () => {
    const partner = await kit.registerPartner();
    const other = await kit.registerPartner();
    const token = kit.partnerToken(partner.id);
    const refused = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token,
      body: { capacity: 3, jurisdictions: ['NL-ZH'] },
    });
    expect(refused).toMatchObject({ status: 403, body: { fields: ['jurisdictions'] } });
    expect((await kit.service.request('GET', `/api/partners/${partner.id}`, { token })).body.capacity).toBe(5);

    expect((await kit.service.request('GET', `/api/partners/${other.id}`, { token })).status).toBe(404);
    expect(
      (await kit.service.request('PATCH', `/api/partners/${other.id}`, { token, body: { capacity: 0 } })).status,
    ).toBe(404);

    const byAdmin = await kit.service.request('PATCH', `/api/partners/${partner.id}`, {
      token: kit.adminToken,
      body: { jurisdictions: ['NL-ZH'], name: 'Renamed' },
    });
    expect(byAdmin).toMatchObject({ status: 200, body: { jurisdictions: ['NL-ZH'], name: 'Renamed' } });
  });

  it('refuses bad registrations with a 400 naming the fields, and other roles with a 403', async () => {
    const bad = await kit.service.request('POST', '/api/partners', {
      token: kit.adminToken,
      body: { ...registration, responseHours: 0, languages: ['Dutch language'], capacity: -1, unexpected: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['responseHours', 'languages', 'capacity', 'unexpected']),
    );
    expect(
      (
        await kit.service.request('POST', '/api/partners', {
          token: kit.service.token('prosecutor', uuidv7()),
          body: registration,
        })
      ).status,
    ).toBe(403);
    expect(
      (await kit.service.request('POST', '/api/partners', { token: kit.partnerToken(uuidv7()), body: registration }))
        .status,
    ).toBe(403);
    expect((await kit.service.request('POST', '/api/partners', { body: registration })).status).toBe(401);
  });

  it('pages through partners for an admin', async () => {
    for (let i = 0; i < 3; i++) await kit.registerPartner();
    const first = await kit.service.request('GET', '/api/partners?limit=2', { token: kit.adminToken });
    expect(first.body.items).toHaveLength(2);
    const second = await kit.service.request('GET', `/api/partners?limit=2&cursor=${first.body.nextCursor}`, {
      token: kit.adminToken,
    });
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
  });

  it('pages partners and offers at most 200 a page (the shared PageQuery): 201 is a 400 naming limit', async () => {
    const lists: [string, string][] = [
      ['/api/partners', kit.adminToken],
      ['/api/offers', kit.partnerToken(uuidv7())],
    ];
    for (const [path, token] of lists) {
      const most = await kit.service.request('GET', `${path}?limit=200`, { token });
      const over = await kit.service.request('GET', `${path}?limit=201`, { token });
      const fields = over.body.errors?.map((error: { field: string }) => error.field);
      expect([path, most.status, over.status, fields]).toEqual([path, 200, 400, ['limit']]);
    }
  });
});

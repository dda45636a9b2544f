import { uuidv7 } from '@rj/shared/contracts';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';
import { assignMediator } from '../test/case-actors';

const mediator = (sub: string) => ({
  sub,
  fullName: 'Mia Mediator',
  contact: { email: `${sub}@partner.example` },
  specialties: [],
});

describe('a partner administrator keeps its mediators: edit, deactivate, activate', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const request = (method: string, path: string, token: string, body?: unknown) =>
    harness.service.request(method, path, { token, body });
  const eventsOf = async (sub: string) =>
    (await harness.service.dataSource.query(
      `select payload from outbox where event_type = 'mediator.updated' and payload->>'aggregateId' = $1 order by seq`,
      [sub],
    )) as {
      payload: { data: Record<string, unknown>; referralId: string | null };
    }[];

  it('a deactivated mediator keeps their case and history, is proposed for nothing new (409 in words), and can be proposed again once activated', async () => {
    const first = await openCase(harness);
    const second = await openCase(harness, { partnerId: first.partnerId });
    const sub = `mediator-${uuidv7()}`;
    const actors = await assignMediator(harness, first, sub);

    const deactivated = await request('POST', `/api/mediators/${sub}/deactivate`, actors.admin);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ sub, active: false, caseload: 1 });
    expect(Date.parse(deactivated.body.deactivatedAt)).not.toBeNaN();

    const refused = await request('POST', `/api/cases/${second.caseId}/mediators`, actors.admin, { mediatorId: sub });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/^This mediator is deactivated, so they cannot be proposed for a case\./);
    const proposals = (await harness.service.dataSource.query(
      'select count(*)::int as n from case_mediator where case_id = $1',
      [second.caseId],
    )) as { n: number }[];
    expect(proposals[0].n).toBe(0);

    // Their current case stays theirs: they still read it and act on it.
    const own = await request('GET', `/api/cases/${first.caseId}`, actors.mediator);
    expect(own.status).toBe(200);
    expect(own.body.mediators).toEqual([{ mediatorId: sub, declared: true }]);
    const info = await request('POST', `/api/cases/${first.caseId}/information`, actors.mediator, {
      participantId: first.harmedId,
      informationVersion: 'adult-v3',
      language: 'nl',
    });
    expect(info.status).toBe(201);

    // Listed with the state and caseload; the active filter leaves them out.
    const all = await request('GET', '/api/mediators', actors.admin);
    expect(all.body.items).toEqual([expect.objectContaining({ sub, active: false, caseload: 1 })]);
    expect((await request('GET', '/api/mediators?active=true', actors.admin)).body.items).toEqual([]);
    expect(
      (await request('GET', '/api/mediators?active=false', actors.admin)).body.items.map((m: { sub: string }) => m.sub),
    ).toEqual([sub]);

    // Repeating changes nothing and announces nothing.
    expect((await request('POST', `/api/mediators/${sub}/deactivate`, actors.admin)).status).toBe(200);
    expect((await eventsOf(sub)).length).toBe(1);

    const activated = await request('POST', `/api/mediators/${sub}/activate`, actors.admin);
    expect(activated.body).toMatchObject({ active: true, deactivatedAt: null });
    expect(
      (await request('POST', `/api/cases/${second.caseId}/mediators`, actors.admin, { mediatorId: sub })).status,
    ).toBe(201);

    const events = await eventsOf(sub);
    expect(events.map((row) => row.payload.data['active'])).toEqual([false, true]);
    expect(events[0].payload.referralId).toBeNull();
    expect(events[0].payload.data).toEqual({
      mediatorId: sub,
      partnerId: first.partnerId,
      fullName: 'Mia Mediator',
      contact: { email: `${sub}@partner.example` },
      specialties: [],
      active: false,
    });
  });

  it('edits the name, work e-mail and specialties, never the sub, and announces the whole record', async () => {
    const partnerId = uuidv7();
    const admin = harness.service.token('partner_admin', partnerId);
    const sub = `mediator-${uuidv7()}`;
    expect((await request('POST', '/api/mediators', admin, mediator(sub))).status).toBe(201);

    const changed = await request('PATCH', `/api/mediators/${sub}`, admin, {
      fullName: 'Mia Moreno',
      specialties: ['youth'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      sub,
      fullName: 'Mia Moreno',
      contact: { email: `${sub}@partner.example` },
      specialties: ['youth'],
      active: true,
      caseload: 0,
    });
    expect((await request('GET', `/api/mediators/${sub}`, admin)).body.fullName).toBe('Mia Moreno');
    expect((await eventsOf(sub)).map((row) => row.payload.data)).toEqual([
      {
        mediatorId: sub,
        partnerId,
        fullName: 'Mia Moreno',
        contact: { email: `${sub}@partner.example` },
        specialties: ['youth'],
        active: true,
      },
    ]);

    const renamed = await request('PATCH', `/api/mediators/${sub}`, admin, { sub: 'mediator-other' });
    expect(renamed.status).toBe(400);
    const invalid = await request('PATCH', `/api/mediators/${sub}`, admin, {
      fullName: '',
      contact: { email: 'not an address' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contact.email', 'fullName']);
  });

  it('another organisation’s mediator is not found, whatever is asked; other roles are refused', async () => {
    const partnerId = uuidv7();
    const admin = harness.service.token('partner_admin', partnerId);
    const sub = `mediator-${uuidv7()}`;
    expect((await request('POST', '/api/mediators', admin, mediator(sub))).status).toBe(201);
    const stranger = harness.service.token('partner_admin', uuidv7());
    for (const [method, path, body] of [
      ['GET', `/api/mediators/${sub}`, undefined],
      ['PATCH', `/api/mediators/${sub}`, { fullName: 'Impostor' }],
      ['POST', `/api/mediators/${sub}/deactivate`, undefined],
      ['POST', `/api/mediators/${sub}/activate`, undefined],
    ] as const) {
      expect([method, path, (await request(method, path, stranger, body)).status]).toEqual([method, path, 404]);
    }
    const own = harness.service.token('mediator', partnerId, sub);
    expect((await request('POST', `/api/mediators/${sub}/deactivate`, own)).status).toBe(403);
    const [row] = (await harness.service.dataSource.query(
      'select full_name, deactivated_at from mediator where sub = $1',
      [sub],
    )) as { full_name: string; deactivated_at: Date | null }[];
    expect(row).toEqual({ full_name: 'Mia Mediator', deactivated_at: null });
    expect(await eventsOf(sub)).toEqual([]);
  });
});

import { PartnerRegistered, uuidv7 } from '@rj/shared/contracts';
import { sampleEvent } from '@rj/shared/contracts/testing';
import { eventually } from '@rj/shared/testing';
import { qualifyingPractice } from '@rj/scheduling/domain';
import { qualifyMediator } from '../test/practice-records';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

/** Issue 22: a mediator is proposed only with verified credentials, a valid check and the rest; nobody is removed from a case they carry. */
describe('practitioners: credentials and practice behind every proposal', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const request = (method: string, path: string, token: string, body?: unknown) =>
    harness.service.request(method, path, { token, body });
  const admin = () => harness.service.token('admin', null, 'admin-verifier');
  const register = async (partnerAdmin: string, sub = `mediator-${uuidv7()}`) => {
    expect(
      (
        await request('POST', '/api/mediators', partnerAdmin, {
          sub,
          fullName: 'Pat Practitioner',
          contact: { email: `${sub}@partner.example` },
          specialties: [],
        })
      ).status,
    ).toBe(201);
    return sub;
  };
  const propose = (caseId: string, partnerAdmin: string, mediatorId: string) =>
    request('POST', `/api/cases/${caseId}/mediators`, partnerAdmin, { mediatorId });
  /** Records every qualifying record but leaves out the ones `skip` names; verifies the rest unless told not to. */
  const recordAll = async (
    partnerAdmin: string,
    sub: string,
    options: {
      skip?: (path: string, body: Record<string, unknown>) => boolean;
      verify?: boolean;
      change?: (body: Record<string, unknown>) => Record<string, unknown>;
    } = {},
  ) => {
    const ids: string[] = [];
    for (const call of qualifyingPractice()) {
      if (options.skip?.(call.path, call.body as Record<string, unknown>)) continue;
      const body = options.change ? options.change({ ...call.body }) : call.body;
      const recorded = await request('POST', `/api/mediators/${sub}/${call.path}`, partnerAdmin, body);
      expect(recorded.status).toBe(201);
      if (call.verify) ids.push(recorded.body.id);
      if (call.verify && options.verify !== false)
        expect((await request('POST', `/api/practice-records/${recorded.body.id}/verification`, admin())).status).toBe(
          200,
        );
    }
    return ids;
  };

  it('refuses an uncredentialed mediator with every unmet rule in words, and proposes nobody', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const sub = await register(partnerAdmin);
    const refused = await propose(kase.caseId, partnerAdmin, sub);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(
      /^This mediator cannot be proposed for this case\. This mediator has 0 of the 30 hours of verified, unexpired basic mediation training required\./,
    );
    expect(refused.body.unmet).toEqual([
      'basic_mediation_training',
      'restorative_justice_training',
      'background_check',
      'co_facilitation_required',
    ]);
    const rows = (await harness.service.dataSource.query(
      'select count(*)::int as n from case_mediator where case_id = $1',
      [kase.caseId],
    )) as { n: number }[];
    expect(rows[0].n).toBe(0);
  });

  it('refuses a mediator without a background check, and one whose credential expired yesterday', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const unchecked = await register(partnerAdmin);
    await recordAll(partnerAdmin, unchecked, { skip: (path) => path === 'background-checks' });
    const noCheck = await propose(kase.caseId, partnerAdmin, unchecked);
    expect(noCheck.status).toBe(409);
    expect(noCheck.body.unmet).toEqual(['background_check']);
    expect(noCheck.body.detail).toContain('This mediator has no verified background check that is still valid.');

    const expired = await register(partnerAdmin);
    const yesterday = new Date(Date.now() - 36 * 3600_000).toISOString().slice(0, 10);
    await recordAll(partnerAdmin, expired, {
      change: (body) => (body['kind'] === 'basic_mediation' ? { ...body, expiresOn: yesterday } : body),
    });
    const lapsed = await propose(kase.caseId, partnerAdmin, expired);
    expect(lapsed.status).toBe(409);
    expect(lapsed.body.unmet).toEqual(['basic_mediation_training']);
  });

  it('counts a credential only once an admin verified it, after which the mediator is proposed', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    // The programme as partner-matching announces it: the admin's queue names who vouches for the record.
    await harness.send(PartnerRegistered, {
      referralId: null,
      aggregateId: kase.partnerId,
      data: { ...sampleEvent('partner.registered').data, partnerId: kase.partnerId, name: 'Vouching Programme' },
    });
    await eventually(
      async () => {
        const rows = (await harness.service.dataSource.query('select name from partner where id = $1', [
          kase.partnerId,
        ])) as { name: string }[];
        return rows[0]?.name === 'Vouching Programme' ? rows : null;
      },
      60_000,
      'the programme',
    );
    const sub = await register(partnerAdmin);
    const ids = await recordAll(partnerAdmin, sub, { verify: false });
    expect((await propose(kase.caseId, partnerAdmin, sub)).body.unmet).toEqual([
      'basic_mediation_training',
      'restorative_justice_training',
      'background_check',
    ]);

    const queue = await request('GET', '/api/practice-records/unverified?limit=100', admin());
    expect(queue.status).toBe(200);
    expect(
      queue.body.items
        .filter((item: { mediatorId: string }) => item.mediatorId === sub)
        .map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(queue.body.items.find((item: { mediatorId: string }) => item.mediatorId === sub)).toMatchObject({
      mediatorName: 'Pat Practitioner',
      partnerName: 'Vouching Programme',
      verifiedAt: null,
    });

    for (const id of ids) {
      const verified = await request('POST', `/api/practice-records/${id}/verification`, admin());
      expect(verified.status).toBe(200);
      expect(Date.parse(verified.body.verifiedAt)).not.toBeNaN();
    }
    // Verifying again changes nothing and announces nothing.
    expect((await request('POST', `/api/practice-records/${ids[0]}/verification`, admin())).status).toBe(200);
    const verifiedEvents = (await harness.service.dataSource.query(
      `select payload from outbox where event_type = 'mediator.practice_verified' and payload->>'aggregateId' = $1`,
      [sub],
    )) as unknown[];
    expect(verifiedEvents).toHaveLength(ids.length);

    expect((await propose(kase.caseId, partnerAdmin, sub)).status).toBe(201);
    const record = await request('GET', `/api/mediators/${sub}/practice-record`, partnerAdmin);
    expect(record.body.standing).toMatchObject({
      unmet: [],
      mayLead: true,
      coFacilitatedCases: 3,
      openCaseload: 1,
      supervision: { state: 'current' },
    });
  });

  it('proposes a mediator in their first cases only beside an experienced lead', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const novice = await register(partnerAdmin);
    await recordAll(partnerAdmin, novice, {
      skip: (path, body) => path === 'practice' && body['kind'] === 'co_facilitation',
    });
    const alone = await propose(kase.caseId, partnerAdmin, novice);
    expect(alone.status).toBe(409);
    expect(alone.body.detail).toContain(
      'has co-facilitated 0 of the 3 cases needed to lead one; propose an experienced mediator for this case first',
    );
    const lead = await register(partnerAdmin);
    await qualifyMediator(harness, partnerAdmin, lead);
    expect((await propose(kase.caseId, partnerAdmin, lead)).status).toBe(201);
    expect((await propose(kase.caseId, partnerAdmin, novice)).status).toBe(201);
  });

  it('asks for a youth credential and a barred-list check when a party is a minor', async () => {
    const kase = await openCase(harness, { responsibleMinor: true });
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const sub = await register(partnerAdmin);
    await recordAll(partnerAdmin, sub, {
      skip: (path, body) => body['kind'] === 'youth' || body['kind'] === 'barred_list_children',
    });
    expect((await propose(kase.caseId, partnerAdmin, sub)).body.unmet).toEqual([
      'youth_credential',
      'barred_list_check',
    ]);
    const adult = await openCase(harness, { partnerId: kase.partnerId });
    expect((await propose(adult.caseId, partnerAdmin, sub)).status).toBe(201);
  });

  it("keeps a mediator on the case they carry when the jurisdiction's thresholds rise; only new proposals are refused", async () => {
    const first = await openCase(harness);
    const second = await openCase(harness, { partnerId: first.partnerId });
    const partnerAdmin = harness.service.token('partner_admin', first.partnerId);
    const sub = await register(partnerAdmin);
    await qualifyMediator(harness, partnerAdmin, sub);
    expect((await propose(first.caseId, partnerAdmin, sub)).status).toBe(201);
    const mediator = harness.service.token('mediator', first.partnerId, sub);
    expect(
      (await request('POST', `/api/cases/${first.caseId}/declarations`, mediator, { conflictOfInterest: false }))
        .status,
    ).toBe(201);

    const current = await request('GET', '/api/practice-thresholds/NL-NH', admin());
    expect(current.body).toMatchObject({ jurisdiction: 'NL-NH', minBasicMediationHours: 30, version: 0 });
    const { jurisdiction: _j, version: _v, ...thresholds } = current.body;
    const raised = await request('PUT', '/api/practice-thresholds/NL-NH', admin(), {
      ...thresholds,
      minBasicMediationHours: 40,
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ minBasicMediationHours: 40, version: 1 });
    try {
      const refused = await propose(second.caseId, partnerAdmin, sub);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('has 30 of the 40 hours');
      const own = await request('GET', `/api/cases/${first.caseId}`, mediator);
      expect(own.body.mediators).toEqual([{ mediatorId: sub, declared: true }]);
      expect(
        (
          await request('POST', `/api/cases/${first.caseId}/information`, mediator, {
            participantId: first.harmedId,
            informationVersion: 'adult-v3',
            language: 'nl',
          })
        ).status,
      ).toBe(201);
    } finally {
      expect((await request('PUT', '/api/practice-thresholds/NL-NH', admin(), thresholds)).status).toBe(200);
    }
  });

  it('refuses a supervision session dated ahead, which would hold the supervision clock off, naming the field', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const sub = await register(partnerAdmin);
    const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const refused = await request('POST', `/api/mediators/${sub}/practice`, partnerAdmin, {
      kind: 'supervision',
      heldOn: ahead,
      withName: 'Sam Supervisor',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'heldOn', message: 'must be today or earlier: record it once it has happened' },
    ]);
    const backwards = await request('POST', `/api/mediators/${sub}/credentials`, partnerAdmin, {
      kind: 'youth',
      issuer: 'Youth Academy',
      hours: 8,
      obtainedOn: '2026-03-02',
      expiresOn: '2026-03-01',
      offenseCategories: [],
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['expiresOn']);
    expect((await request('GET', `/api/mediators/${sub}/practice-record`, partnerAdmin)).body.records).toEqual([]);
  });

  it('shows the record to the partner admin and admins only; events carry ids and codes, never issuer or reference', async () => {
    const kase = await openCase(harness);
    const partnerAdmin = harness.service.token('partner_admin', kase.partnerId);
    const sub = await register(partnerAdmin);
    const recorded = await request('POST', `/api/mediators/${sub}/credentials`, partnerAdmin, {
      kind: 'specialist_dv_sv',
      issuer: 'Secret Issuer Ltd',
      hours: 24,
      obtainedOn: '2026-01-10',
      expiresOn: '2027-01-10',
      certificateReference: 'CERT-XYZ-123',
      offenseCategories: ['domestic_violence'],
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      recordType: 'credential',
      kind: 'specialist_dv_sv',
      issuer: 'Secret Issuer Ltd',
      hours: 24,
      certificateReference: 'CERT-XYZ-123',
      verifiedAt: null,
    });
    expect(
      (
        await request('POST', `/api/mediators/${sub}/practice`, partnerAdmin, {
          kind: 'supervision',
          heldOn: '2026-11-30',
          withName: 'Sam Supervisor',
        })
      ).status,
    ).toBe(201);

    expect((await request('GET', `/api/mediators/${sub}/practice-record`, partnerAdmin)).body.records).toHaveLength(2);
    expect((await request('GET', `/api/mediators/${sub}/practice-record`, admin())).status).toBe(200);
    expect(
      (
        await request(
          'GET',
          `/api/mediators/${sub}/practice-record`,
          harness.service.token('mediator', kase.partnerId, sub),
        )
      ).status,
    ).toBe(403);
    expect(
      (await request('GET', `/api/mediators/${sub}/practice-record`, harness.service.token('partner_admin', uuidv7())))
        .status,
    ).toBe(404);
    expect(
      (
        await request(
          'POST',
          `/api/mediators/${sub}/credentials`,
          harness.service.token('partner_admin', uuidv7()),
          recorded.body && { kind: 'youth', issuer: 'x', hours: 1, obtainedOn: '2026-01-01', offenseCategories: [] },
        )
      ).status,
    ).toBe(404);
    expect((await request('POST', `/api/practice-records/${recorded.body.id}/verification`, partnerAdmin)).status).toBe(
      403,
    );
    const supervisionId = (await request('GET', `/api/mediators/${sub}/practice-record`, partnerAdmin)).body.records[1]
      .id;
    const notVerifiable = await request('POST', `/api/practice-records/${supervisionId}/verification`, admin());
    expect(notVerifiable.status).toBe(409);

    const events = (await harness.service.dataSource.query(
      `select payload::text as text from outbox where payload->>'aggregateId' = $1`,
      [sub],
    )) as { text: string }[];
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const { text } of events.filter((e) => e.text.includes('practice_recorded'))) {
      expect(text).not.toMatch(/Secret Issuer|CERT-XYZ|Sam Supervisor/);
    }
  });
});

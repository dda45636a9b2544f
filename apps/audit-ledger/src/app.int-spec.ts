import { AUDIT_DATABASE, findLedgerPage, rebuildReferralState } from '@rj/audit/data-access';
import { canonicalJson, chainHash, ndjsonLine } from '@rj/audit/domain';
import { EVENT_CATALOGUE, uuidv7, type Role } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS, sampleEvent } from '@rj/shared/contracts/testing';
import { encryptField, generateDataKey } from '@rj/shared/pii';
import { eventually, startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from './app.module';
import { AuditLedgerEnv } from './audit-ledger.env';
import { entryAt, ledgerCountOf, produce, reinsert, settled, tamperAsOwner } from './test/ledger-harness';

const samples = Object.values(SAMPLE_EVENTS);
const sampleIds = samples.map((event) => event.id);
const referralId = SAMPLE_IDS.referralId;

describe('audit-ledger', () => {
  let service: TestService<AuditLedgerEnv>;
  let auditor: string;
  let admin: string;

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    auditor = service.token('auditor', null, 'auditor-1');
    admin = service.token('admin', null, 'admin-1');
    // Every sample twice: a redelivery must not add a second entry.
    await produce(service.topics.prefix, samples);
    await produce(service.topics.prefix, samples);
    await eventually(
      async () => (await ledgerCountOf(service.dataSource, sampleIds)) === samples.length,
      60_000,
      'every sample in the ledger',
    );
  });

  afterAll(() => service?.close());

  it('appends every event type of every topic exactly once, even when redelivered, with a gap-free sequence', async () => {
    expect(samples.length).toBe(new Set([...EVENT_CATALOGUE.values()].map((d) => d.type)).size);
    const rows: { event_type: string; n: number }[] = await service.dataSource.query(
      'select event_type, count(*)::int as n from ledger_entry where event_id = any($1::uuid[]) group by event_type',
      [sampleIds],
    );
    expect(rows.map((r) => r.event_type).sort()).toEqual(samples.map((e) => e.type).sort());
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const [span] = await service.dataSource.query(
      'select min(sequence)::int as lo, max(sequence)::int as hi, count(*)::int as n from ledger_entry',
    );
    expect(span).toEqual({ lo: 1, hi: span.n, n: span.n });
    const [access] = await service.dataSource.query(
      `select topic, kafka_partition, kafka_offset from ledger_entry where event_type = 'audit.read' and event_id = $1`,
      [SAMPLE_EVENTS['audit.read'].id],
    );
    expect(access).toMatchObject({
      topic: 'rj.access.v1',
      kafka_partition: expect.any(Number),
      kafka_offset: expect.any(String),
    });
  });

  it.each<[Role, number]>([
    ['prosecutor', 403],
    ['partner_admin', 403],
    ['mediator', 403],
    ['service', 403],
    ['auditor', 200],
    ['admin', 200],
  ])('lets only auditors and admins read the ledger: %s gets %i', async (role, status) => {
    // An organisation's roles carry their organisation (a token without one is refused with 401 first).
    const org =
      role === 'prosecutor'
        ? SAMPLE_IDS.officeId
        : role === 'partner_admin' || role === 'mediator'
          ? SAMPLE_IDS.partnerId
          : null;
    const token = service.token(role, org);
    for (const path of [
      '/api/audit/events',
      `/api/audit/referrals/${referralId}/timeline`,
      '/api/audit/verify',
      '/api/audit/replay',
      '/api/audit/export?format=csv',
    ]) {
      expect((await service.request('GET', path, { token })).status).toBe(status);
    }
    expect((await service.request('GET', '/api/audit/events')).status).toBe(401);
  });

  it('is ready once its database and Kafka answer (the shared readiness checks)', async () => {
    const ready = await service.request('GET', '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { checks: { postgres: 'up', kafka: 'up' } } });
  });

  it('lists events with filters and a cursor, in ledger order', async () => {
    const first = await service.request('GET', `/api/audit/events?aggregateId=${referralId}&limit=2`, {
      token: auditor,
    });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await service.request(
      'GET',
      `/api/audit/events?aggregateId=${referralId}&limit=2&cursor=${first.body.nextCursor}`,
      { token: auditor },
    );
    expect(second.body.items[0].sequence).toBeGreaterThan(first.body.items[1].sequence);
    const typed = await service.request('GET', '/api/audit/events?type=referral.screened', { token: auditor });
    expect(typed.body.items.map((i: any) => i.event.id)).toEqual([SAMPLE_EVENTS['referral.screened'].id]);
    expect((await service.request('GET', '/api/audit/events?limit=5000', { token: auditor })).status).toBe(400);
  });

  it("shows one referral's timeline across all services in the order things happened", async () => {
    const { body, status } = await service.request('GET', `/api/audit/referrals/${referralId}/timeline`, {
      token: auditor,
    });
    expect(status).toBe(200);
    const expected = samples.filter((e) => e.referralId === referralId);
    expect(body.items).toHaveLength(expected.length);
    const times = body.items.map((i: any) => i.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(body.items.map((i: any) => i.topic)).size).toBeGreaterThanOrEqual(4);
  });

  it('rebuilds the state as it stood at three moments of the case', async () => {
    const stateAt = async (at: string) =>
      (await service.request('GET', `/api/audit/referrals/${referralId}/state?at=${at}`, { token: auditor })).body;
    const before = await stateAt('2025-03-03T09:01:30Z');
    const screened = await stateAt('2025-03-03T09:02:30Z');
    const assigned = await stateAt('2025-03-03T09:05:30Z');
    const completed = await stateAt('2025-03-03T09:26:30Z');
    expect(before).toMatchObject({ eventsApplied: 0, state: { referral: null } });
    expect(screened.state.referral.status).toBe('needs_review');
    expect(assigned.state.referral.status).toBe('assigned');
    expect(assigned.state.case.caseId).toBeNull();
    expect(assigned.state.outcome.result).toBeNull();
    expect(completed.state.referral.status).toBe('completed');
    expect(completed.state.case.caseId).toBe(SAMPLE_IDS.caseId);
    expect(completed.state.outcome.result).toMatchObject({ kind: 'completed' });
    expect(
      (await service.request('GET', `/api/audit/referrals/${referralId}/state?at=yesterday`, { token: auditor }))
        .status,
    ).toBe(400);
  });

  it('records every auditor read as audit.read on rj.access.v1, which lands in the chain', async () => {
    await service.request('GET', `/api/audit/referrals/${referralId}/timeline`, {
      token: service.token('auditor', null, 'reader-x'),
    });
    const row = await eventually(
      async () => {
        const rows = await service.dataSource.query(
          `select canonical from ledger_entry where event_type = 'audit.read' and aggregate_id = 'reader-x'`,
        );
        return rows[0];
      },
      20_000,
      'audit.read of reader-x',
    );
    expect(JSON.parse(row.canonical).data).toMatchObject({
      endpoint: 'GET /api/audit/referrals/{id}/timeline',
      aggregateId: referralId,
      reader: { sub: 'reader-x', role: 'auditor' },
    });
  });

  it('replays the ledger as NDJSON that anyone can re-hash without trusting the service', async () => {
    const { status, body, headers } = await service.request('GET', '/api/audit/replay', { token: auditor });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThanOrEqual(samples.length);
    // The line Postgres builds is byte for byte the documented format (ndjsonLine).
    const [first] = await findLedgerPage(service.dataSource, {}, 1);
    expect((body as string).slice(0, (body as string).indexOf('\n') + 1)).toBe(ndjsonLine(first));
    lines.forEach((line, i) => {
      expect(line.sequence).toBe(i + 1);
      expect(line.hash).toBe(chainHash(line.prevHash, canonicalJson(line.event)));
      if (i > 0) expect(line.prevHash).toBe(lines[i - 1].hash);
    });
  });

  it('exports a filter as CSV with the canonical event quoted and its quotes doubled', async () => {
    const { status, body } = await service.request('GET', `/api/audit/export?format=csv&type=referral.submitted`, {
      token: auditor,
    });
    expect(status).toBe(200);
    const [header, row, end] = (body as string).split('\r\n');
    expect(header).toBe(
      'sequence,event_id,topic,partition,offset,event_type,aggregate_id,referral_id,occurred_at,recorded_at,prev_hash,hash,event',
    );
    expect(row.endsWith(`,"${canonicalJson(SAMPLE_EVENTS['referral.submitted']).replace(/"/g, '""')}"`)).toBe(true);
    expect(end).toBe('');
  });

  it('rebuilds the referral-state projection from the ledger equal to the live one, and names a row changed behind its back', async () => {
    await settled(service.dataSource);
    const report = await rebuildReferralState(service.dataSource);
    expect(report).toMatchObject({ equal: true, mismatches: 0 });
    expect(report.referrals).toBeGreaterThanOrEqual(1);
    expect(
      await service.dataSource.query('select 1 from information_schema.schemata where schema_name = $1', [
        report.schema,
      ]),
    ).toHaveLength(0);
    const [{ state }] = await service.dataSource.query(
      'select state::text as state from referral_state where referral_id = $1',
      [referralId],
    );
    await service.dataSource.query(
      `update referral_state set state = jsonb_set(state, '{referral,status}', '"submitted"') where referral_id = $1`,
      [referralId],
    );
    try {
      expect(await rebuildReferralState(service.dataSource)).toMatchObject({
        equal: false,
        mismatches: 1,
        sample: [referralId],
      });
    } finally {
      await service.dataSource.query('update referral_state set state = $2::jsonb where referral_id = $1', [
        referralId,
        state,
      ]);
    }
  });

  describe('tamper evidence', () => {
    const verify = async () => (await service.request('GET', '/api/audit/verify', { token: auditor })).body;

    beforeEach(() => settled(service.dataSource));

    it('verifies the untouched chain end to end', async () => {
      const [{ n }] = await service.dataSource.query('select count(*)::int as n from ledger_entry');
      expect(await verify()).toMatchObject({ ok: true, checked: n });
    });

    it('reports the first broken sequence when one byte of one stored event is altered', async () => {
      const { canonical } = await entryAt(service.dataSource, 5);
      const altered = (canonical as string).replace('"version":1', '"version":2');
      expect(altered).not.toBe(canonical);
      await tamperAsOwner(service.dataSource, (m) =>
        m.query('update ledger_entry set canonical = $1 where sequence = 5', [altered]),
      );
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 5 });
      } finally {
        await tamperAsOwner(service.dataSource, (m) =>
          m.query('update ledger_entry set canonical = $1 where sequence = 5', [canonical]),
        );
      }
      expect((await verify()).ok).toBe(true);
    });

    it('reports the first broken sequence when a row is deleted', async () => {
      const row = await entryAt(service.dataSource, 7);
      await tamperAsOwner(service.dataSource, (m) => m.query('delete from ledger_entry where sequence = 7'));
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 7 });
      } finally {
        await reinsert(service.dataSource, row);
      }
    });

    it('reports the first broken sequence when two rows are swapped', async () => {
      const swap = () =>
        tamperAsOwner(service.dataSource, async (m) => {
          await m.query('update ledger_entry set sequence = 1000000000 where sequence = 3');
          await m.query('update ledger_entry set sequence = 3 where sequence = 9');
          await m.query('update ledger_entry set sequence = 9 where sequence = 1000000000');
        });
      await swap();
      try {
        expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: 3 });
      } finally {
        await swap();
      }
    });

    it('keeps verify green after erasure, with ciphertext and never plaintext in the export', async () => {
      // The referral's data key (the samples' ciphertexts name this key id); erasure deletes it.
      const key = { ...generateDataKey(), keyId: SAMPLE_IDS.dataKeyId };
      const erased = uuidv7();
      const submitted = sampleEvent('referral.submitted') as any;
      Object.assign(submitted, { id: uuidv7(), referralId: erased, aggregateId: erased });
      submitted.data.referralId = erased;
      submitted.data.participants[0].fullName = encryptField('Jan Jansen', key);
      const erasure = sampleEvent('referral.personal_data_erased') as any;
      Object.assign(erasure, { id: uuidv7(), referralId: erased, aggregateId: erased });
      await produce(service.topics.prefix, [submitted, erasure]);
      await eventually(
        async () => (await ledgerCountOf(service.dataSource, [submitted.id, erasure.id])) === 2,
        20_000,
        'erasure events',
      );
      // The data key is gone (erasure): the ledger never held it, so nothing there changes.
      expect((await verify()).ok).toBe(true);
      for (const format of ['ndjson', 'csv']) {
        const { body } = await service.request('GET', `/api/audit/export?format=${format}&aggregateId=${erased}`, {
          token: auditor,
        });
        expect(body).toContain(submitted.data.participants[0].fullName);
        expect(body).not.toContain('Jan Jansen');
      }
    });

    it('detects truncation with a saved checkpoint, even when the tail is cut consistently', async () => {
      const saved = (await service.request('POST', '/api/audit/checkpoints', { token: admin })).body;
      expect(saved).toMatchObject({ sequence: expect.any(Number), signature: expect.any(String) });
      expect((await service.request('POST', '/api/audit/checkpoints', { token: auditor })).status).toBe(403);
      const latest = await service.request('GET', '/api/audit/checkpoints/latest', { token: auditor });
      expect(latest.body).toEqual(saved);
      await settled(service.dataSource);
      // An attacker with the database: cut the tail, fix the head, drop the stored checkpoints.
      const cut = saved.sequence - 3;
      await tamperAsOwner(service.dataSource, async (m) => {
        await m.query('select 1 from ledger_head for update');
        await m.query('delete from ledger_entry where sequence > $1', [cut]);
        await m.query('delete from ledger_checkpoint');
        await m.query(
          'update ledger_head set sequence = $1, hash = (select hash from ledger_entry where sequence = $1)',
          [cut],
        );
      });
      expect((await verify()).ok).toBe(true); // the chain alone cannot tell
      const check = await service.request('POST', '/api/audit/checkpoints/verify', { token: auditor, body: saved });
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ ok: false, signatureValid: true, truncated: true, matches: false });
      expect(check.body.chain.ok).toBe(false);
      expect(check.body.chain.firstBrokenSequence).toBeGreaterThan(cut);
      expect(check.body.chain.firstBrokenSequence).toBeLessThanOrEqual(saved.sequence);
      const forged = await service.request('POST', '/api/audit/checkpoints/verify', {
        token: auditor,
        body: { ...saved, sequence: cut },
      });
      expect(forged.body).toMatchObject({ ok: false, signatureValid: false });
    });
  });
});

import {
  AUDIT_DATABASE,
  findVerification,
  finishVerification,
  insertVerification,
  recordVerificationProgress,
} from '@rj/audit/data-access';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS, sampleEvent } from '@rj/shared/contracts/testing';
import { eventually, startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { entryAt, ledgerCountOf, produce, settled, tamperAsOwner } from '../test/ledger-harness';

const samples = Object.values(SAMPLE_EVENTS);

describe('audit-ledger: verifications, oversight, checkpoints, search', () => {
  let service: TestService<AuditLedgerEnv>;
  let auditor: string;
  let admin: string;
  // Twelve reads of personal data this week by one mediator who never read before.
  const recentReads: EventEnvelope[] = Array.from({ length: 12 }, () => ({
    ...sampleEvent('personal_data.read'),
    id: uuidv7(),
    occurredAt: new Date().toISOString(),
  }));

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0', AUDIT_STREAM_BATCH_SIZE: '100' },
    });
    auditor = service.token('auditor', null, 'auditor-1');
    admin = service.token('admin', null, 'admin-1');
    const all = [...samples, ...recentReads];
    await produce(service.topics.prefix, all);
    await eventually(
      async () =>
        (await ledgerCountOf(
          service.dataSource,
          all.map((e) => e.id),
        )) === all.length,
      60_000,
      'every event in the ledger',
    );
  });

  afterAll(() => service?.close());

  const start = async (body: object = {}) =>
    service.request('POST', '/api/audit/verifications', { token: auditor, body });
  const finished = async (id: string) =>
    eventually(
      async () => {
        const { body } = await service.request('GET', `/api/audit/verifications/${id}`, { token: auditor });
        return body.status !== 'running' ? body : undefined;
      },
      30_000,
      'the verification to finish',
    );

  it('runs a verification of the whole chain as a resource: 202 with its id, then passed with everything checked', async () => {
    await settled(service.dataSource);
    const started = await start({ from: 'genesis' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: expect.any(String), fromSequence: 0, total: expect.any(Number) });
    const done = await finished(started.body.id);
    expect(done).toMatchObject({
      status: 'passed',
      checked: expect.any(Number),
      secondsLeft: null,
      finishedAt: expect.any(String),
      ratePerSecond: expect.any(Number),
    });
    expect(done.checked).toBeGreaterThanOrEqual(started.body.total);
    expect(done.firstBrokenSequence).toBeUndefined();
    // The old synchronous form still answers.
    expect((await service.request('GET', '/api/audit/verify', { token: auditor })).body.ok).toBe(true);
  });

  it('counts events appended during a run into its total: checked never exceeds it', async () => {
    const id = uuidv7();
    await insertVerification(service.dataSource, { id, fromSequence: 0, total: 740, startedBy: 'auditor-1' });
    await recordVerificationProgress(service.dataSource, id, 500);
    expect(await findVerification(service.dataSource, id)).toMatchObject({ checked: 500, total: 740 });
    await recordVerificationProgress(service.dataSource, id, 741);
    expect(await findVerification(service.dataSource, id)).toMatchObject({ checked: 741, total: 741 });
    await finishVerification(service.dataSource, id, { ok: true, checked: 742 });
    expect(await findVerification(service.dataSource, id)).toMatchObject({
      status: 'passed',
      checked: 742,
      total: 742,
    });
  });

  it('with a tampered ledger row, the verification fails and names the first broken sequence', async () => {
    await settled(service.dataSource);
    const { canonical } = await entryAt(service.dataSource, 4);
    await tamperAsOwner(service.dataSource, (m) =>
      m.query('update ledger_entry set canonical = $1 where sequence = 4', [
        (canonical as string).replace('"version":1', '"version":9'),
      ]),
    );
    try {
      const started = await start();
      expect(started.status).toBe(202);
      expect(await finished(started.body.id)).toMatchObject({ status: 'failed', checked: 3, firstBrokenSequence: 4 });
    } finally {
      await tamperAsOwner(service.dataSource, (m) =>
        m.query('update ledger_entry set canonical = $1 where sequence = 4', [canonical]),
      );
    }
  });

  it('starts from a signed checkpoint, refuses an unknown one, and lets only auditors and admins in', async () => {
    await settled(service.dataSource);
    const signed = await service.request('POST', '/api/audit/checkpoints', { token: admin });
    expect(signed.status).toBe(201);
    const started = await start({ from: signed.body.sequence });
    expect(started.body.fromSequence).toBe(signed.body.sequence);
    expect(await finished(started.body.id)).toMatchObject({ status: 'passed' });
    expect((await start({ from: 999_999 })).status).toBe(404);
    expect((await start({ from: 'yesterday' })).status).toBe(400);
    const prosecutor = service.token('prosecutor', SAMPLE_IDS.officeId);
    expect((await service.request('POST', '/api/audit/verifications', { token: prosecutor, body: {} })).status).toBe(
      403,
    );
    expect(
      (await service.request('GET', `/api/audit/verifications/${started.body.id}`, { token: prosecutor })).status,
    ).toBe(403);
    expect((await service.request('GET', `/api/audit/verifications/${uuidv7()}`, { token: auditor })).status).toBe(404);
  });

  it('lists checkpoints with their signature status and whether the ledger still matches them', async () => {
    await service.request('POST', '/api/audit/checkpoints', { token: admin });
    const { status, body } = await service.request('GET', '/api/audit/checkpoints', { token: auditor });
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(1);
    expect(body.items[0]).toMatchObject({
      sequence: expect.any(Number),
      signatureValid: true,
      matchesLedger: true,
      publicKeyId: body.publicKeyId,
    });
    const sequences = body.items.map((item: any) => item.sequence);
    expect([...sequences].sort((a, b) => b - a)).toEqual(sequences);
  });

  it('shows oversight: last verification, unusual reads of personal data, exceptions and a sample of cases', async () => {
    const { status, body } = await service.request('GET', '/api/audit/overview?since=2025-01-01T00:00:00Z', {
      token: auditor,
    });
    expect(status).toBe(200);
    expect(body.lastVerification).toMatchObject({ status: expect.stringMatching(/passed|failed/) });
    const reader = SAMPLE_EVENTS['personal_data.read'].data.reader.sub;
    expect(body.unusualReads.actors).toEqual([expect.objectContaining({ actor: reader, recent: 12, ratio: null })]);
    const kinds = body.exceptions.items.map((item: any) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['disclosure', 'erasure']));
    expect(kinds).not.toContain('screening_override'); // the sample review overrode nothing
    expect(body.sample.map((s: any) => s.referralId)).toContain(SAMPLE_IDS.referralId);
  });

  it('searches the ledger by referral and by the organisation of the person who acted', async () => {
    const byReferral = await service.request(
      'GET',
      `/api/audit/events?referralId=${SAMPLE_IDS.referralId}&limit=1000`,
      { token: auditor },
    );
    expect(byReferral.status).toBe(200);
    expect(byReferral.body.items.length).toBeGreaterThan(5);
    expect(byReferral.body.items.every((item: any) => item.referralId === SAMPLE_IDS.referralId)).toBe(true);
    const byPartner = await service.request(
      'GET',
      `/api/audit/events?organisationId=${SAMPLE_IDS.partnerId}&limit=1000`,
      { token: auditor },
    );
    expect(byPartner.body.items.length).toBeGreaterThan(0);
    expect(byPartner.body.items.every((item: any) => item.event.actor.org === SAMPLE_IDS.partnerId)).toBe(true);
    expect((await service.request('GET', '/api/audit/events?referralId=not-a-uuid', { token: auditor })).status).toBe(
      400,
    );
  });

  it('records starting and watching a verification as audit.read', async () => {
    await eventually(
      async () => {
        const rows: { endpoint: string }[] = await service.dataSource.query(
          `select canonical::jsonb #>> '{data,endpoint}' as endpoint from ledger_entry where event_type = 'audit.read'`,
        );
        const endpoints = new Set(rows.map((row) => row.endpoint));
        return [
          'POST /api/audit/verifications',
          'GET /api/audit/verifications/{id}',
          'GET /api/audit/overview',
          'GET /api/audit/checkpoints',
        ].every((e) => endpoints.has(e));
      },
      30_000,
      'the reads in the ledger',
    );
  });
});

import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { byOccurrence, foldState, REFERRAL_STATE_REDUCERS } from '@rj/audit/domain';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { LedgerStreamPool, STREAM_RETRY_AFTER_SECONDS } from './ledger-stream-pool';

/** Issue 14 item 8: the audit-ledger's reads are bounded — timeline pages, state streams, streams share a small pool with a limit. */
describe('item 8: audit-ledger resource bounds', () => {
  let service: TestService<AuditLedgerEnv>;
  let referralId: string;
  let entries: number;
  const auditor = () => service.token('auditor');

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0', AUDIT_STREAM_CONCURRENCY: '2', AUDIT_STREAM_BATCH_SIZE: '100' },
    });
    await loadSyntheticLedger(service.dataSource, 300);
    const [busiest] = (await service.dataSource.query(
      'select referral_id, count(*)::int as n from ledger_entry where referral_id is not null group by referral_id order by n desc limit 1',
    )) as { referral_id: string; n: number }[];
    referralId = busiest.referral_id;
    entries = busiest.n;
  }, 120_000);
  afterAll(() => service?.close());

  it('timeline: pages of at most `limit` items by event time, followed by cursor to the end', async () => {
    expect(entries).toBeGreaterThan(5);
    const seen: { sequence: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path = `/api/audit/referrals/${referralId}/timeline?limit=4${cursor ? `&cursor=${String(cursor)}` : ''}`;
      const res: {
        status: number;
        body: { items: { sequence: string; occurredAt: string }[]; nextCursor: string | null };
      } = await service.request('GET', path, { token: auditor() });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(4);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 1000);
    expect(pages).toBeGreaterThan(1);
    const all = (await service.dataSource.query(
      `select sequence::text as sequence, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt" from ledger_entry where referral_id = $1`,
      [referralId],
    )) as { sequence: string; occurredAt: string }[];
    const expected = all
      .map((r) => ({ ...r, seq: Number(r.sequence) }))
      .sort((a, b) =>
        byOccurrence({ sequence: a.seq, occurredAt: a.occurredAt }, { sequence: b.seq, occurredAt: b.occurredAt }),
      );
    expect(seen.map((i) => String(i.sequence))).toEqual(expected.map((r) => r.sequence));
  });

  it('state: folded from a stream in batches, the same as a fold of every entry in memory', async () => {
    const at = new Date().toISOString();
    const res = await service.request('GET', `/api/audit/referrals/${referralId}/state?at=${encodeURIComponent(at)}`, {
      token: auditor(),
    });
    expect(res.status).toBe(200);
    const rows = (await service.dataSource.query(
      `select sequence::float8 as sequence, canonical, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt" from ledger_entry where referral_id = $1`,
      [referralId],
    )) as { sequence: number; canonical: string; recordedAt: string }[];
    const records = rows
      .map((r) => ({ event: JSON.parse(r.canonical), recordedAt: r.recordedAt, sequence: r.sequence }))
      .sort(byOccurrence);
    const folded = foldState(records, at, REFERRAL_STATE_REDUCERS);
    expect(res.body.eventsApplied).toBe(folded.eventsApplied);
    expect(res.body.lastEventId).toBe(folded.lastEventId);
    expect(res.body.state.case).toEqual(JSON.parse(JSON.stringify(folded.state.case)));
  });

  it('replay, export and verify beyond AUDIT_STREAM_CONCURRENCY: 429 with Retry-After; ordinary reads go on', async () => {
    const pool = service.running.app.get(LedgerStreamPool);
    const held = [pool.admit(), pool.admit()]; // both slots, as two slow readers would
    try {
      for (const path of ['/api/audit/replay', '/api/audit/export', '/api/audit/verify']) {
        const res = await service.request('GET', path, { token: auditor() });
        expect([path, res.status, res.headers.get('retry-after')]).toEqual([
          path,
          429,
          String(STREAM_RETRY_AFTER_SECONDS),
        ]);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect((await service.request('GET', '/api/audit/events?limit=5', { token: auditor() })).status).toBe(200);
    } finally {
      held.forEach((release) => release());
    }
    const replay = await service.request('GET', '/api/audit/replay', { token: auditor() });
    expect(replay.status).toBe(200);
    expect(pool.inUse).toBe(0);
  });

  it('streams run on a pool of their own, sized for the stream limit and background verifications', async () => {
    const pool = service.running.app.get(LedgerStreamPool);
    expect(pool.dataSource).not.toBe(service.dataSource);
    expect((pool.dataSource.options as { extra?: { max?: number } }).extra?.max).toBe(
      2 + service.config.AUDIT_VERIFICATION_CONCURRENCY,
    );
    expect((await service.request('GET', '/api/audit/verify', { token: auditor() })).status).toBe(200);
    const [{ n }] = (await service.dataSource.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'audit-ledger-streams' and datname = current_database()`,
    )) as { n: number }[];
    expect(n).toBeGreaterThan(0);
  });
});

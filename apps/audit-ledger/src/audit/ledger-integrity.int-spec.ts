import { AUDIT_DATABASE, columnsCheckedByDatabase, LEDGER_COLUMNS_CHECK } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { tamperAsOwner } from '../test/ledger-harness';

interface Row {
  sequence: string;
  referral_id: string;
  event_type: string;
  canonical: string;
}

/** Issue 14 item 7: the ledger's columns cannot be rewritten to steer reads, and the table is append-only. */
describe('item 7: ledger integrity', () => {
  let service: TestService<AuditLedgerEnv>;
  let target: Row;
  let other: string;
  const auditor = () => service.token('auditor');
  const verify = async () => (await service.request('GET', '/api/audit/verify', { token: auditor() })).body;

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    await loadSyntheticLedger(service.dataSource, 120);
    [target] = (await service.dataSource.query(
      `select sequence::text as sequence, referral_id, event_type, canonical from ledger_entry where event_type = 'referral.submitted' order by sequence limit 1`,
    )) as Row[];
    [{ referral_id: other }] = (await service.dataSource.query(
      'select referral_id from ledger_entry where referral_id is not null and referral_id <> $1 limit 1',
      [target.referral_id],
    )) as { referral_id: string }[];
  }, 120_000);
  afterAll(() => service?.close());

  it('append-only: the runtime role\u2019s UPDATE, DELETE and TRUNCATE of ledger_entry are refused by the database', async () => {
    await expect(
      service.dataSource.query(`update ledger_entry set event_type = 'referral.withdrawn' where sequence = $1`, [
        target.sequence,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      service.dataSource.query('delete from ledger_entry where sequence = $1', [target.sequence]),
    ).rejects.toThrow(/append-only/);
    await expect(service.dataSource.query('truncate ledger_entry')).rejects.toThrow(/append-only/);
    const [{ n }] = (await service.dataSource.query(
      `select count(*)::int as n from ledger_entry where sequence = $1 and event_type = 'referral.submitted'`,
      [target.sequence],
    )) as { n: number }[];
    expect(n).toBe(1);
    expect((await verify()).ok).toBe(true);
  });

  it('Postgres refuses a row whose columns disagree with its event, and vouches for every row only while its CHECK stands validated', async () => {
    expect(await columnsCheckedByDatabase(service.dataSource)).toBe(true);
    await expect(
      service.dataSource.query(
        `insert into ledger_entry (sequence, event_id, topic, event_type, aggregate_type, aggregate_id, referral_id, occurred_at, recorded_at, canonical, prev_hash, hash)
       select 999999, gen_random_uuid(), 't', 'referral.withdrawn', 'referral', 'x', referral_id, occurred_at, now(), canonical, prev_hash, hash from ledger_entry where sequence = $1`,
        [target.sequence],
      ),
    ).rejects.toThrow(new RegExp(LEDGER_COLUMNS_CHECK));
    // An owner's change drops it; put back NOT VALID, Postgres no longer vouches, and verify compares every row itself.
    await tamperAsOwner(service.dataSource, async () => undefined);
    expect(await columnsCheckedByDatabase(service.dataSource)).toBe(false);
    expect((await verify()).ok).toBe(true);
  });

  it('a type, referral or time column rewritten by the owner is not what readers see, and verify breaks there', async () => {
    const restore = () =>
      tamperAsOwner(service.dataSource, (m) =>
        m.query(
          "update ledger_entry set event_type = $2, referral_id = $3, occurred_at = ($4::jsonb ->> 'occurredAt')::timestamptz where sequence = $1",
          [target.sequence, target.event_type, target.referral_id, target.canonical],
        ),
      );
    // Move the submission to another referral, call it a withdrawal, and date it in 2000.
    await tamperAsOwner(service.dataSource, (m) =>
      m.query(
        `update ledger_entry set event_type = 'referral.withdrawn', referral_id = $2, occurred_at = '2000-01-01T00:00:00Z' where sequence = $1`,
        [target.sequence, other],
      ),
    );
    try {
      const event = JSON.parse(target.canonical) as { type: string; referralId: string; occurredAt: string };
      // Read from the hashed event: the page lists what was hashed, not the rewritten columns.
      const page = await service.request('GET', `/api/audit/events?cursor=${Number(target.sequence) - 1}&limit=1`, {
        token: auditor(),
      });
      expect(page.body.items[0]).toMatchObject({
        sequence: Number(target.sequence),
        eventType: event.type,
        referralId: event.referralId,
        occurredAt: event.occurredAt,
      });
      // The other referral's timeline and a filter by the forged type do not take the row in.
      const timeline = await service.request('GET', `/api/audit/referrals/${other}/timeline?limit=1000`, {
        token: auditor(),
      });
      expect(timeline.body.items.length).toBeGreaterThan(0);
      expect(timeline.body.items.map((i: { sequence: number }) => i.sequence)).not.toContain(Number(target.sequence));
      const withdrawn = await service.request('GET', `/api/audit/events?type=referral.withdrawn&limit=1000`, {
        token: auditor(),
      });
      expect(withdrawn.body.items.map((i: { sequence: number }) => i.sequence)).not.toContain(Number(target.sequence));
      // The chain's hashes still hold, but the columns disagree with the hashed event.
      expect(await verify()).toMatchObject({ ok: false, firstBrokenSequence: Number(target.sequence) });
    } finally {
      await restore();
    }
    expect((await verify()).ok).toBe(true);
  });
});

import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AUDIT_DATABASE, readLedgerHead, saveCheckpoint } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { DEV_CHECKPOINT_KEY, parseCheckpointPrivateKey, planChainRanges, signCheckpoint } from '@rj/audit/domain';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { entryAt, reinsert, settled, tamperAsOwner } from '../test/ledger-harness';
import { LedgerVerificationService } from './ledger-verification.service';
import { LedgerStreamPool } from './ledger-stream-pool';

const RANGES = 3;
const BATCH = 100;

/**
 * Issue 15: a long ledger is verified in several sequence ranges read at once. Ranges are made
 * small here (3 ranges, batches of 100, so each range holds ≥ 200 rows of a 900-row ledger) and
 * each test tampers where a range ends or begins, or in a later range, and expects the verdict
 * one pass over the chain gives.
 */
describe('verification in sequence ranges', () => {
  let service: TestService<AuditLedgerEnv>;
  let verification: LedgerVerificationService;
  /** The last sequence of the first and of the second range. */
  let firstEnd: number;
  let secondEnd: number;
  let head: number;

  const changeCanonical = (sequence: number, change: (canonical: string) => string) =>
    tamperAsOwner(service.dataSource, async (m) => {
      const [{ canonical }] = (await m.query('select canonical from ledger_entry where sequence = $1', [sequence])) as {
        canonical: string;
      }[];
      await m.query('update ledger_entry set canonical = $2 where sequence = $1', [sequence, change(canonical)]);
    });
  const alter = (sequence: number) => changeCanonical(sequence, (c) => c.replace('"version":1', '"version":9'));
  const restore = (sequence: number) => changeCanonical(sequence, (c) => c.replace('"version":9', '"version":1'));

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: {
        AUDIT_CHECKPOINT_INTERVAL_MS: '0',
        AUDIT_VERIFY_RANGES: String(RANGES),
        AUDIT_STREAM_BATCH_SIZE: String(BATCH),
      },
    });
    await loadSyntheticLedger(service.dataSource, 900);
    verification = service.running.app.get(LedgerVerificationService);
    head = (await readLedgerHead(service.dataSource)).sequence;
    const ranges = planChainRanges(0, head, RANGES, 2 * BATCH);
    expect(ranges).toHaveLength(RANGES);
    [firstEnd, secondEnd] = ranges.map((range) => range.through ?? head);
  }, 120_000);
  afterAll(() => service?.close());

  it('verifies an intact ledger in several ranges, each on a connection of its own, counting every entry once', async () => {
    const progress: number[] = [];
    const result = await verification.verify({ onProgress: async (checked) => void progress.push(checked) });
    expect(result).toMatchObject({ ok: true, checked: head, head: { sequence: head } });
    const pool = (service.running.app.get(LedgerStreamPool).dataSource.driver as PostgresDriver).master as {
      totalCount: number;
    };
    expect(pool.totalCount).toBeGreaterThanOrEqual(RANGES);
    expect(progress.at(-1)).toBe(head);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('a row altered in the second range: broken at that row, every entry before it checked', async () => {
    const target = firstEnd + 37;
    await alter(target);
    try {
      expect(await verification.verify()).toMatchObject({
        ok: false,
        checked: target - 1,
        firstBrokenSequence: target,
      });
    } finally {
      await restore(target);
    }
  });

  it('the row at a range boundary altered (the last of one range, the anchor of the next): broken there', async () => {
    await alter(firstEnd);
    try {
      expect(await verification.verify()).toMatchObject({
        ok: false,
        checked: firstEnd - 1,
        firstBrokenSequence: firstEnd,
      });
    } finally {
      await restore(firstEnd);
    }
  });

  it('the first row after a boundary altered: broken at it, not at the boundary', async () => {
    await alter(secondEnd + 1);
    try {
      expect(await verification.verify()).toMatchObject({ ok: false, firstBrokenSequence: secondEnd + 1 });
    } finally {
      await restore(secondEnd + 1);
    }
  });

  it('breaks in the second and third ranges: the second’s is reported; past it nothing counts', async () => {
    await alter(firstEnd + 5);
    await alter(secondEnd + 5);
    try {
      expect(await verification.verify()).toMatchObject({
        ok: false,
        checked: firstEnd + 4,
        firstBrokenSequence: firstEnd + 5,
      });
      await restore(firstEnd + 5);
      expect(await verification.verify()).toMatchObject({ ok: false, firstBrokenSequence: secondEnd + 5 });
    } finally {
      await restore(firstEnd + 5).catch(() => undefined);
      await restore(secondEnd + 5);
    }
  });

  it('the boundary row deleted: broken at the missing sequence, though each range alone is intact', async () => {
    const row = await entryAt(service.dataSource, firstEnd);
    await tamperAsOwner(service.dataSource, (m) => m.query('delete from ledger_entry where sequence = $1', [firstEnd]));
    try {
      expect(await verification.verify()).toMatchObject({
        ok: false,
        checked: firstEnd - 1,
        firstBrokenSequence: firstEnd,
      });
    } finally {
      await reinsert(service.dataSource, row);
    }
  });

  it('a truncated tail is found against the head row, however many ranges', async () => {
    const rows = await Promise.all([head - 1, head].map((sequence) => entryAt(service.dataSource, sequence)));
    await tamperAsOwner(service.dataSource, (m) =>
      m.query('delete from ledger_entry where sequence >= $1', [head - 1]),
    );
    try {
      expect(await verification.verify()).toMatchObject({ ok: false, firstBrokenSequence: head - 1 });
    } finally {
      for (const row of rows) await reinsert(service.dataSource, row);
    }
  });

  it('a checkpoint inside the second range is pinned there; from a signed checkpoint the ranges split what follows', async () => {
    const pinned = { sequence: firstEnd + 50, hash: String((await entryAt(service.dataSource, firstEnd + 50)).hash) };
    expect(await verification.verify({ extraCheckpoints: [pinned] })).toMatchObject({ ok: true, checked: head });
    expect(
      await verification.verify({ extraCheckpoints: [{ sequence: pinned.sequence, hash: 'f'.repeat(64) }] }),
    ).toMatchObject({ ok: false, checked: pinned.sequence - 1, firstBrokenSequence: pinned.sequence });

    const from = 150;
    const key = parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY);
    const hash = String((await entryAt(service.dataSource, from)).hash);
    await saveCheckpoint(
      service.dataSource,
      signCheckpoint({ sequence: from, hash, at: new Date().toISOString() }, key),
    );
    expect(planChainRanges(from, head, RANGES, 2 * BATCH).length).toBeGreaterThan(1);
    expect(await verification.verify({ fromCheckpoint: from })).toMatchObject({
      ok: true,
      checked: head - from,
      from: { sequence: from, hash },
    });
    await alter(secondEnd + 2);
    try {
      expect(await verification.verify({ fromCheckpoint: from })).toMatchObject({
        ok: false,
        checked: secondEnd + 1 - from,
        firstBrokenSequence: secondEnd + 2,
      });
    } finally {
      await restore(secondEnd + 2);
    }
  });

  it('GET /api/audit/verify answers the same, and its ranges follow the ledger as it grows', async () => {
    await settled(service.dataSource);
    const first = await service.request('GET', '/api/audit/verify', { token: service.token('auditor') });
    expect(first.body).toMatchObject({ ok: true, checked: head });
    await settled(service.dataSource); // its audit.read came back into the ledger
    const second = await service.request('GET', '/api/audit/verify', { token: service.token('auditor') });
    expect(second.body).toMatchObject({ ok: true });
    expect(second.body.checked).toBeGreaterThan(head);
  });
});

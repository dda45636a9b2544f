import type { DataSource, EntityManager } from 'typeorm';
import type { VerificationRecord } from '@rj/audit/domain';

type Db = EntityManager | DataSource;
const TIME = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, status, from_sequence::float8 as "fromSequence", checked::float8 as checked, total::float8 as total,
  first_broken_sequence::float8 as "firstBrokenSequence", error, ${TIME('started_at')} as "startedAt",
  ${TIME('heartbeat_at')} as "heartbeatAt", ${TIME('finished_at')} as "finishedAt"`;

export async function insertVerification(
  db: Db,
  run: { id: string; fromSequence: number; total: number; startedBy: string },
): Promise<void> {
  await db.query(
    `insert into ledger_verification (id, status, from_sequence, total, started_by, started_at, heartbeat_at) values ($1, 'running', $2, $3, $4, now(), now())`,
    [run.id, run.fromSequence, run.total, run.startedBy],
  );
}

// The chain grows while it is verified, and the walk goes to the head it finds when it gets there:
// the total grows with what was checked, so progress never reads "741 of 740".
export async function recordVerificationProgress(db: Db, id: string, checked: number): Promise<void> {
  await db.query(
    'update ledger_verification set checked = $2, total = greatest(total, $2), heartbeat_at = now() where id = $1',
    [id, checked],
  );
}

export async function finishVerification(
  db: Db,
  id: string,
  outcome: { ok: boolean; checked: number; firstBrokenSequence?: number; error?: string },
): Promise<void> {
  await db.query(
    `update ledger_verification set status = $2, checked = $3, total = greatest(total, $3), first_broken_sequence = $4, error = $5, heartbeat_at = now(), finished_at = now() where id = $1`,
    [id, outcome.ok ? 'passed' : 'failed', outcome.checked, outcome.firstBrokenSequence ?? null, outcome.error ?? null],
  );
}

export async function findVerification(db: Db, id: string): Promise<VerificationRecord | null> {
  const rows: VerificationRecord[] = await db.query(`select ${COLUMNS} from ledger_verification where id = $1`, [id]);
  return rows[0] ?? null;
}

/** The latest runs, newest first (the auditor's home shows the last one). */
export async function latestVerifications(db: Db, limit: number): Promise<VerificationRecord[]> {
  return db.query(`select ${COLUMNS} from ledger_verification order by started_at desc limit ${Math.floor(limit)}`);
}

import type { DataSource, EntityManager } from 'typeorm';
import type { SignedCheckpoint } from '@rj/audit/domain';

const COLUMNS = `sequence::text as sequence, hash, to_char(signed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
  signature, public_key_id as "publicKeyId"`;

type Row = Omit<SignedCheckpoint, 'sequence'> & { sequence: string };
const toCheckpoint = (row: Row): SignedCheckpoint => ({ ...row, sequence: Number(row.sequence) });

/** Stores a signed checkpoint; a second signer of the same sequence (another replica) is a no-op. */
export async function saveCheckpoint(manager: EntityManager | DataSource, checkpoint: SignedCheckpoint): Promise<void> {
  await manager.query(
    `insert into ledger_checkpoint (sequence, hash, signed_at, signature, public_key_id) values ($1, $2, $3, $4, $5)
     on conflict (sequence) do nothing`,
    [checkpoint.sequence, checkpoint.hash, checkpoint.at, checkpoint.signature, checkpoint.publicKeyId],
  );
}

export async function latestCheckpoint(manager: EntityManager | DataSource): Promise<SignedCheckpoint | null> {
  const rows: Row[] = await manager.query(`select ${COLUMNS} from ledger_checkpoint order by sequence desc limit 1`);
  return rows.length ? toCheckpoint(rows[0]) : null;
}

export async function checkpointAt(
  manager: EntityManager | DataSource,
  sequence: number,
): Promise<SignedCheckpoint | null> {
  const rows: Row[] = await manager.query(`select ${COLUMNS} from ledger_checkpoint where sequence = $1`, [sequence]);
  return rows.length ? toCheckpoint(rows[0]) : null;
}

/** Every stored checkpoint, oldest first (verify pins the chain to each). */
export async function allCheckpoints(manager: EntityManager | DataSource): Promise<SignedCheckpoint[]> {
  const rows: Row[] = await manager.query(`select ${COLUMNS} from ledger_checkpoint order by sequence`);
  return rows.map(toCheckpoint);
}

import { createPublicKey, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  chainColumns,
  columnsCheckedByDatabase,
  latestCheckpoint,
  readLedgerHead,
  saveCheckpoint,
  visitLedgerRows,
} from '@rj/audit/data-access';
import {
  ChainVerifier,
  GENESIS_POINT,
  signCheckpoint,
  verifyCheckpointSignature,
  type ChainEntry,
  type SignedCheckpoint,
} from '@rj/audit/domain';
import { RuleViolation } from '@rj/shared/contracts';

/**
 * Signs the ledger's head — but only a head that extends what this key signed before: the
 * entries since the last checkpoint with our signature (or since the genesis) are verified
 * link by link first, streaming, so the cost is the new entries only. Whoever can ask for a
 * signature (the API, or anyone who took it over) can thus only ever get the true
 * continuation of the signed chain signed, never a rewritten history; nothing the caller
 * sends is signed. Returns the latest checkpoint (null on an empty ledger); 409 when the
 * chain does not verify.
 */
export async function signVerifiedHead(
  dataSource: DataSource,
  privateKey: KeyObject,
  options: { batchSize: number; now?: () => Date },
): Promise<SignedCheckpoint | null> {
  const head = await readLedgerHead(dataSource);
  const last = await latestCheckpoint(dataSource);
  if (head.sequence === 0 || (last && last.sequence >= head.sequence)) return last;
  const publicKey = createPublicKey(privateKey);
  const start =
    last && verifyCheckpointSignature(last, publicKey) ? { sequence: last.sequence, hash: last.hash } : GENESIS_POINT;
  const verifier = new ChainVerifier({ start });
  const columns = chainColumns(await columnsCheckedByDatabase(dataSource));
  // Each row checked as it is read, up to the head read above (rows appended since are not
  // signed now), stopping at the first break.
  await visitLedgerRows<ChainEntry>(
    dataSource,
    { afterSequence: start.sequence },
    { columns, batchSize: options.batchSize },
    {
      visit: (row) => row.sequence <= head.sequence && verifier.push(row) && verifier.head().sequence < head.sequence,
    },
  );
  const reached = verifier.head();
  if (!verifier.result().ok || reached.sequence !== head.sequence || reached.hash !== head.hash) {
    const broken = verifier.result().firstBrokenSequence ?? reached.sequence + 1;
    throw new RuleViolation(
      'chain_broken',
      `the ledger does not verify at sequence ${broken} since the last signed checkpoint: nothing was signed`,
    );
  }
  const checkpoint = signCheckpoint(
    { sequence: head.sequence, hash: head.hash, at: (options.now?.() ?? new Date()).toISOString() },
    privateKey,
  );
  await saveCheckpoint(dataSource, checkpoint);
  return (await latestCheckpoint(dataSource)) ?? checkpoint;
}

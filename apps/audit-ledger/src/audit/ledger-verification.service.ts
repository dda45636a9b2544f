import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allCheckpoints,
  chainColumns,
  checkpointAt,
  columnsCheckedByDatabase,
  readLedgerHead,
  visitLedgerRows,
} from '@rj/audit/data-access';
import {
  ChainVerifier,
  GENESIS_POINT,
  type ChainEntry,
  type ChainPoint,
  type ChainVerification,
} from '@rj/audit/domain';
import { NotFound, RuleViolation } from '@rj/shared/contracts';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer.service';
import { ledgerMetrics, measureVerification } from './ledger-metrics';
import { LedgerStreamPool } from './ledger-stream-pool';

export interface LedgerVerification extends ChainVerification {
  from: ChainPoint;
  /** The last intact link (to compare with, or to sign). */
  head: ChainPoint;
  /** Stored checkpoints with a valid signature that the chain had to pass through. */
  checkpointsPinned: number;
}

/**
 * Verifies the chain in the database end to end (or from a stored checkpoint), streaming in
 * constant memory, pinned to every stored checkpoint whose signature is ours: a consistent
 * rewrite misses a checkpoint, a cut-off tail falls short of one. Also compares with the head
 * row, which names the last sequence ever appended.
 */
@Injectable()
export class LedgerVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: CheckpointSigner,
    @Inject(SERVICE_CONFIG) private readonly config: AuditLedgerEnv,
    private readonly streams: LedgerStreamPool,
  ) {
    ledgerMetrics(dataSource);
  }

  verify(
    options: {
      fromCheckpoint?: number;
      extraCheckpoints?: ChainPoint[];
      onProgress?: (checked: number) => Promise<void>;
    } = {},
  ): Promise<LedgerVerification> {
    return measureVerification(() => this.verifyChain(options));
  }

  private async verifyChain(options: {
    fromCheckpoint?: number;
    extraCheckpoints?: ChainPoint[];
    onProgress?: (checked: number) => Promise<void>;
  }): Promise<LedgerVerification> {
    const start = options.fromCheckpoint ? await this.startingCheckpoint(options.fromCheckpoint) : GENESIS_POINT;
    const pinned = [
      ...(await allCheckpoints(this.dataSource)).filter((cp) => this.signer.isSignedByUs(cp)),
      ...(options.extraCheckpoints ?? []),
    ];
    // Read before the stream's snapshot is taken: every sequence the head names must be in it.
    const recordedHead = await readLedgerHead(this.dataSource);
    const verifier = new ChainVerifier({ start, checkpoints: pinned });
    // Only the chain columns (sequence as float8: a number, exact below 2^53), and whether the
    // indexed columns agree with the hashed event unless Postgres's constraint vouches for all rows.
    const columns = chainColumns(await columnsCheckedByDatabase(this.dataSource));
    // The long read runs on the streams' own pool, never holding one of ingestion's connections.
    // Each row is checked as it is read (no batch of events held while hashing), up to the first break.
    await visitLedgerRows<ChainEntry>(
      await this.streams.ready(),
      { afterSequence: start.sequence },
      { columns, batchSize: this.config.AUDIT_STREAM_BATCH_SIZE },
      {
        visit: (row) => verifier.push(row),
        afterBatch: async () => options.onProgress?.(verifier.result().checked),
      },
    );
    const result = verifier.result();
    const head = verifier.head();
    const checkpointsPinned = pinned.filter((cp) => cp.sequence > start.sequence).length;
    if (result.ok && head.sequence < recordedHead.sequence) {
      // Rows past the last one present were appended once: the tail was removed.
      return {
        ok: false,
        checked: result.checked,
        firstBrokenSequence: head.sequence + 1,
        from: start,
        head,
        checkpointsPinned,
      };
    }
    return { ...result, from: start, head, checkpointsPinned };
  }

  /** The signed checkpoint a verification may start from (404 if none, 409 if not signed by us). */
  async startingCheckpoint(sequence: number): Promise<ChainPoint> {
    const checkpoint = await checkpointAt(this.dataSource, sequence);
    if (!checkpoint) throw new NotFound(`no checkpoint at sequence ${sequence}`);
    if (!this.signer.isSignedByUs(checkpoint))
      throw new RuleViolation(
        'checkpoint_signature',
        `the checkpoint at sequence ${sequence} does not carry a valid signature`,
      );
    return { sequence: checkpoint.sequence, hash: checkpoint.hash };
  }
}

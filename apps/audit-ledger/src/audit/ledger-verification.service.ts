import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  allCheckpoints,
  chainColumns,
  checkpointAt,
  columnsCheckedByDatabase,
  readLedgerHead,
} from '@rj/audit/data-access';
import {
  combineRangeVerdicts,
  GENESIS_POINT,
  planChainRanges,
  type ChainPoint,
  type ChainVerification,
} from '@rj/audit/domain';
import { NotFound, RuleViolation } from '@rj/shared/contracts';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { CheckpointSigner } from '../checkpoints/checkpoint-signer.service';
import { ledgerMetrics, measureVerification } from './ledger-metrics';
import { verifyLedgerRanges } from './ledger-range-verification';
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
 * row, which names the last sequence ever appended. A long ledger is verified in
 * AUDIT_VERIFY_RANGES sequence ranges read at once, joined into the verdict one pass would
 * give (combineRangeVerdicts).
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
    // Read before the streams' snapshots are taken: every sequence the head names is in each.
    const recordedHead = await readLedgerHead(this.dataSource);
    // Only the chain columns (sequence as float8: a number, exact below 2^53), and whether the
    // indexed columns agree with the hashed event unless Postgres's constraint vouches for all rows.
    const columns = chainColumns(await columnsCheckedByDatabase(this.dataSource));
    // Several ranges read at once, each on its own cursor, so Postgres serves one while this
    // process hashes another; each range holds at least two batches, or a second cursor costs
    // more than it saves. The last range is open-ended: rows appended since the head are verified.
    const batchSize = this.config.AUDIT_STREAM_BATCH_SIZE;
    const ranges = planChainRanges(
      start.sequence,
      recordedHead.sequence,
      this.config.AUDIT_VERIFY_RANGES,
      2 * batchSize,
    );
    // The long reads run on the streams' own pool, never holding one of ingestion's connections.
    const verdicts = await verifyLedgerRanges(
      await this.streams.ready(),
      ranges,
      { start, checkpoints: pinned, columns, batchSize },
      options.onProgress,
    );
    const { verification: result, head } = combineRangeVerdicts(start, verdicts);
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

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { latestCheckpoint, readLedgerHead, saveCheckpoint } from '@rj/audit/data-access';
import { checkpointKeyId, parseCheckpointPrivateKey, publicKeyBase64, signCheckpoint, verifyCheckpointSignature, type SignedCheckpoint } from '@rj/audit/domain';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';

/**
 * Signs the ledger's head (sequence, hash) with the configured Ed25519 key: on a timer when the
 * head has moved since the last checkpoint, and on demand. Several replicas may sign the same
 * head; the first stored wins (same sequence, same hash).
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointSigner.name);
  private readonly privateKey: KeyObject;
  private readonly publicKeyObject: KeyObject;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: AuditLedgerEnv,
  ) {
    this.privateKey = parseCheckpointPrivateKey(config.AUDIT_CHECKPOINT_PRIVATE_KEY);
    this.publicKeyObject = createPublicKey(this.privateKey);
  }

  onApplicationBootstrap(): void {
    const every = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (every > 0) this.timer = setInterval(() => void this.tick(), every).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  get publicKey(): { publicKeyId: string; publicKey: string; algorithm: 'Ed25519' } {
    return { publicKeyId: checkpointKeyId(this.privateKey), publicKey: publicKeyBase64(this.privateKey), algorithm: 'Ed25519' };
  }

  /** Checks a checkpoint's signature against this service's key. */
  isSignedByUs(checkpoint: SignedCheckpoint): boolean {
    return verifyCheckpointSignature(checkpoint, this.publicKeyObject);
  }

  /** Signs the head now unless it is already signed; returns the latest checkpoint (null on an empty ledger). */
  async signHead(): Promise<SignedCheckpoint | null> {
    const head = await readLedgerHead(this.dataSource);
    const last = await latestCheckpoint(this.dataSource);
    if (head.sequence === 0 || (last && last.sequence >= head.sequence)) return last;
    const checkpoint = signCheckpoint({ sequence: head.sequence, hash: head.hash, at: new Date().toISOString() }, this.privateKey);
    await saveCheckpoint(this.dataSource, checkpoint);
    return checkpoint;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.signHead()
      .catch((error: Error) => this.logger.warn(`checkpoint not signed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}

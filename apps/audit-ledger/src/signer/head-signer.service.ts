import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parseCheckpointPrivateKey, type SignedCheckpoint } from '@rj/audit/domain';
import { SERVICE_CONFIG } from '@rj/shared/service';
import { signVerifiedHead } from '../checkpoints/head-signing';
import type { CheckpointSignerEnv } from './signer.env';

/**
 * The signer's one job: sign the ledger's head with the private key, on a timer when the head
 * has moved, and when audit-ledger's API asks. One signing at a time; a request arriving while
 * one runs shares its result. Several signer replicas may sign the same head: the first
 * stored wins (same sequence, same hash).
 */
@Injectable()
export class HeadSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeadSigner.name);
  private readonly privateKey: KeyObject;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SignedCheckpoint | null>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: CheckpointSignerEnv,
  ) {
    this.privateKey = parseCheckpointPrivateKey(config.AUDIT_CHECKPOINT_PRIVATE_KEY);
  }

  onApplicationBootstrap(): void {
    const every = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (every > 0) {
      this.timer = setInterval(
        () => void this.signHead().catch((error: Error) => this.logger.warn(`checkpoint not signed: ${error.message}`)),
        every,
      ).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  signHead(): Promise<SignedCheckpoint | null> {
    this.running ??= signVerifiedHead(this.dataSource, this.privateKey, {
      batchSize: this.config.AUDIT_STREAM_BATCH_SIZE,
    }).finally(() => (this.running = undefined));
    return this.running;
  }
}

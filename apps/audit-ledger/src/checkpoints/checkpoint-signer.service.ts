import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  checkpointKeyId,
  DEV_CHECKPOINT_KEY,
  parseCheckpointPrivateKey,
  parseCheckpointPublicKey,
  publicKeyBase64,
  verifyCheckpointSignature,
  type SignedCheckpoint,
} from '@rj/audit/domain';
import { serviceTokenSource } from '@rj/shared/auth';
import { DependencyUnavailable, RuleViolation } from '@rj/shared/contracts';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { signVerifiedHead } from './head-signing';

/** How long the API waits for the signer: it verifies the entries since its last checkpoint first. */
const SIGNER_TIMEOUT_MS = 60_000;

/**
 * The API's side of checkpoints. It holds the PUBLIC key only (AUDIT_CHECKPOINT_PUBLIC_KEY), to
 * check signatures; signing happens in the checkpoint signer (signer-main.ts), a process of its
 * own that alone holds the private key, signs on its own timer and on request. A request is
 * `POST /internal/checkpoints` to AUDIT_SIGNER_URL with this service's token: it carries
 * nothing to sign — the signer reads the head itself and signs it only if the chain since its
 * last checkpoint verifies — so a taken-over API can at most ask for the truth to be signed.
 *
 * Without AUDIT_SIGNER_URL, outside production only (tests, a service run alone), it signs in
 * process with the public development key — which proves nothing, and which production refuses.
 */
@Injectable()
export class CheckpointSigner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointSigner.name);
  private readonly publicKeyObject: KeyObject;
  private readonly embeddedKey?: KeyObject;
  private readonly remote?: { url: string; token: () => Promise<string> };
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: AuditLedgerEnv,
  ) {
    this.publicKeyObject = parseCheckpointPublicKey(config.AUDIT_CHECKPOINT_PUBLIC_KEY);
    if (config.AUDIT_SIGNER_URL) {
      const token = serviceTokenSource({
        serviceName: 'audit-ledger',
        nodeEnv: config.NODE_ENV,
        clientId: config.AUTH_CLIENT_ID,
        clientSecret: config.AUTH_CLIENT_SECRET,
        issuer: config.AUTH_ISSUER,
        tokenUrl: config.AUTH_TOKEN_URL,
        jwtSecret: config.AUTH_JWT_SECRET,
      });
      this.remote = { url: `${config.AUDIT_SIGNER_URL.replace(/\/$/, '')}/internal/checkpoints`, token };
    } else {
      // Development and tests only (the environment's validation refuses this in production).
      this.embeddedKey = parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY);
    }
  }

  onApplicationBootstrap(): void {
    // With a signer, the signer keeps its own timer; the embedded one stands in for it.
    const every = this.config.AUDIT_CHECKPOINT_INTERVAL_MS;
    if (this.embeddedKey && every > 0) this.timer = setInterval(() => void this.tick(), every).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  get publicKey(): { publicKeyId: string; publicKey: string; algorithm: 'Ed25519' } {
    return {
      publicKeyId: checkpointKeyId(this.publicKeyObject),
      publicKey: publicKeyBase64(this.publicKeyObject),
      algorithm: 'Ed25519',
    };
  }

  /** Checks a checkpoint's signature against the signer's public key. */
  isSignedByUs(checkpoint: SignedCheckpoint): boolean {
    return verifyCheckpointSignature(checkpoint, this.publicKeyObject);
  }

  /** Has the head signed now unless it already is; returns the latest checkpoint (null on an empty ledger). */
  async signHead(): Promise<SignedCheckpoint | null> {
    if (this.remote) return this.requestSignature(this.remote);
    return signVerifiedHead(this.dataSource, this.embeddedKey as KeyObject, {
      batchSize: this.config.AUDIT_STREAM_BATCH_SIZE,
    });
  }

  private async requestSignature(signer: {
    url: string;
    token: () => Promise<string>;
  }): Promise<SignedCheckpoint | null> {
    let response: Response;
    try {
      response = await fetch(signer.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${await signer.token()}` },
        signal: AbortSignal.timeout(SIGNER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DependencyUnavailable(`the checkpoint signer did not answer (${(error as Error).message})`);
    }
    if (response.status === 404) return null;
    const body = (await response.json().catch(() => ({}))) as SignedCheckpoint & { detail?: string };
    if (response.status === 409)
      throw new RuleViolation('chain_broken', body.detail ?? 'the signer refused: the ledger does not verify');
    if (!response.ok) throw new DependencyUnavailable(`the checkpoint signer answered ${response.status}`);
    return body;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.signHead()
      .catch((error: Error) => this.logger.warn(`checkpoint not signed: ${error.message}`))
      .finally(() => (this.running = undefined));
  }
}

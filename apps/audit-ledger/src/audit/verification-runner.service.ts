import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  findVerification,
  finishVerification,
  insertVerification,
  latestLedgerSequence,
  recordVerificationProgress,
} from '@rj/audit/data-access';
import { verificationView, type VerificationView } from '@rj/audit/domain';
import { uuidv7 } from '@rj/shared/contracts';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { AuditLedgerEnv } from '../audit-ledger.env';
import { LedgerVerificationService } from './ledger-verification.service';

// Progress is written at most this often: the watcher refreshes every few seconds anyway.
const PROGRESS_EVERY_MS = 250;
// Waiting and running runs prove they are alive well within VERIFICATION_STALE_MS.
const HEARTBEAT_EVERY_MS = 15_000;

/**
 * Runs verifications of the chain in this process, as `GET /api/audit/verify` always has, but
 * detached from the request: the caller gets an id at once and watches the stored record. At
 * most AUDIT_VERIFICATION_CONCURRENCY run at a time in one process (each holds a database
 * connection and a CPU core); the others wait their turn, shown as running with nothing checked.
 */
@Injectable()
export class VerificationRunner implements OnModuleDestroy {
  private readonly logger = new Logger('verifications');
  private readonly waiting: (() => void)[] = [];
  private readonly alive = new Set<string>();
  private running = 0;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly verification: LedgerVerificationService,
    @Inject(SERVICE_CONFIG) private readonly config: AuditLedgerEnv,
  ) {
    this.heartbeat = setInterval(() => void this.touchAlive(), HEARTBEAT_EVERY_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  /** Checks where it starts (a bad checkpoint is refused now, not later), stores the run and queues it. */
  async start(from: 'genesis' | number, startedBy: string): Promise<VerificationView> {
    const fromSequence = from === 'genesis' ? 0 : (await this.verification.startingCheckpoint(from)).sequence;
    const total = Math.max(0, ((await latestLedgerSequence(this.dataSource)) ?? 0) - fromSequence);
    const id = uuidv7();
    await insertVerification(this.dataSource, { id, fromSequence, total, startedBy });
    this.alive.add(id);
    const view = await this.find(id);
    void this.whenFree(() => this.run(id, fromSequence));
    if (!view) throw new Error(`verification ${id} was not stored`);
    return view;
  }

  async find(id: string): Promise<VerificationView | null> {
    const record = await findVerification(this.dataSource, id);
    return record ? verificationView(record, new Date()) : null;
  }

  private async run(id: string, fromSequence: number): Promise<void> {
    let lastWrite = 0;
    try {
      const result = await this.verification.verify({
        fromCheckpoint: fromSequence || undefined,
        onProgress: async (checked) => {
          if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
          lastWrite = Date.now();
          await recordVerificationProgress(this.dataSource, id, checked);
        },
      });
      await finishVerification(this.dataSource, id, {
        ok: result.ok,
        checked: result.checked,
        firstBrokenSequence: result.ok ? undefined : result.firstBrokenSequence,
      });
    } catch (error) {
      this.logger.error(
        `verification ${id} could not finish: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      await finishVerification(this.dataSource, id, {
        ok: false,
        checked: 0,
        error: 'the verification could not finish; start another',
      }).catch(() => undefined);
    } finally {
      this.alive.delete(id);
    }
  }

  private async whenFree(task: () => Promise<void>): Promise<void> {
    if (this.running >= this.config.AUDIT_VERIFICATION_CONCURRENCY)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async touchAlive(): Promise<void> {
    if (!this.alive.size) return;
    await this.dataSource
      .query(`update ledger_verification set heartbeat_at = now() where id = any($1::uuid[]) and status = 'running'`, [
        [...this.alive],
      ])
      .catch(() => undefined);
  }
}

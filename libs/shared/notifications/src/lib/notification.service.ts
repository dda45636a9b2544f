import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { isCiphertext } from '@rj/shared/contracts';
import type { JobLogger, JobRunner } from '@rj/shared/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { notificationDeliverJob } from './notification-deliver.job';
import { NotificationEntity } from './notification.entity';

export interface QueueEmailInput {
  /** A code for what the mail is about ('session.reminder'). */
  readonly kind: string;
  /** A staff address as it is, or (with `encrypted`) a participant's `pii:1:` ciphertext. */
  readonly to: string;
  /** Required for an encrypted recipient: its data key is the referral's. */
  readonly referralId?: string;
  /** Without personal data: "Your session on 12 March at 10:00", never a name. */
  readonly subject: string;
  readonly body: string;
  readonly encrypted?: boolean;
}

export interface RecordSkippedInput {
  readonly kind: string;
  readonly referralId?: string;
  readonly subject: string;
  readonly body: string;
  /** Matches the contracts' reminder skip reasons. */
  readonly reason: 'no_safe_channel' | 'personal_data_erased';
}

export class InvalidNotificationError extends Error {
  override readonly name = 'InvalidNotificationError';
}

// Deliberately loose: the SMTP server is the judge; this only catches a ciphertext or a name
// passed where an address belongs.
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Writes notifications in the caller's transaction and hands them to BullMQ after commit. The
 * sweep re-adds every pending row, so neither a crash before the enqueue nor a Redis loss
 * loses a mail; re-adding is a no-op because the job id is the notification id.
 */
export class NotificationService {
  private sweepTimer?: NodeJS.Timeout;
  private readonly logger: JobLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    options: { readonly logger?: JobLogger } = {},
  ) {
    this.logger = options.logger ?? new Logger('Notifications');
  }

  /** Inserts a pending e-mail with `manager` (the caller's transaction) and returns its id. */
  async queueEmail(manager: EntityManager, input: QueueEmailInput): Promise<string> {
    const encrypted = input.encrypted ?? false;
    if (encrypted && !(isCiphertext(input.to) && input.referralId)) {
      throw new InvalidNotificationError('an encrypted recipient must be pii:1: ciphertext with its referralId');
    }
    if (!encrypted && !EMAIL.test(input.to)) throw new InvalidNotificationError('recipient is not a plain e-mail address');
    const id = randomUUID();
    await manager.insert(NotificationEntity, {
      id,
      kind: input.kind,
      referralId: input.referralId ?? null,
      recipient: input.to,
      recipientIsEncrypted: encrypted,
      subject: input.subject,
      body: input.body,
      status: 'pending',
    });
    return id;
  }

  /** Records a notification that must not go out (no safe e-mail channel), for the record. */
  async recordSkipped(manager: EntityManager, input: RecordSkippedInput): Promise<string> {
    const id = randomUUID();
    await manager.insert(NotificationEntity, {
      id,
      kind: input.kind,
      referralId: input.referralId ?? null,
      recipient: null,
      subject: input.subject,
      body: input.body,
      status: 'skipped',
      lastError: input.reason,
    });
    return id;
  }

  /** Call after the transaction that queued the notification committed. */
  async enqueue(notificationId: string): Promise<void> {
    await this.jobs.enqueue(notificationDeliverJob, { notificationId });
  }

  /** Re-adds a delivery job for every pending row; returns how many rows it saw. */
  async enqueuePending(batchSize = 500): Promise<number> {
    // Keyset on the id alone: the order does not matter, and a timestamptz cursor would lose
    // its microseconds in a JS Date and read the same page forever.
    let seen = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .select('n.id')
        .where(`n.status = 'pending'`)
        .andWhere('n.id > :afterId', { afterId })
        .orderBy('n.id', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) await this.enqueue(row.id);
      seen += rows.length;
      if (rows.length < batchSize) return seen;
      afterId = rows[rows.length - 1].id;
    }
  }

  /** Sweeps now and then every `everyMs`, in process, so it repairs a Redis loss without a restart. */
  async startSweep(everyMs = 60_000): Promise<void> {
    this.stopSweep();
    await this.sweepOnce();
    this.sweepTimer = setInterval(() => void this.sweepOnce(), everyMs);
    this.sweepTimer.unref();
  }

  stopSweep(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  private async sweepOnce(): Promise<void> {
    try {
      await this.enqueuePending();
    } catch (error) {
      this.logger.warn(`notification sweep failed, next run will retry: ${(error as Error).name}: ${(error as Error).message}`);
    }
  }
}

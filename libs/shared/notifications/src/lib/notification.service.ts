import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { isCiphertext, type ReminderSkipReasonCode } from '@rj/shared/contracts';
import type { JobLogger, JobRunner } from '@rj/shared/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { notificationDeliverJob } from './notification-deliver.job';
import { isIanaTimeZone } from './local-time';
import { NotificationEntity } from './notification.entity';
import { sendableFrom } from './quiet-hours';
import { NEUTRAL_SUBJECT, neutralSenderName, revealsCase } from './sender-name';

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
  /**
   * A participant's IANA time zone (their own when recorded, else their jurisdiction's): the
   * mail waits out their quiet hours (21:00-08:00 local), then and at send time.
   */
  readonly timeZone?: string;
  /** A participant's mail: the partner's name, used only when it reveals nothing (neutralSenderName). */
  readonly senderName?: string | null;
}

export interface RecordSkippedInput {
  readonly kind: string;
  readonly referralId?: string;
  readonly subject: string;
  readonly body: string;
  /** Matches the contracts' reminder skip reasons. */
  readonly reason: ReminderSkipReasonCode;
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
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    options: { readonly logger?: JobLogger; readonly now?: () => Date } = {},
  ) {
    this.logger = options.logger ?? new Logger('Notifications');
    this.now = options.now ?? (() => new Date());
  }

  /** Inserts a pending e-mail with `manager` (the caller's transaction) and returns its id. */
  async queueEmail(manager: EntityManager, input: QueueEmailInput): Promise<string> {
    const encrypted = input.encrypted ?? false;
    if (encrypted && !(isCiphertext(input.to) && input.referralId)) {
      throw new InvalidNotificationError('an encrypted recipient must be pii:1: ciphertext with its referralId');
    }
    if (!encrypted && !EMAIL.test(input.to))
      throw new InvalidNotificationError('recipient is not a plain e-mail address');
    if (input.timeZone !== undefined && !isIanaTimeZone(input.timeZone))
      throw new InvalidNotificationError('timeZone is not an IANA time zone');
    // Anyone who sees a participant's inbox must not learn they are in a case: a subject that
    // says so is replaced, never sent (the caller's words stay in its code for a person to fix).
    const subject = encrypted && revealsCase(input.subject) ? NEUTRAL_SUBJECT : input.subject;
    if (subject !== input.subject)
      this.logger.warn(`notification ${input.kind}: a participant's subject named the case; sent with a neutral one`);
    const now = this.now();
    const sendable = input.timeZone ? sendableFrom(now, input.timeZone) : now;
    const id = randomUUID();
    await manager.insert(NotificationEntity, {
      id,
      kind: input.kind,
      referralId: input.referralId ?? null,
      recipient: input.to,
      recipientIsEncrypted: encrypted,
      subject,
      body: input.body,
      status: 'pending',
      timeZone: input.timeZone ?? null,
      notBefore: sendable.getTime() > now.getTime() ? sendable : null,
      senderName: encrypted ? neutralSenderName(input.senderName) : null,
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

  /** Call after the transaction that queued the notification committed. A deferred one waits as a delayed job. */
  async enqueue(notificationId: string, notBefore?: Date | null): Promise<void> {
    const at =
      notBefore === undefined
        ? (
            await this.dataSource
              .getRepository(NotificationEntity)
              .findOne({ where: { id: notificationId }, select: { id: true, notBefore: true } })
          )?.notBefore
        : notBefore;
    await this.jobs.enqueue(notificationDeliverJob, { notificationId }, at ? { at } : {});
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
        .select(['n.id', 'n.notBefore'])
        .where(`n.status = 'pending'`)
        .andWhere('n.id > :afterId', { afterId })
        .orderBy('n.id', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) await this.enqueue(row.id, row.notBefore);
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
      this.logger.warn(
        `notification sweep failed, next run will retry: ${(error as Error).name}: ${(error as Error).message}`,
      );
    }
  }
}

import { PermanentJobError, type JobContext } from '@rj/shared/jobs';
import type { DataSource, Repository } from 'typeorm';
import type { DecryptRecipient } from './decrypt-recipient';
import type { NotificationDeliverPayload } from './notification-deliver.job';
import { NotificationEntity } from './notification.entity';
import { failureReasonCode, notificationMetrics } from './notification-metrics';
import { sendableFrom } from './quiet-hours';
import { fromWithDisplayName } from './sender-name';
import { MailSendError, type Mailer } from './smtp-mailer';

/**
 * Delivers one pending notification. Runs are idempotent on the row's status: a job added
 * again by the sweep after the mail went out finds `sent` and does nothing. Delivery is at
 * least once: a crash between the SMTP reply and the status update sends the mail again.
 */
export class NotificationDeliveryProcessor {
  private readonly rows: Repository<NotificationEntity>;

  constructor(
    dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly decryptRecipient: DecryptRecipient,
    private readonly options: { readonly mailFrom: string; readonly now?: () => Date },
  ) {
    this.rows = dataSource.getRepository(NotificationEntity);
    notificationMetrics(); // registered at zero, so an alert sees the series before the first failure
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async deliver({ notificationId }: NotificationDeliverPayload, context: JobContext): Promise<void> {
    const row = await this.rows.findOneBy({ id: notificationId });
    if (!row || row.status !== 'pending' || row.recipient === null) return;
    if (await this.deferred(row)) return;
    await this.rows.increment({ id: row.id, status: 'pending' }, 'attempts', 1);

    let to: string | null;
    try {
      to = row.recipientIsEncrypted ? await this.decryptRecipient(row.recipient, row.referralId ?? '') : row.recipient;
    } catch {
      await this.recordFailure(row.id, 'key_store_unavailable', context.isLastAttempt);
      throw new Error('recipient could not be decrypted');
    }
    if (to === null) {
      // Erasure is final: the key is gone, a retry cannot help.
      await this.rows.update(
        { id: row.id, status: 'pending' },
        { status: 'skipped', lastError: 'personal_data_erased' },
      );
      return;
    }

    try {
      const from = row.senderName ? fromWithDisplayName(this.options.mailFrom, row.senderName) : this.options.mailFrom;
      await this.mailer.send({ from, to, subject: row.subject, text: row.body });
    } catch (error) {
      const failure = error instanceof MailSendError ? error : new MailSendError('EUNKNOWN', undefined);
      await this.recordFailure(row.id, failure.message, context.isLastAttempt || failure.permanent);
      throw failure.permanent ? new PermanentJobError(failure.message) : failure;
    }
    await this.rows.update({ id: row.id, status: 'pending' }, { status: 'sent', sentAt: new Date(), lastError: null });
    notificationMetrics().sent.inc();
  }

  /**
   * Not yet: before its moment, or (a retry that drifted) in the recipient's quiet hours. The
   * row keeps when it may go; this run ends, and the sweep adds it back as a job delayed until
   * then. Deferred, never dropped.
   */
  private async deferred(row: NotificationEntity): Promise<boolean> {
    const now = this.now();
    const sendable = row.timeZone ? sendableFrom(now, row.timeZone) : now;
    const notBefore = row.notBefore && row.notBefore.getTime() > sendable.getTime() ? row.notBefore : sendable;
    if (notBefore.getTime() <= now.getTime()) return false;
    if (row.notBefore?.getTime() !== notBefore.getTime())
      await this.rows.update({ id: row.id, status: 'pending' }, { notBefore });
    return true;
  }

  private async recordFailure(id: string, reason: string, final: boolean): Promise<void> {
    notificationMetrics().failed.inc({ reason: failureReasonCode(reason), final: String(final) });
    await this.rows.update(
      { id, status: 'pending' },
      final ? { status: 'failed', lastError: reason } : { lastError: reason },
    );
  }
}

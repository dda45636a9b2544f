import type { EntityManager } from 'typeorm';
import { REPORTABLE_STATUSES, isTerminal, type ReferralStatus } from '@rj/shared/contracts';
import { queueWebhookEvent } from '@rj/shared/webhooks';

/** What an office's system can subscribe to (issue 21): referral statuses, the report, follow-ups. */
export const OFFICE_WEBHOOK_EVENT_TYPES = [
  'referral.status_changed',
  'referral.report_ready',
  'follow_up.due',
] as const;

/**
 * The UTC hour of the daily batch of outcome changes. Fixed rather than configured: offices'
 * systems plan their reading around it, and the hour itself reveals nothing.
 */
export const OUTCOME_BATCH_HOUR_UTC = 2;

/**
 * Queues what a status change tells the office's endpoints, in the transaction that made it:
 * the new status (ids and codes only), and the report once the referral came back. An ending
 * (withdrawn, returned, unmatched, ineligible, completed) and its report wait for the daily
 * batch, so the minute a message arrives never says who withdrew or declined.
 */
export async function queueStatusWebhooks(
  manager: EntityManager,
  referral: { id: string; officeId: string },
  status: ReferralStatus,
  cause: { type: string; id: string | null },
): Promise<void> {
  const batched = isTerminal(status);
  const source = cause.id ?? `${cause.type}:${referral.id}:${status}`;
  const options = { batchHourUtc: OUTCOME_BATCH_HOUR_UTC };
  await queueWebhookEvent(
    manager,
    {
      orgId: referral.officeId,
      type: 'referral.status_changed',
      referralId: referral.id,
      sourceKey: `${source}:status`,
      data: { referralId: referral.id, status },
      batched,
    },
    options,
  );
  if (REPORTABLE_STATUSES.includes(status)) {
    await queueWebhookEvent(
      manager,
      {
        orgId: referral.officeId,
        type: 'referral.report_ready',
        referralId: referral.id,
        sourceKey: `${source}:report`,
        data: { referralId: referral.id },
        batched: true,
      },
      options,
    );
  }
}

import { defineJob } from '@rj/shared/jobs';

export type NotificationDeliverPayload = { notificationId: string };

/**
 * Exponential from 5 s over 8 attempts rides out about ten minutes of SMTP outage; after that
 * the row is `failed` for a person to look at. Completed jobs go at once (the row is the
 * record); failed ones stay a week for inspection.
 */
export const notificationDeliverJob = defineJob<NotificationDeliverPayload>({
  name: 'notification.deliver',
  queue: 'notifications',
  options: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  jobId: (payload) => payload.notificationId,
});

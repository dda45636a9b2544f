import { handleJob, type JobHandlerBinding } from '@rj/shared/jobs';
import { notificationDeliverJob } from './notification-deliver.job';
import type { NotificationDeliveryProcessor } from './notification-delivery.processor';

/** The jobs this lib declares, for a service's registry. */
export const notificationJobs = [notificationDeliverJob];

/** Their handlers, bound to the service's processor. */
export function notificationJobHandlers(processor: NotificationDeliveryProcessor): JobHandlerBinding[] {
  return [handleJob(notificationDeliverJob, (payload, context) => processor.deliver(payload, context))];
}

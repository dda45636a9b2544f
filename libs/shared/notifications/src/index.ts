export * from './lib/notification.entity';
export * from './lib/migrations/create-notification-table.migration';
export * from './lib/safe-channels';
export * from './lib/notification-deliver.job';
export * from './lib/notification-jobs';
export * from './lib/decrypt-recipient';
export * from './lib/smtp-mailer';
export * from './lib/notifications.config';
export * from './lib/notification-delivery.processor';
export * from './lib/notification.service';

import { CreateNotificationTable1795669917416 } from './lib/migrations/create-notification-table.migration';
import { NotificationEntity } from './lib/notification.entity';

/** For a service's DataSource: `entities: [...notificationEntities]`, `migrations: [...notificationMigrations]`. */
export const notificationEntities = [NotificationEntity];
export const notificationMigrations = [CreateNotificationTable1795669917416];

export { NOTIFICATION_STATUSES, NotificationEntity, type NotificationStatus } from './lib/notification.entity';
export { CreateNotificationTable1795669917416 } from './lib/migrations/create-notification-table.migration';
export { chooseChannel, safeEmailOf, type ChosenChannel, type ParticipantContact } from './lib/safe-channels';
export { notificationDeliverJob, type NotificationDeliverPayload } from './lib/notification-deliver.job';
export { notificationJobHandlers, notificationJobs } from './lib/notification-jobs';
export { type DecryptRecipient } from './lib/decrypt-recipient';
export { MailSendError, createSmtpMailer, type Mailer, type OutgoingMail } from './lib/smtp-mailer';
export { notificationsConfigFromEnv, type NotificationsConfig } from './lib/notifications.config';
export { NotificationDeliveryProcessor } from './lib/notification-delivery.processor';
export {
  InvalidNotificationError,
  NotificationService,
  type QueueEmailInput,
  type RecordSkippedInput,
} from './lib/notification.service';

import { CreateNotificationTable1795669917416 } from './lib/migrations/create-notification-table.migration';
import { NotificationLocalDelivery1796600000000 } from './lib/migrations/1796600000000-notification-local-delivery.migration';
import { NotificationEntity } from './lib/notification.entity';

/** For a service's DataSource: `entities: [...notificationEntities]`, `migrations: [...notificationMigrations]`. */
export const notificationEntities = [NotificationEntity];
export const notificationMigrations = [CreateNotificationTable1795669917416, NotificationLocalDelivery1796600000000];
export { failureReasonCode, notificationMetrics, type NotificationMetrics } from './lib/notification-metrics';
export {
  DEFAULT_CHANNEL_CONFIRMATION_DAYS,
  channelStillConfirmed,
  lastChannelConfirmation,
} from './lib/channel-confirmation';
export { instantOfLocal, isIanaTimeZone, localClockOf, type LocalClock } from './lib/local-time';
export { QUIET_HOURS, isQuietHour, sendableFrom } from './lib/quiet-hours';
export { MESSAGE_KEYS, type Catalogue, type MessageKey, type MessageValues } from './lib/messages/message-keys';
export {
  CATALOGUES,
  COMPLETE_LANGUAGES,
  FALLBACK_LANGUAGE,
  messageLanguageFor,
  renderMessage,
} from './lib/messages/catalogue';
export { localDateTime } from './lib/messages/local-datetime';
export {
  NEUTRAL_SENDER_NAME,
  NEUTRAL_SUBJECT,
  fromWithDisplayName,
  neutralSenderName,
  revealsCase,
} from './lib/sender-name';
export {
  decideParticipantMail,
  participantMessageLanguage,
  quietHoursZone,
  renderParticipantMail,
  type ParticipantMailDecision,
  type ParticipantMailFacts,
  type ParticipantMailKind,
} from './lib/participant-mail';
export { keepLatestJurisdictionTimeZone } from './lib/jurisdiction-time-zone';

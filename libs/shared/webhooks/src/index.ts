export { parseAllowedRanges, refusalOf, type AllowedRanges, type RefusalReason } from './lib/destination-policy';
export {
  WEBHOOK_ENDPOINT_STATUSES,
  WebhookEndpointEntity,
  type WebhookEndpointStatus,
} from './lib/webhook-endpoint.entity';
export {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDeliveryEntity,
  type WebhookDeliveryStatus,
} from './lib/webhook-delivery.entity';
export { WebhookAttemptEntity } from './lib/webhook-attempt.entity';
export { CreateWebhookTables1796500000000 } from './lib/migrations/create-webhook-tables.migration';
export { attemptsWithin, isPersistentFailure, releaseTimeOf } from './lib/webhook-schedule';
export { decryptSecret, encryptSecret, newWebhookSecret, signDelivery, type SignedHeaders } from './lib/webhook-secret';
export { sendWebhook, systemResolver, type Resolver, type SendResult, type SenderOptions } from './lib/webhook-sender';
export { webhooksConfigFromEnv, type WebhookEnvSettings, type WebhooksConfig } from './lib/webhooks.config';
export { webhookDeliverJob, type WebhookDeliverPayload } from './lib/webhook-deliver.job';
export { WebhookDeliveryProcessor, type IsReferralErased } from './lib/webhook-delivery.processor';
export { WebhookDispatcher } from './lib/webhook-dispatcher';
export {
  DEFAULT_OVERLAP_HOURS,
  DISABLED_BY_OWNER,
  MAX_OVERLAP_HOURS,
  WebhookEndpoints,
  type RegisterEndpointInput,
  type WebhookScope,
} from './lib/webhook-endpoints.service';
export { dropWebhookDeliveriesOf, queueWebhookEvent, type WebhookEvent } from './lib/webhook-outbox';
export {
  deliveryView,
  endpointView,
  type WebhookAttemptView,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookSecretView,
} from './lib/webhook-views';

import { CreateWebhookTables1796500000000 } from './lib/migrations/create-webhook-tables.migration';
import { WebhookAttemptEntity } from './lib/webhook-attempt.entity';
import { WebhookDeliveryEntity } from './lib/webhook-delivery.entity';
import { WebhookEndpointEntity } from './lib/webhook-endpoint.entity';

/** For a service's DataSource: `entities: [...webhookEntities]`, `migrations: [...webhookMigrations]`. */
export const webhookEntities = [WebhookEndpointEntity, WebhookDeliveryEntity, WebhookAttemptEntity];
export const webhookMigrations = [CreateWebhookTables1796500000000];
export {
  ListWebhookEndpointsQuery,
  RegisterWebhookEndpointDto,
  RotateWebhookSecretDto,
  WebhookAttemptDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookSecretDto,
} from './lib/webhook-endpoint.dto';
export {
  WebhookEndpointsApi,
  type WebhookEndpointsApiOptions,
  type WebhookRegistrationOwner,
} from './lib/webhook-endpoints.controller';
export { IsWebhookRanges, WebhookServiceEnv } from './lib/webhook-service.env';

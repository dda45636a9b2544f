import type { WebhookAttemptEntity } from './webhook-attempt.entity';
import type { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import type { WebhookEndpointEntity, WebhookEndpointStatus } from './webhook-endpoint.entity';

/** An endpoint as its owner and the admins see it: never a secret. */
export interface WebhookEndpointView {
  id: string;
  orgId: string;
  url: string;
  eventTypes: string[];
  status: WebhookEndpointStatus;
  contactEmail: string;
  createdAt: string;
  approvedAt: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  /** Until when the previous secret still signs, during a rotation's overlap. */
  previousSecretUntil: string | null;
}

/** Answer to registration and rotation: the secret, shown this once. */
export interface WebhookSecretView {
  endpoint: WebhookEndpointView;
  secret: string;
}

export interface WebhookAttemptView {
  round: number;
  attempt: number;
  at: string;
  responseStatus: number | null;
  errorCode: string | null;
  durationMs: number;
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  referralId: string | null;
  status: WebhookDeliveryStatus;
  releaseAt: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: WebhookAttemptView[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function endpointView(row: WebhookEndpointEntity, now = new Date()): WebhookEndpointView {
  const overlap = row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil : null;
  return {
    id: row.id,
    orgId: row.orgId,
    url: row.url,
    eventTypes: [...row.eventTypes],
    status: row.status,
    contactEmail: row.contactEmail,
    createdAt: row.createdAt.toISOString(),
    approvedAt: iso(row.approvedAt),
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
    previousSecretUntil: iso(overlap),
  };
}

export function deliveryView(
  row: WebhookDeliveryEntity,
  attempts: readonly WebhookAttemptEntity[],
): WebhookDeliveryView {
  return {
    id: row.id,
    eventType: row.eventType,
    referralId: row.referralId,
    status: row.status,
    releaseAt: row.releaseAt.toISOString(),
    attempts: row.attempts,
    lastResponseStatus: row.lastResponseStatus,
    lastError: row.lastError,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
    log: attempts.map((a) => ({
      round: a.round,
      attempt: a.attempt,
      at: a.at.toISOString(),
      responseStatus: a.responseStatus,
      errorCode: a.errorCode,
      durationMs: a.durationMs,
    })),
  };
}

import type { ServiceName } from '../platform/api-client';

export type WebhookOwnerKind = 'office' | 'partner';

/** Where one kind of organisation's endpoints live, and what they can subscribe to. */
export interface WebhookSource {
  readonly kind: WebhookOwnerKind;
  readonly service: ServiceName;
  /** The service's API for the endpoints. */
  readonly api: string;
  /** The event types the service offers (its WebhookEndpoints' list). */
  readonly eventTypes: readonly string[];
}

export const WEBHOOK_SOURCES: Record<WebhookOwnerKind, WebhookSource> = {
  office: {
    kind: 'office',
    service: 'referral-intake',
    api: '/api/office-webhooks',
    eventTypes: ['referral.status_changed', 'referral.report_ready', 'follow_up.due'],
  },
  partner: {
    kind: 'partner',
    service: 'partner-matching',
    api: '/api/partner-webhooks',
    eventTypes: ['offer.made', 'offer.expired', 'offer.withdrawn'],
  },
};

/** The source a URL's `:kind` names; anything else is a page that does not exist. */
export function sourceOf(kind: string): WebhookSource | undefined {
  return kind === 'office' || kind === 'partner' ? WEBHOOK_SOURCES[kind] : undefined;
}

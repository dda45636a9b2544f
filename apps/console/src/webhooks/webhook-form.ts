import type { WebhookEndpoint, WebhookDelivery } from './webhook-shapes';

/** The registration form as typed: kept as it is so a refused form comes back unchanged. */
export interface WebhookForm {
  url?: string;
  eventTypes?: string[];
  contactEmail?: string;
}

export const WEBHOOK_LABELS: Record<string, string> = {
  url: 'Address',
  eventTypes: 'Events',
  contactEmail: 'Contact email',
  overlapHours: 'Hours the old secret keeps working',
};

/** Checkboxes link to their first box. */
export const WEBHOOK_CONTROLS: Record<string, string> = { eventTypes: 'eventTypes' };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function webhookFormFrom(body: Record<string, unknown>): WebhookForm {
  const events = body['eventTypes'];
  return {
    url: text(body['url']),
    eventTypes: (Array.isArray(events) ? events : [events]).filter((e): e is string => typeof e === 'string'),
    contactEmail: text(body['contactEmail']),
  };
}

/** The API's body: an empty contact means "the organisation's own". */
export function registrationBody(form: WebhookForm): Record<string, unknown> {
  return {
    url: form.url ?? '',
    eventTypes: form.eventTypes ?? [],
    ...(form.contactEmail ? { contactEmail: form.contactEmail } : {}),
  };
}

/** `overlapHours` as typed: a whole number, or undefined for the service's default (24). */
export function overlapHoursFrom(value: unknown): number | string | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/** The GOV.UK tag colour of an endpoint's state. */
export function endpointTagClass(status: WebhookEndpoint['status']): string {
  return { pending_approval: 'govuk-tag--yellow', active: 'govuk-tag--green', disabled: 'govuk-tag--grey' }[status];
}

/** The GOV.UK tag colour of a delivery's state. */
export function deliveryTagClass(status: WebhookDelivery['status']): string {
  return {
    pending: 'govuk-tag--blue',
    delivered: 'govuk-tag--green',
    failed: 'govuk-tag--red',
    dropped: 'govuk-tag--grey',
  }[status];
}

/** A delivery that was sent or gave up can go again; one on its way or dropped at erasure cannot. */
export function canResend(delivery: Pick<WebhookDelivery, 'status'>): boolean {
  return delivery.status === 'delivered' || delivery.status === 'failed';
}

/** What the receiver last answered, in words: `HTTP 500`, `timeout`, or nothing yet. */
export function lastAnswerOf(delivery: Pick<WebhookDelivery, 'lastResponseStatus' | 'lastError'>): string {
  if (delivery.lastResponseStatus !== null) return `HTTP ${delivery.lastResponseStatus}`;
  if (delivery.lastError) return delivery.lastError.replace(/_/g, ' ');
  return '';
}

export function deliveryRows(deliveries: readonly WebhookDelivery[]) {
  return deliveries.map((delivery) => ({
    ...delivery,
    tagClass: deliveryTagClass(delivery.status),
    canResend: canResend(delivery),
    lastAnswer: lastAnswerOf(delivery),
  }));
}

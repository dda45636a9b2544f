/** The webhook API's answers, as the console reads them (libs/shared/webhooks' views). */
export interface WebhookEndpoint {
  id: string;
  orgId: string;
  url: string;
  eventTypes: string[];
  status: 'pending_approval' | 'active' | 'disabled';
  contactEmail: string;
  createdAt: string;
  approvedAt: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  previousSecretUntil: string | null;
}

export interface WebhookSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export interface WebhookAttempt {
  round: number;
  attempt: number;
  at: string;
  responseStatus: number | null;
  errorCode: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  referralId: string | null;
  status: 'pending' | 'delivered' | 'failed' | 'dropped';
  releaseAt: string;
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  log: WebhookAttempt[];
}

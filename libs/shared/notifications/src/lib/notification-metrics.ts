import { Counter } from 'prom-client';
import { serviceMetrics } from '@rj/shared/service';

export interface NotificationMetrics {
  sent: Counter;
  failed: Counter<'reason' | 'final'>;
}

let metrics: NotificationMetrics | undefined;

/**
 * E-mails sent and send attempts that failed. The reason label is a short code (an SMTP error
 * code such as ECONNECTION, or key_store_unavailable), never an address or a reply text;
 * `final="true"` marks the attempt after which the notification is given up (status failed).
 */
export function notificationMetrics(): NotificationMetrics {
  const registers = [serviceMetrics().registry];
  metrics ??= {
    sent: new Counter({ name: 'rj_emails_sent_total', help: 'E-mails accepted by the SMTP relay', registers }),
    failed: new Counter({
      name: 'rj_emails_failed_total',
      help: 'E-mail send attempts that failed, by reason code and whether it was the last attempt',
      labelNames: ['reason', 'final'] as const,
      registers,
    }),
  };
  return metrics;
}

/** `smtp ECONNECTION 421` → `ECONNECTION`: the code without the reply number. */
export function failureReasonCode(reason: string): string {
  const code = reason.startsWith('smtp ') ? reason.split(' ')[1] : reason;
  return /^[A-Za-z_]{1,40}$/.test(code ?? '') ? code : 'other';
}

import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Why a send failed, as codes only: SMTP replies often quote the recipient's address. */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';
  constructor(
    readonly code: string,
    readonly responseCode: number | undefined,
  ) {
    super(`smtp ${code}${responseCode ? ` ${responseCode}` : ''}`);
  }

  /** A 5xx reply is a refusal that a retry will not change (RFC 5321, 4.2.1). */
  get permanent(): boolean {
    return this.responseCode !== undefined && this.responseCode >= 500;
  }
}

/** One SMTP connection per mail: reminders are few, and a pool would pin a dead connection. */
export function createSmtpMailer(smtpUrl: string): Mailer {
  const transport = createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        throw new MailSendError(code ?? 'EUNKNOWN', responseCode);
      }
    },
    close: () => transport.close(),
  };
}

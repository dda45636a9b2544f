import { notificationsConfigFromEnv } from './notifications.config';
import { MailSendError } from './smtp-mailer';

describe('notificationsConfigFromEnv', () => {
  it('reads SMTP_URL and MAIL_FROM', () => {
    expect(
      notificationsConfigFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Platform <noreply@rj.example>' }),
    ).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Platform <noreply@rj.example>',
    });
  });

  it('names every missing or malformed variable on its own line', () => {
    expect(() => notificationsConfigFromEnv({ SMTP_URL: 'http://x' })).toThrow(
      'SMTP_URL must be an smtp:// or smtps:// URL\nMAIL_FROM must be an e-mail address ("Platform <noreply@example.org>" or "noreply@example.org")',
    );
  });
});

describe('MailSendError', () => {
  it('treats a 5xx reply as permanent and a 4xx or a dropped connection as worth a retry', () => {
    expect(new MailSendError('EENVELOPE', 550).permanent).toBe(true);
    expect(new MailSendError('EENVELOPE', 451).permanent).toBe(false);
    expect(new MailSendError('ESOCKET', undefined).permanent).toBe(false);
  });
});

export interface NotificationsConfig {
  readonly smtpUrl: string;
  readonly mailFrom: string;
}

/** Reads SMTP_URL and MAIL_FROM, failing with one line per problem (conventions.md, Config). */
export function notificationsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const problems: string[] = [];
  const smtpUrl = env['SMTP_URL'] ?? '';
  const mailFrom = env['MAIL_FROM'] ?? '';
  if (!/^smtps?:\/\/[^/]+/.test(smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom) && !/^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom)) {
    problems.push('MAIL_FROM must be an e-mail address ("Platform <noreply@example.org>" or "noreply@example.org")');
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { smtpUrl, mailFrom };
}

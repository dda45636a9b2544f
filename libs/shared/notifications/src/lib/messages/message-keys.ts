/**
 * Every message a participant may receive, by key. A message names the kind of meeting and its
 * local time, never the other party, the offence or a place (product.md: a message may be read
 * by someone else on the participant's device).
 */
export const MESSAGE_KEYS = [
  'session.reminder.subject',
  'session.reminder.body',
  'outcome.notice.subject',
  'outcome.notice.body',
  'feedback.invitation.subject',
  'feedback.invitation.body',
  'feedback.reminder.subject',
  'feedback.reminder.body',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** One language's messages in ICU MessageFormat. */
export type Catalogue = Record<MessageKey, string>;

/**
 * The values a message may use: `kind` a session kind code, `interpreter` yes/no, `result` an
 * outcome code (completed / not_completed), `link` a survey's address and `stopLink` its "stop
 * asking me" address, the rest already formatted.
 */
export interface MessageValues {
  kind?: string;
  date?: string;
  time?: string;
  zone?: string;
  interpreter?: 'yes' | 'no';
  result?: string;
  link?: string;
  stopLink?: string;
}

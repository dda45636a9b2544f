/**
 * Who a participant's e-mail says it is from. A sender or subject naming restorative justice,
 * victims or offenders tells anyone who sees the inbox that the person is in a criminal case:
 * a participant's mail comes from the partner's name only when that name says none of it, and
 * otherwise from a neutral name.
 */
export const NEUTRAL_SENDER_NAME = 'Appointments';
/** What a participant's subject becomes when the caller's said what the case is about. */
export const NEUTRAL_SUBJECT = 'A message for you';

const REVEALING =
  /restorative|justice|justicia|restaurativ|victim|v[ií]ctima|offen[cs]e|offender|crime|criminal|delito|prosecut|fiscal|probation|court|tribunal/i;
const PRINTABLE = /^[\p{L}\p{N} .,&'()-]{2,60}$/u;

/** Whether a subject or sender name reveals what the message is about. */
export function revealsCase(text: string): boolean {
  return REVEALING.test(text);
}

/** The display name for a participant's mail from this partner's name (or none). */
export function neutralSenderName(partnerName: string | null | undefined): string {
  const name = partnerName?.trim() ?? '';
  return PRINTABLE.test(name) && !revealsCase(name) ? name : NEUTRAL_SENDER_NAME;
}

/** MAIL_FROM's address under another display name: `"Name" <address>`. */
export function fromWithDisplayName(mailFrom: string, displayName: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `"${displayName.replace(/["\\\r\n]/g, '')}" <${address}>`;
}

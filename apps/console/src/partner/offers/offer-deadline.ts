const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long is left to answer an offer, in words a busy person reads at a glance. */
export interface OfferDeadline {
  /** "Answer within 2 days", "Answer within 5 hours", "The time to answer has passed". */
  text: string;
  /** Less than a day left: the inbox marks it. */
  urgent: boolean;
  passed: boolean;
}

/**
 * The time left until `expiresAt`, never more than there really is (it rounds down), so
 * "within 2 days" always means at least two days are left. An offer past its time is not
 * answerable any more: the service has passed it on or will at its next sweep.
 */
export function offerDeadline(expiresAt: string, now: Date): OfferDeadline {
  const left = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(left)) return { text: '', urgent: false, passed: false };
  if (left <= 0) return { text: 'The time to answer has passed', urgent: true, passed: true };
  return { text: `Answer within ${durationWords(left)}`, urgent: left < DAY, passed: false };
}

/** 50 hours → "2 days and 2 hours"; 5 hours 40 minutes → "5 hours"; 40 minutes → "40 minutes". */
export function durationWords(ms: number): string {
  if (ms >= 2 * DAY) return count(Math.floor(ms / DAY), 'day');
  if (ms >= DAY) {
    const hours = Math.floor((ms - DAY) / HOUR);
    return hours ? `1 day and ${count(hours, 'hour')}` : '1 day';
  }
  if (ms >= HOUR) return count(Math.floor(ms / HOUR), 'hour');
  return count(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

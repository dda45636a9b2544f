const DAY_MS = 86_400_000;

/** How long a participant's confirmation of their safe channels holds unless configured otherwise. */
export const DEFAULT_CHANNEL_CONFIRMATION_DAYS = 30;

/**
 * When a participant's safe channels were last confirmed: the latest confirmation a mediator
 * recorded with them, or — while no mediator has changed them — the details the referral
 * carried, which count as confirmed when the programme received them (the case opened).
 */
export function lastChannelConfirmation(caseOpenedAt: Date, mediatorConfirmedAt: Date | null | undefined): Date {
  return mediatorConfirmedAt ?? caseOpenedAt;
}

/**
 * A safe channel is used only while its confirmation is recent: a channel that was safe once
 * (a phone no one else read, an address the other party did not know) may not be safe months
 * later, and a message on an unsafe channel can put a person harmed at risk. Older than the
 * window, nothing is sent and the mediator is told, to phone the person and re-confirm their
 * channels. Every service that writes to participants applies this same rule.
 */
export function channelStillConfirmed(
  lastConfirmedAt: Date,
  now: Date,
  windowDays: number = DEFAULT_CHANNEL_CONFIRMATION_DAYS,
): boolean {
  return now.getTime() - lastConfirmedAt.getTime() <= windowDays * DAY_MS;
}

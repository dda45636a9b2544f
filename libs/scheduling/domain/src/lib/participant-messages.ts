/**
 * What a message to a participant depends on besides its words (issue 21): their time zone,
 * and whether the session has an interpreter for someone in it.
 */
export const DEFAULT_TIME_ZONE = 'UTC';

/** Their own zone when a mediator recorded one, else their jurisdiction's, else UTC (named as such in the message). */
export function participantTimeZone(own: string | null | undefined, jurisdiction: string | null | undefined): string {
  return own || jurisdiction || DEFAULT_TIME_ZONE;
}

/** A session needs an interpreter when anyone in it said they need one. */
export function sessionNeedsInterpreter(
  participants: readonly { participantId: string; interpreter: boolean }[],
  participantIds: readonly string[],
): boolean {
  return participants.some(
    (participant) => participant.interpreter && participantIds.includes(participant.participantId),
  );
}

import type { EntityManager } from 'typeorm';
import { postgresErrorCode } from '@rj/shared/persistence';

/** A booking names a person by kind, so a mediator's `sub` can never collide with a participant id. */
export const mediatorKey = (sub: string): string => `mediator:${sub}`;
export const participantKey = (participantId: string): string => `participant:${participantId}`;

const range = (startsAt: Date, endsAt: Date): string => `[${startsAt.toISOString()},${endsAt.toISOString()})`;

/**
 * Books everyone of a session for its time range. Half-open ranges: a session ending at 10:00
 * does not overlap one starting at 10:00. Throws the driver's 23P01 on an overlap.
 */
export async function bookSession(
  manager: EntityManager,
  sessionId: string,
  personKeys: readonly string[],
  startsAt: Date,
  endsAt: Date,
): Promise<void> {
  await manager.query(
    `insert into session_booking (session_id, person_key, during, active)
     select $1, key, $3::tstzrange, true from unnest($2::text[]) as key`,
    [sessionId, [...personKeys], range(startsAt, endsAt)],
  );
}

/** Moves a session's bookings (reschedule); the exclusion constraint judges the new range. */
export async function moveBookings(
  manager: EntityManager,
  sessionId: string,
  startsAt: Date,
  endsAt: Date,
): Promise<void> {
  await manager.query('update session_booking set during = $2::tstzrange where session_id = $1 and active', [
    sessionId,
    range(startsAt, endsAt),
  ]);
}

/** A cancelled session frees its people's time. */
export async function releaseBookings(manager: EntityManager, sessionId: string): Promise<void> {
  await manager.query('update session_booking set active = false where session_id = $1', [sessionId]);
}

/** Postgres' exclusion violation: someone in the session is already booked at that time. */
export function isDoubleBooking(error: unknown): boolean {
  return postgresErrorCode(error) === '23P01';
}

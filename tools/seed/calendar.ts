/**
 * Mediators' diaries for the seed. The platform refuses to double-book a mediator, and a
 * session already held may only be recorded within the back-dating window (72 h by default).
 * Each mediator's held sessions get consecutive hourly slots starting two days back, so that
 * cases seeded in parallel never overlap and a case's preparation comes before its dialogue;
 * planned sessions get slots on the coming days.
 */
import { SeedError } from './http';

const HOUR_MS = 3_600_000;
/** Well inside the default 72 h window, so a slow run is still accepted at its end. */
const HELD_FROM_HOURS_AGO = 47;
const SESSION_MINUTES = 45;

export interface Slot {
  startsAt: string;
  endsAt: string;
}

export class MediatorCalendar {
  private readonly held = new Map<string, number>();
  private readonly planned = new Map<string, number>();

  constructor(private readonly startedAt: Date = new Date()) {}

  /** The mediator's next free hour in the recent past (for a session recorded with its attendance). */
  heldSlot(mediatorSub: string): Slot {
    const index = this.next(this.held, mediatorSub);
    const startsAt = this.startedAt.getTime() - HELD_FROM_HOURS_AGO * HOUR_MS + index * HOUR_MS;
    if (startsAt + SESSION_MINUTES * 60_000 > this.startedAt.getTime() - HOUR_MS) {
      throw new SeedError(`mediator ${mediatorSub} has no free hour left in the back-dating window`);
    }
    return slot(startsAt);
  }

  /** The mediator's next free morning or afternoon in the days ahead (a session still to come). */
  plannedSlot(mediatorSub: string): Slot {
    const index = this.next(this.planned, mediatorSub);
    const day = new Date(this.startedAt);
    day.setUTCHours(0, 0, 0, 0);
    const startsAt = day.getTime() + (3 + Math.floor(index / 2)) * 24 * HOUR_MS + (index % 2 === 0 ? 9 : 14) * HOUR_MS;
    return slot(startsAt);
  }

  private next(diary: Map<string, number>, mediatorSub: string): number {
    const index = diary.get(mediatorSub) ?? 0;
    diary.set(mediatorSub, index + 1);
    return index;
  }
}

function slot(startsAt: number): Slot {
  return {
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + SESSION_MINUTES * 60_000).toISOString(),
  };
}

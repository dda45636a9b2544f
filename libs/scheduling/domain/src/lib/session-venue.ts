import { createHash } from 'node:crypto';
import type { SessionKind } from '@rj/shared/contracts';

/** Where a session takes place, as a kind: the free-text location stays in the service. */
export const VENUE_TYPES = ['programme_office', 'community_venue', 'video_call', 'home_visit', 'other'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** A session as the calendar feed may describe it: no names, no address of a home, no meeting link. */
export interface FeedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly reference: string;
  readonly venue: string | null;
  readonly cancelled: boolean;
}

const SUMMARIES: Record<SessionKind, string> = {
  preparation: 'Preparation meeting',
  joint_dialogue: 'Dialogue',
  indirect_dialogue: 'Indirect dialogue',
  follow_up: 'Follow-up meeting',
};

const VENUES: Record<VenueType, string> = {
  programme_office: 'Programme office',
  community_venue: 'Community venue',
  video_call: 'Video call',
  home_visit: 'Home visit',
  other: 'Other venue',
};

/**
 * A short reference a mediator recognises a case by, derived from the case id by a one-way
 * hash: it says nothing about the people and cannot be turned back into the id.
 */
export function caseReference(caseId: string): string {
  return `RJ-${createHash('sha256').update(caseId).digest('hex').slice(0, 6).toUpperCase()}`;
}

/**
 * What a session shows in a mediator's calendar feed, which leaves the platform for any
 * calendar app: the kind in words, the case reference and the venue type. The location text
 * goes with it only for a programme office or community venue (a public place); a home visit's
 * address, a video call's link and anything typed for another venue never do.
 */
export function feedEventOf(session: {
  id: string;
  caseId: string;
  kind: SessionKind;
  status: string;
  startsAt: string;
  endsAt: string;
  venueType: VenueType | null;
  location: string | null;
}): FeedEvent {
  const publicPlace = session.venueType === 'programme_office' || session.venueType === 'community_venue';
  const venueWords = session.venueType ? VENUES[session.venueType] : null;
  const venue = publicPlace && session.location ? `${venueWords}: ${session.location}` : venueWords;
  return {
    uid: `${session.id}@rj-sessions`,
    summary: SUMMARIES[session.kind],
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    reference: caseReference(session.caseId),
    venue,
    cancelled: session.status === 'cancelled',
  };
}

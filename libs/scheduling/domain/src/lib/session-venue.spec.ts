import { caseReference, feedEventOf } from './session-venue';

const CASE = '0190a000-0000-7000-8000-0000000000c1';
const session = (overrides: Partial<Parameters<typeof feedEventOf>[0]> = {}) =>
  feedEventOf({
    id: 's-1',
    caseId: CASE,
    kind: 'preparation',
    status: 'scheduled',
    startsAt: '2027-01-04T09:00:00.000Z',
    endsAt: '2027-01-04T10:00:00.000Z',
    venueType: 'home_visit',
    location: '12 Elm Street',
    ...overrides,
  });

describe('what a session shows in the calendar feed', () => {
  it('names the kind of meeting and a reference, never the case id', () => {
    const event = session();
    expect(event.summary).toBe('Preparation meeting');
    expect(event.reference).toBe(caseReference(CASE));
    expect(event.reference).toMatch(/^RJ-[0-9A-F]{6}$/);
    expect(JSON.stringify(event)).not.toContain(CASE);
  });

  it('never carries a home visit’s address, a video link or another venue’s text', () => {
    expect(session().venue).toBe('Home visit');
    expect(session({ venueType: 'video_call', location: 'https://meet.example/abc' }).venue).toBe('Video call');
    expect(session({ venueType: 'other', location: 'At Robin’s work' }).venue).toBe('Other venue');
    expect(
      JSON.stringify([session(), session({ venueType: 'video_call', location: 'https://meet.example/abc' })]),
    ).not.toMatch(/Elm|meet\.example/);
  });

  it('keeps the location of a public place', () => {
    expect(session({ venueType: 'community_venue', location: 'Library, room 2' }).venue).toBe(
      'Community venue: Library, room 2',
    );
  });

  it('marks a cancelled session as cancelled', () => {
    expect(session({ status: 'cancelled' }).cancelled).toBe(true);
  });
});

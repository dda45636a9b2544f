import ICAL from 'ical.js';
import { assignMediator, consentParticipant, inMinutes } from '../test/case-actors';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

describe('a mediator’s sessions and calendar feed', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const book = (caseId: string, token: string, body: Record<string, unknown>) =>
    harness.service.request('POST', `/api/cases/${caseId}/sessions`, { token, body });

  it('lists this week’s sessions with needs, and serves them as RFC 5545 without names, home address or link', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    await consentParticipant(harness, referral.caseId, actors.mediator, referral.harmedId);
    await consentParticipant(harness, referral.caseId, actors.mediator, referral.responsibleId);
    const home = await book(referral.caseId, actors.mediator, {
      kind: 'preparation',
      startsAt: inMinutes(60 * 24),
      endsAt: inMinutes(60 * 25),
      venueType: 'home_visit',
      location: '12 Elm Street, Springfield',
      participantIds: [referral.harmedId],
      mediatorIds: [actors.mediatorSub],
    });
    expect(home.status).toBe(201);
    expect(home.body).toMatchObject({
      venueType: 'home_visit',
      location: '12 Elm Street, Springfield',
      caseReference: expect.stringMatching(/^RJ-[0-9A-F]{6}$/),
    });
    const video = await book(referral.caseId, actors.mediator, {
      kind: 'preparation',
      startsAt: inMinutes(60 * 48),
      endsAt: inMinutes(60 * 49),
      venueType: 'video_call',
      location: 'https://meet.example/secret-room',
      participantIds: [referral.responsibleId],
      mediatorIds: [actors.mediatorSub],
    });
    expect(video.status).toBe(201);

    // Another mediator of another partner, with a session of their own, must not appear.
    const other = await openCase(harness);
    const otherActors = await assignMediator(harness, other, 'mediator-other-partner');
    await consentParticipant(harness, other.caseId, otherActors.mediator, other.harmedId);
    expect(
      (
        await book(other.caseId, otherActors.mediator, {
          kind: 'preparation',
          startsAt: inMinutes(60 * 30),
          endsAt: inMinutes(60 * 31),
          venueType: 'programme_office',
          participantIds: [other.harmedId],
          mediatorIds: [otherActors.mediatorSub],
        })
      ).status,
    ).toBe(201);

    const week = await harness.service.request('GET', '/api/me/sessions', { token: actors.mediator });
    expect(week.status).toBe(200);
    expect(week.body.items.map((s: { id: string }) => s.id)).toEqual([home.body.id, video.body.id]);
    expect(week.body.items[0].needs).toEqual([
      {
        participantId: referral.harmedId,
        role: 'harmed',
        preferredLanguage: 'nl',
        interpreter: false,
        hasAccessibilityNeeds: false,
      },
    ]);
    expect(week.body.items[0].remindersNotDelivered).toEqual([]);
    // A reminder the job could send through no channel is listed, so the mediator phones instead.
    await harness.service.dataSource.query(
      'insert into reminder_delivery (reminder_key, session_id, participant_id, offset_minutes, delivered, handled_at) values ($1, $2, $3, 1440, false, now())',
      [`test-${home.body.id}`, home.body.id, referral.harmedId],
    );
    const again = await harness.service.request('GET', '/api/me/sessions', { token: actors.mediator });
    expect(again.body.items[0].remindersNotDelivered).toEqual([referral.harmedId]);
    expect((await harness.service.request('GET', '/api/me/sessions', { token: actors.admin })).status).toBe(403);
    expect(
      (
        await harness.service.request('GET', `/api/me/sessions?from=${inMinutes(0)}&to=${inMinutes(-5)}`, {
          token: actors.mediator,
        })
      ).status,
    ).toBe(400);

    expect((await harness.service.request('GET', '/api/me/calendar-feed', { token: actors.mediator })).body).toEqual({
      active: false,
      createdAt: null,
    });
    const made = await harness.service.request('POST', '/api/me/calendar-feed', { token: actors.mediator });
    expect(made.status).toBe(201);
    expect(made.body.path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only a hash is stored.
    const stored = (await harness.service.dataSource.query(
      'select token_hash from calendar_feed where mediator_sub = $1',
      [actors.mediatorSub],
    )) as { token_hash: string }[];
    expect(made.body.path).not.toContain(stored[0].token_hash);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

    const feed = await harness.service.request('GET', made.body.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = feed.body as string;
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid)).toEqual([`${home.body.id}@rj-sessions`, `${video.body.id}@rj-sessions`]);
    expect(events[0].summary).toBe(`Preparation meeting (${home.body.caseReference})`);
    expect(events[0].location).toBe('Home visit');
    expect(events[1].location).toBe('Video call');
    // iCalendar keeps whole seconds.
    expect(events[0].startDate.toJSDate().getTime()).toBe(
      Math.floor(new Date(home.body.startsAt).getTime() / 1000) * 1000,
    );
    for (const secret of ['Elm Street', 'meet.example', 'Anna', 'Tom', referral.caseId, referral.harmedId])
      expect(text).not.toContain(secret);

    // Rotating kills the old URL; revoking kills the new one.
    const rotated = await harness.service.request('POST', '/api/me/calendar-feed', { token: actors.mediator });
    expect((await harness.service.request('GET', made.body.path)).status).toBe(404);
    expect((await harness.service.request('GET', rotated.body.path)).status).toBe(200);
    expect((await harness.service.request('DELETE', '/api/me/calendar-feed', { token: actors.mediator })).status).toBe(
      204,
    );
    expect((await harness.service.request('GET', rotated.body.path)).status).toBe(404);
    expect((await harness.service.request('GET', '/calendar/not-a-token.ics')).status).toBe(404);
  });

  it('refuses a feed to a mediator who is not registered with their partner', async () => {
    const stranger = harness.service.token('mediator', '0190a000-0000-7000-8000-0000000000e9', 'mediator-unregistered');
    expect((await harness.service.request('POST', '/api/me/calendar-feed', { token: stranger })).status).toBe(404);
  });
});

import { participantTimeZone, sessionNeedsInterpreter } from './participant-messages';

describe("a participant's message context", () => {
  it("uses the participant's own time zone, else the jurisdiction's, else UTC", () => {
    expect(participantTimeZone('America/Los_Angeles', 'Europe/Amsterdam')).toBe('America/Los_Angeles');
    expect(participantTimeZone(null, 'Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(participantTimeZone(undefined, null)).toBe('UTC');
  });

  it('marks a session as needing an interpreter only when someone in it needs one', () => {
    const participants = [
      { participantId: 'a', interpreter: true },
      { participantId: 'b', interpreter: false },
    ];
    expect(sessionNeedsInterpreter(participants, ['a', 'b'])).toBe(true);
    expect(sessionNeedsInterpreter(participants, ['b'])).toBe(false);
  });
});

import { reminderMail } from './reminder-mail';

const LA = 'America/Los_Angeles';

describe('a reminder e-mail', () => {
  it('says which kind of meeting and when, in the participant’s language and local time, and nothing about who or where', () => {
    const mail = reminderMail({
      kind: 'joint_dialogue',
      startsAt: new Date('2026-03-12T09:30:00Z'),
      language: 'en',
      timeZone: 'UTC',
      interpreter: false,
    });
    expect(mail.subject).toBe('Reminder: your dialogue meeting on Thursday, March 12, 2026 at 09:30');
    expect(mail.body).toBe(
      'This is a reminder of your dialogue meeting on Thursday, March 12, 2026 at 09:30 (UTC).\nIf you cannot attend, please contact your mediator.',
    );
    expect(Object.keys(mail)).toEqual(['subject', 'body']);
  });

  it('gives a Los Angeles participant the local time on both sides of the March daylight-saving switch, in Spanish', () => {
    // 10:00 in Los Angeles both times: 18:00 UTC in standard time (UTC-8), 17:00 UTC in daylight time (UTC-7).
    const before = reminderMail({
      kind: 'preparation',
      startsAt: new Date('2026-03-07T18:00:00Z'),
      language: 'es',
      timeZone: LA,
      interpreter: false,
    });
    const after = reminderMail({
      kind: 'preparation',
      startsAt: new Date('2026-03-09T17:00:00Z'),
      language: 'es',
      timeZone: LA,
      interpreter: true,
    });
    expect(before.subject).toBe('Recordatorio: su reunión de preparación el sábado, 7 de marzo de 2026 a las 10:00');
    expect(before.body).toContain('a las 10:00 (GMT-8)');
    expect(after.subject).toBe('Recordatorio: su reunión de preparación el lunes, 9 de marzo de 2026 a las 10:00');
    expect(after.body).toContain('a las 10:00 (GMT-7)');
    expect(after.body).toContain('Habrá un intérprete para usted.');
    expect(before.body).not.toContain('intérprete');
  });
});

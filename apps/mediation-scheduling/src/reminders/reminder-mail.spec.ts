import { reminderMail } from './reminder-mail';

describe('a reminder e-mail', () => {
  it('says which kind of meeting and when, in UTC, and nothing about who or where', () => {
    const mail = reminderMail('joint_dialogue', new Date('2026-03-12T09:30:00Z'));
    expect(mail.subject).toBe('Reminder: your dialogue meeting on 2026-03-12 at 09:30 UTC');
    expect(mail.body).toContain('2026-03-12 at 09:30 UTC');
    expect(Object.keys(mail)).toEqual(['subject', 'body']);
  });
});

import { reminderWithheldBy, surveyReminderDue, type SurveyReminderState } from './survey-reminder';

const RELEASED = '2026-06-01T10:00:00.000Z';
const at = (days: number, hours = 0) => new Date(Date.parse(RELEASED) + days * 86_400_000 + hours * 3_600_000);
const OPEN: SurveyReminderState = { releasedAt: RELEASED, usedAt: null, remindedAt: null };

describe('the survey reminder', () => {
  it('is due a week after the invitation to someone who has not answered', () => {
    expect(surveyReminderDue(OPEN, at(6, 23))).toBe(false);
    expect(surveyReminderDue(OPEN, at(7))).toBe(true);
    expect(surveyReminderDue(OPEN, at(20))).toBe(true);
  });

  it('is never sent twice, nor to someone who answered', () => {
    expect(surveyReminderDue({ ...OPEN, remindedAt: at(7).toISOString() }, at(8))).toBe(false);
    expect(surveyReminderDue({ ...OPEN, usedAt: at(2).toISOString() }, at(8))).toBe(false);
  });

  it('is never queued in the link’s last day, so a quiet-hours hold cannot deliver an expired link', () => {
    expect(surveyReminderDue(OPEN, at(28, 23))).toBe(true);
    expect(surveyReminderDue(OPEN, at(29))).toBe(false);
    expect(surveyReminderDue(OPEN, at(31))).toBe(false);
  });

  it('is withheld by what would refuse a release about the person or the case, not by its timing rules', () => {
    expect(reminderWithheldBy(['too_late', 'already_released', 'safe_channel_not_reconfirmed'])).toEqual([]);
    expect(reminderWithheldBy(['already_released', 'asked_not_to_be_surveyed'])).toEqual(['asked_not_to_be_surveyed']);
    expect(reminderWithheldBy(['disclosure', 'withdrawn', 'no_safe_email'])).toEqual([
      'disclosure',
      'withdrawn',
      'no_safe_email',
    ]);
  });
});

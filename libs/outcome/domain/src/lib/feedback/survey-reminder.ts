import type { FeedbackReleaseBlock } from './feedback-release';
import { SURVEY_LINK_DAYS } from './survey-link';

/**
 * One reminder at most (issue 20), a week after the invitation to someone who has not answered.
 * The issue names no day; a week leaves the participant time before a nudge and the reminder
 * three weeks of the link's 30 days.
 */
export const SURVEY_REMINDER_AFTER_DAYS = 7;
/**
 * A reminder is queued only while a day of the link remains: a mail held over the recipient's
 * quiet hours (at most 11 hours) must never arrive with a link that has already expired.
 */
export const SURVEY_REMINDER_LAST_DAY_MARGIN = 1;
const DAY = 86_400_000;

export interface SurveyReminderState {
  releasedAt: string;
  usedAt: string | null;
  remindedAt: string | null;
}

/** Whether this invitation's one reminder is due now: a week on, unanswered, not reminded, its link still open tomorrow. */
export function surveyReminderDue(invitation: SurveyReminderState, now: Date): boolean {
  if (invitation.usedAt || invitation.remindedAt) return false;
  const age = now.getTime() - Date.parse(invitation.releasedAt);
  return age >= SURVEY_REMINDER_AFTER_DAYS * DAY && age < (SURVEY_LINK_DAYS - SURVEY_REMINDER_LAST_DAY_MARGIN) * DAY;
}

/**
 * What, arising since the release, withholds the reminder: whatever would refuse a release
 * about the person or the case. The release's timing rules (window, re-confirmation within 30
 * days, already released) judged the invitation once and do not apply to its reminder.
 */
export const REMINDER_WITHHOLDING_BLOCKS: readonly FeedbackReleaseBlock[] = [
  'no_feedback_consent',
  'no_guardian_consent',
  'withdrawn',
  'risk_stop',
  'disclosure',
  'new_protective_order',
  'no_safe_email',
  'asked_not_to_be_surveyed',
];

export function reminderWithheldBy(releaseBlocks: readonly FeedbackReleaseBlock[]): FeedbackReleaseBlock[] {
  return releaseBlocks.filter((block) => REMINDER_WITHHOLDING_BLOCKS.includes(block));
}

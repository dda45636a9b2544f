import { addMonths, dateOfInstant } from '../calendar-date';

/**
 * Whether a mediator may release a feedback survey to one participant (issue 20; product.md
 * 2026-12: the mediator releases each survey, never after a withdrawal, a `stop` risk
 * assessment, a disclosure or a new protective order). Every reason that blocks is listed, so
 * the mediator sees them all at once; an empty list means the survey may go.
 */
export type FeedbackSurvey = 'first' | 'second';

export const FEEDBACK_RELEASE_BLOCKS = [
  'no_feedback_consent',
  'no_guardian_consent',
  'withdrawn',
  'risk_stop',
  'disclosure',
  'new_protective_order',
  'no_safe_email',
  'safe_channel_not_reconfirmed',
  'case_not_finished',
  'second_survey_is_for_the_person_harmed',
  'too_early',
  'too_late',
  'already_released',
  'asked_not_to_be_surveyed',
  'no_message_in_language',
] as const;
export type FeedbackReleaseBlock = (typeof FEEDBACK_RELEASE_BLOCKS)[number];

/** A safe channel counts as re-confirmed for this long (the same 30 days as reminders). */
export const SAFE_CHANNEL_CONFIRMATION_DAYS = 30;
const DAY = 86_400_000;

export interface FeedbackReleaseFacts {
  survey: FeedbackSurvey;
  role: 'harmed' | 'responsible';
  minor: boolean;
  /** The participant's own latest decision on `feedback`, and a guardian's for a minor. */
  feedbackConsent: 'given' | 'declined' | 'withdrawn' | null;
  guardianFeedbackConsent: 'given' | 'declined' | 'withdrawn' | null;
  /** Participation withdrawn by anyone, or the referral withdrawn. */
  withdrawn: boolean;
  /** Any `stop` risk assessment on the case. */
  riskStop: boolean;
  /** Any disclosure recorded on the case. */
  disclosure: boolean;
  /** A protective order made after the referral. */
  newProtectiveOrder: boolean;
  /** The participant's safe channels, and when a mediator last confirmed them with the participant. */
  safeChannels: readonly string[];
  channelConfirmedAt: string | null;
  /** How the case ended, if it has. */
  caseResult: 'completed' | 'returned' | null;
  /** The last joint or indirect dialogue held. */
  lastDialogueAt: string | null;
  /** When every term of the agreement was fulfilled (the second survey may go from then). */
  termsCompletedAt: string | null;
  alreadyReleased: boolean;
  /** The participant followed a "stop asking me" link: no survey mail reaches them again. */
  askedNotToBeSurveyed: boolean;
  /**
   * The language the invitation and the survey can be written in for them (issue 21: their own
   * when it has a catalogue, English when they need no interpreter); null: none they can read —
   * someone who needs an interpreter in another language gets no mail, the mediator phones them.
   */
  messageLanguage: string | null;
}

/** First survey: 1 to 3 weeks after the last dialogue. Second: from completed terms or 3 months, until 6 months. */
export function releaseWindow(
  facts: Pick<FeedbackReleaseFacts, 'survey' | 'lastDialogueAt' | 'termsCompletedAt'>,
): { opens: string; closes: string } | null {
  if (!facts.lastDialogueAt) return null;
  const last = Date.parse(facts.lastDialogueAt);
  if (facts.survey === 'first')
    return { opens: new Date(last + 7 * DAY).toISOString(), closes: new Date(last + 21 * DAY).toISOString() };
  const day = dateOfInstant(facts.lastDialogueAt);
  const threeMonths = `${addMonths(day, 3)}T00:00:00.000Z`;
  const sixMonths = `${addMonths(day, 6)}T23:59:59.999Z`;
  const opens = facts.termsCompletedAt && facts.termsCompletedAt < threeMonths ? facts.termsCompletedAt : threeMonths;
  return { opens, closes: sixMonths };
}

export function feedbackReleaseBlocks(facts: FeedbackReleaseFacts, now: Date): FeedbackReleaseBlock[] {
  const blocks: FeedbackReleaseBlock[] = [];
  if (facts.feedbackConsent !== 'given') blocks.push('no_feedback_consent');
  if (facts.minor && facts.guardianFeedbackConsent !== 'given') blocks.push('no_guardian_consent');
  if (facts.withdrawn) blocks.push('withdrawn');
  if (facts.riskStop) blocks.push('risk_stop');
  if (facts.disclosure) blocks.push('disclosure');
  if (facts.newProtectiveOrder) blocks.push('new_protective_order');
  if (!facts.safeChannels.includes('email')) blocks.push('no_safe_email');
  const confirmed = facts.channelConfirmedAt ? Date.parse(facts.channelConfirmedAt) : null;
  if (confirmed === null || now.getTime() - confirmed > SAFE_CHANNEL_CONFIRMATION_DAYS * DAY)
    blocks.push('safe_channel_not_reconfirmed');
  if (facts.caseResult === null || !facts.lastDialogueAt) blocks.push('case_not_finished');
  if (facts.survey === 'second' && facts.role !== 'harmed') blocks.push('second_survey_is_for_the_person_harmed');
  const window = releaseWindow(facts);
  if (window && now.toISOString() < window.opens) blocks.push('too_early');
  if (window && now.toISOString() > window.closes) blocks.push('too_late');
  if (facts.alreadyReleased) blocks.push('already_released');
  if (facts.askedNotToBeSurveyed) blocks.push('asked_not_to_be_surveyed');
  if (facts.messageLanguage === null) blocks.push('no_message_in_language');
  return blocks;
}

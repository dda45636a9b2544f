import { feedbackReleaseBlocks, releaseWindow, type FeedbackReleaseFacts } from './feedback-release';

const NOW = new Date('2026-06-15T12:00:00Z');
const READY: FeedbackReleaseFacts = {
  survey: 'first',
  role: 'harmed',
  minor: false,
  feedbackConsent: 'given',
  guardianFeedbackConsent: null,
  withdrawn: false,
  riskStop: false,
  disclosure: false,
  newProtectiveOrder: false,
  safeChannels: ['email'],
  channelConfirmedAt: '2026-06-01T09:00:00Z',
  caseResult: 'completed',
  lastDialogueAt: '2026-06-01T10:00:00Z',
  termsCompletedAt: null,
  alreadyReleased: false,
  askedNotToBeSurveyed: false,
  messageLanguage: 'es',
};

describe('releasing a feedback survey', () => {
  it('lets a survey go when nothing blocks it', () => {
    expect(feedbackReleaseBlocks(READY, NOW)).toEqual([]);
  });

  it.each([
    ['no feedback consent', { feedbackConsent: null }, 'no_feedback_consent'],
    ['a declined feedback consent', { feedbackConsent: 'declined' }, 'no_feedback_consent'],
    ['a minor without a guardian’s consent', { minor: true, guardianFeedbackConsent: null }, 'no_guardian_consent'],
    ['a withdrawal', { withdrawn: true }, 'withdrawn'],
    ['a stop risk assessment', { riskStop: true }, 'risk_stop'],
    ['a disclosure', { disclosure: true }, 'disclosure'],
    ['a new protective order', { newProtectiveOrder: true }, 'new_protective_order'],
    ['no e-mail among the safe channels', { safeChannels: ['phone'] }, 'no_safe_email'],
    [
      'a safe channel confirmed 31 days ago',
      { channelConfirmedAt: '2026-05-15T11:00:00Z' },
      'safe_channel_not_reconfirmed',
    ],
    ['a safe channel never re-confirmed', { channelConfirmedAt: null }, 'safe_channel_not_reconfirmed'],
    ['a case still running', { caseResult: null }, 'case_not_finished'],
    [
      'a second survey for the person responsible',
      { survey: 'second', role: 'responsible', lastDialogueAt: '2026-02-01T10:00:00Z' },
      'second_survey_is_for_the_person_harmed',
    ],
    ['a survey released before', { alreadyReleased: true }, 'already_released'],
    ['the participant asking not to be asked again', { askedNotToBeSurveyed: true }, 'asked_not_to_be_surveyed'],
    [
      'no catalogue in the language of someone who needs an interpreter',
      { messageLanguage: null },
      'no_message_in_language',
    ],
  ] as const)('blocks it after %s', (_name, change, block) => {
    expect(feedbackReleaseBlocks({ ...READY, ...change } as FeedbackReleaseFacts, NOW)).toContain(block);
  });

  it('sends the first survey 1 to 3 weeks after the last dialogue', () => {
    expect(feedbackReleaseBlocks({ ...READY, lastDialogueAt: '2026-06-10T10:00:00Z' }, NOW)).toEqual(['too_early']);
    expect(feedbackReleaseBlocks({ ...READY, lastDialogueAt: '2026-05-20T10:00:00Z' }, NOW)).toEqual(['too_late']);
    expect(releaseWindow(READY)).toEqual({ opens: '2026-06-08T10:00:00.000Z', closes: '2026-06-22T10:00:00.000Z' });
  });

  it('sends the second survey from completed terms or 3 months, until 6 months', () => {
    const second = { ...READY, survey: 'second' as const, lastDialogueAt: '2026-01-10T10:00:00Z' };
    expect(releaseWindow(second)).toEqual({ opens: '2026-04-10T00:00:00.000Z', closes: '2026-07-10T23:59:59.999Z' });
    expect(releaseWindow({ ...second, termsCompletedAt: '2026-02-20T08:00:00Z' })?.opens).toBe('2026-02-20T08:00:00Z');
    expect(feedbackReleaseBlocks(second, NOW)).toEqual([]);
    expect(feedbackReleaseBlocks({ ...second, lastDialogueAt: '2025-11-01T10:00:00Z' }, NOW)).toEqual(['too_late']);
  });

  it('lists every reason at once', () => {
    expect(
      feedbackReleaseBlocks({ ...READY, riskStop: true, disclosure: true, feedbackConsent: 'withdrawn' }, NOW),
    ).toEqual(['no_feedback_consent', 'risk_stop', 'disclosure']);
  });
});

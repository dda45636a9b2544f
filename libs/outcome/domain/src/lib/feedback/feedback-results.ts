import { countFor, rateFor } from '../disclosure/cell-rules';
import type { Audience } from '../disclosure/thresholds';
import { surveyItems, SURVEY_ITEMS } from './survey-items';
import type { FeedbackSurvey } from './feedback-release';

/**
 * Participants' feedback in aggregate only, by survey and role (issue 20): how many surveys
 * were released and answered, the response rate, and for each item the share who agreed (4 or
 * 5 on the scale) among those who rated it ("prefer not to say" and skipped items are left
 * out). Every count and share goes through the audience's disclosure rules: a share needs both
 * those who agreed and those who did not to reach the threshold.
 */
export interface ReleasedSurvey {
  survey: FeedbackSurvey;
  role: string;
}

export interface AnsweredSurvey extends ReleasedSurvey {
  answers: Readonly<Record<string, string>>;
}

export interface FeedbackResultGroup {
  survey: FeedbackSurvey;
  role: string;
  released: number | null;
  answered: number | null;
  responseRate: number | null;
  items: { id: string; agreed: number | null }[];
}

const GROUPS: { survey: FeedbackSurvey; role: 'harmed' | 'responsible' }[] = [
  { survey: 'first', role: 'harmed' },
  { survey: 'first', role: 'responsible' },
  { survey: 'second', role: 'harmed' },
];

export function agreedShare(answers: readonly AnsweredSurvey[], item: string, audience: Audience): number | null {
  const rated = answers.map((a) => a.answers[item]).filter((value) => value !== undefined && /^[1-5]$/.test(value));
  return rateFor(audience, rated.filter((value) => value === '4' || value === '5').length, rated.length);
}

export function feedbackResults(
  released: readonly ReleasedSurvey[],
  answered: readonly AnsweredSurvey[],
  audience: Audience,
): FeedbackResultGroup[] {
  return GROUPS.map(({ survey, role }) => {
    const sent = released.filter((r) => r.survey === survey && r.role === role).length;
    const mine = answered.filter((a) => a.survey === survey && a.role === role);
    // Every item either shape of the survey can ask (item 7 only after an agreement).
    const ids = [
      ...new Set(
        [
          ...surveyItems({ survey, role, agreementReached: true }),
          ...surveyItems({ survey, role, agreementReached: false }),
        ].map((item) => item.id),
      ),
    ];
    return {
      survey,
      role,
      released: countFor(audience, sent),
      answered: countFor(audience, mine.length),
      responseRate: rateFor(audience, mine.length, sent),
      items: SURVEY_ITEMS.filter((item) => ids.includes(item.id)).map((item) => ({
        id: item.id,
        agreed: agreedShare(mine, item.id, audience),
      })),
    };
  });
}

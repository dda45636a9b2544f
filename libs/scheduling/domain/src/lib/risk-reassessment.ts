import type { CaseState, ParticipantState } from './case-state';

const DAY_MS = 86_400_000;

/**
 * How long a risk assessment stands before the mediator is asked to look at it again. The
 * practice standards ask for risk to be kept under review rather than fixing an interval; a
 * month matches the window within which a participant's safe channels must be re-confirmed,
 * so one conversation with the person can cover both.
 */
export const DEFAULT_RISK_REASSESSMENT_DAYS = 30;

export type RiskReassessmentReason = 'disclosure_since_assessment' | 'assessment_older_than_window';

/**
 * Whether a participant's risk assessment is due again (product.md: "reassessed at any time").
 * A disclosure under a confidentiality exception after the assessment means something serious
 * came to light since; an assessment older than the window may no longer describe the person's
 * situation. Nothing is due for a participant not yet assessed (the dialogue gate asks for that),
 * after a `stop` (the case can only be concluded), or once the case is concluded. Advisory: the
 * mediator is shown it; the dialogue gate itself does not change.
 */
export function riskReassessmentDue(
  state: Pick<CaseState, 'status' | 'lastDisclosureAt'>,
  participant: Pick<ParticipantState, 'latestRisk' | 'riskAssessedAt'>,
  now: Date,
  windowDays: number = DEFAULT_RISK_REASSESSMENT_DAYS,
): RiskReassessmentReason | null {
  const assessedAt = participant.riskAssessedAt;
  if (
    state.status === 'concluded' ||
    participant.latestRisk === null ||
    participant.latestRisk === 'stop' ||
    !assessedAt
  )
    return null;
  if (state.lastDisclosureAt && Date.parse(state.lastDisclosureAt) > Date.parse(assessedAt))
    return 'disclosure_since_assessment';
  if (now.getTime() - Date.parse(assessedAt) > windowDays * DAY_MS) return 'assessment_older_than_window';
  return null;
}

import type { MetricDefinition } from './metric-definition';
import type { MetricsFilter, ReferralFacts } from './facts';
import { scopeFacts } from './metric-filter';
import { agreementRate } from './agreement-rate';
import { completionRate } from './completion-rate';
import { declineReasons, partnerResponseHours } from './partner-response';
import { participationRate } from './participation-rate';
import { referralsBySource, referralsByStatus } from './referral-counts';
import { reoffenceRate } from './reoffence-rate';
import {
  communityServiceHoursAgreed,
  communityServiceHoursDone,
  restitutionAgreed,
  restitutionPaid,
} from './reparation-totals';
import { DEFAULT_SUPPRESSION_THRESHOLD, suppressSmallCounts } from './small-count-suppression';
import { daysToAcceptance, daysToDialogue, daysToFirstContact } from './time-to-milestones';

/** Every published outcome figure (product.md, Outcome figures), in the order docs/metrics.md lists them. */
export const METRIC_DEFINITIONS = [
  referralsByStatus,
  referralsBySource,
  participationRate,
  agreementRate,
  completionRate,
  restitutionAgreed,
  restitutionPaid,
  communityServiceHoursAgreed,
  communityServiceHoursDone,
  daysToFirstContact,
  daysToAcceptance,
  daysToDialogue,
  reoffenceRate,
  partnerResponseHours,
  declineReasons,
] as const;

type Definitions = typeof METRIC_DEFINITIONS;
export type OutcomeFigures = { [M in Definitions[number] as M['id']]: ReturnType<M['compute']> };

/**
 * Computes every figure for a filter. Figures leave the platform only through
 * `suppressSmallCounts`; pass `suppressBelow: 0` only for internal checks (tests, audits).
 */
export function computeOutcomeFigures(
  facts: readonly ReferralFacts[],
  filter: MetricsFilter = {},
  options: { suppressBelow?: number } = {},
): OutcomeFigures {
  const scope = scopeFacts(facts, filter);
  const figures = Object.fromEntries(
    (METRIC_DEFINITIONS as readonly MetricDefinition[]).map((metric) => [metric.id, metric.compute(scope)]),
  ) as OutcomeFigures;
  return suppressSmallCounts(figures, options.suppressBelow ?? DEFAULT_SUPPRESSION_THRESHOLD);
}

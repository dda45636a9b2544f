import { isIsoDate, utcDateOf } from '../dates';
import type { PartyRole } from '../vocabulary';

/** The parts of a referral body (api.md) that rules across fields look at. */
export interface ReferralRuleInput {
  incidentDate?: unknown;
  reportBackBy?: unknown;
  parties?: ReadonlyArray<{ role?: PartyRole | string; minor?: boolean; guardian?: unknown } | null | undefined>;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type Clock = () => Date;

/**
 * Rules of a referral body that a field-by-field validator cannot say (the API maps each
 * problem to a 400 `errors[]` entry). Shapes and types are the DTO's job; these run after it.
 */
export function referralRuleProblems(referral: ReferralRuleInput, clock: Clock = () => new Date()): FieldProblem[] {
  const today = utcDateOf(clock());
  return [...partyRoles(referral), ...guardians(referral), ...incidentNotInFuture(referral, today), ...reportBackAfterToday(referral, today)];
}

/**
 * api.md: "A referral without at least one harmed and one responsible party is a 400, not a
 * screening result" — a dialogue needs both sides of the harm.
 */
function partyRoles(referral: ReferralRuleInput): FieldProblem[] {
  const roles = new Set((referral.parties ?? []).map((party) => party?.role));
  const problems: FieldProblem[] = [];
  if (!roles.has('harmed')) problems.push({ field: 'parties', message: 'needs at least one party with role harmed' });
  if (!roles.has('responsible')) problems.push({ field: 'parties', message: 'needs at least one party with role responsible' });
  return problems;
}

/** api.md: "A minor without a guardian is a 400"; product.md: a guardian consents with a minor. */
function guardians(referral: ReferralRuleInput): FieldProblem[] {
  return (referral.parties ?? []).flatMap((party, index) =>
    party?.minor === true && (party.guardian === undefined || party.guardian === null)
      ? [{ field: `parties[${index}].guardian`, message: 'a minor needs a guardian' }]
      : [],
  );
}

/** An incident cannot have happened after the referral about it. */
function incidentNotInFuture(referral: ReferralRuleInput, today: string): FieldProblem[] {
  if (!isIsoDate(referral.incidentDate)) return [{ field: 'incidentDate', message: 'must be a date YYYY-MM-DD' }];
  return referral.incidentDate > today ? [{ field: 'incidentDate', message: 'must not be in the future' }] : [];
}

/** product.md, Timeliness: a report-back deadline that has already come cannot be tracked. */
function reportBackAfterToday(referral: ReferralRuleInput, today: string): FieldProblem[] {
  if (!isIsoDate(referral.reportBackBy)) return [{ field: 'reportBackBy', message: 'must be a date YYYY-MM-DD' }];
  return referral.reportBackBy <= today ? [{ field: 'reportBackBy', message: 'must be after today' }] : [];
}

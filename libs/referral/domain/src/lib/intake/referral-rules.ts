import { isIsoDate, utcDateOf } from '../dates';
import type { PartyRole } from '../vocabulary';

/** The parts of a referral body (api.md) that rules across fields look at. */
export interface ReferralRuleInput {
  incidentDate?: unknown;
  reportBackBy?: unknown;
  parties?: ReadonlyArray<
    | { role?: PartyRole | string; minor?: boolean; guardian?: unknown; dateOfBirth?: unknown; counsel?: unknown }
    | null
    | undefined
  >;
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
  return [
    ...partyRoles(referral),
    ...guardians(referral),
    ...datesOfBirth(referral, today),
    ...counselOfResponsibleOnly(referral),
    ...incidentNotInFuture(referral, today),
    ...reportBackAfterToday(referral, today),
  ];
}

/**
 * api.md: "A referral without at least one harmed and one responsible party is a 400, not a
 * screening result" — a dialogue needs both sides of the harm.
 */
function partyRoles(referral: ReferralRuleInput): FieldProblem[] {
  const roles = new Set((referral.parties ?? []).map((party) => party?.role));
  const problems: FieldProblem[] = [];
  if (!roles.has('harmed')) problems.push({ field: 'parties', message: 'needs at least one party with role harmed' });
  if (!roles.has('responsible'))
    problems.push({ field: 'parties', message: 'needs at least one party with role responsible' });
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

/** Age of majority: a party under it is a minor and needs a guardian (product.md, Preparation). */
export const AGE_OF_MAJORITY = 18;

/** Whether someone born on `dateOfBirth` is under the age of majority on `today` (both `YYYY-MM-DD`). */
export function isMinorOn(dateOfBirth: string, today: string): boolean {
  const comesOfAge = `${String(Number(dateOfBirth.slice(0, 4)) + AGE_OF_MAJORITY).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return today < comesOfAge;
}

/**
 * A date of birth is in the past, and agrees with the minor flag: a minor marked as an adult
 * would reach a dialogue without the guardian whose consent the law requires.
 */
function datesOfBirth(referral: ReferralRuleInput, today: string): FieldProblem[] {
  return (referral.parties ?? []).flatMap((party, index) => {
    const dateOfBirth = party?.dateOfBirth;
    if (dateOfBirth === undefined || dateOfBirth === null) return [];
    const field = `parties[${index}].dateOfBirth`;
    if (!isIsoDate(dateOfBirth)) return [{ field, message: 'must be a date YYYY-MM-DD' }];
    if (dateOfBirth > today) return [{ field, message: 'must not be in the future' }];
    const minor = isMinorOn(dateOfBirth, today);
    return minor === (party?.minor === true)
      ? []
      : [{ field: `parties[${index}].minor`, message: `must be ${minor} for this dateOfBirth` }];
  });
}

/** Defence counsel belongs to the person responsible (the contract of referral.submitted). */
function counselOfResponsibleOnly(referral: ReferralRuleInput): FieldProblem[] {
  return (referral.parties ?? []).flatMap((party, index) =>
    party?.counsel !== undefined && party?.counsel !== null && party?.role !== 'responsible'
      ? [{ field: `parties[${index}].counsel`, message: 'only the person responsible has defence counsel' }]
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

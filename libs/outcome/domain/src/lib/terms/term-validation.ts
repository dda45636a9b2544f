import { compareDates, isIsoDate, type IsoDate } from '../calendar-date';
import { isCurrencyCode, isPositiveMoney, toMinorUnits, type Money } from '../money';
import { isValidHours } from './hours';
import { TERM_KINDS, TERM_RECIPIENTS } from '@rj/shared/contracts';
import type { AgreementInput, Problem, TermInput } from './term';

/** A due date in the past would make a term overdue the moment it is agreed. */
export function dueByProblems(dueBy: unknown, today: IsoDate, field: string): Problem[] {
  if (!isIsoDate(dueBy)) return [{ field, message: 'must be a date YYYY-MM-DD' }];
  if (compareDates(dueBy, today) < 0) return [{ field, message: `must be today (${today}) or later` }];
  return [];
}

export function moneyProblems(money: Money | undefined, field: string): Problem[] {
  if (!money || typeof money !== 'object') return [{ field, message: 'is required: { amount, currency }' }];
  if (!isCurrencyCode(money.currency)) {
    return [{ field: `${field}.currency`, message: 'must be an ISO 4217 code (three capital letters)' }];
  }
  try {
    toMinorUnits(money.amount, money.currency);
  } catch (error) {
    return [{ field: `${field}.amount`, message: (error as Error).message }];
  }
  return isPositiveMoney(money) ? [] : [{ field: `${field}.amount`, message: 'must be greater than 0' }];
}

export function hoursProblems(hours: unknown, field: string): Problem[] {
  return isValidHours(hours)
    ? []
    : [{ field, message: 'must be a number of hours greater than 0 (at most 2 decimals)' }];
}

/**
 * Every participant consents to the agreement and its amendments (product.md step 7, R14):
 * nobody may be bound by terms they did not accept, and a consent from someone outside the case
 * means the wrong case or a typo.
 */
export function consentProblems(
  consentedBy: readonly string[] | undefined,
  participantIds: readonly string[],
): Problem[] {
  const given = new Set(consentedBy ?? []);
  const problems: Problem[] = [];
  for (const id of participantIds) {
    if (!given.has(id)) problems.push({ field: 'consentedBy', message: `participant ${id} has not consented` });
  }
  for (const id of given) {
    if (!participantIds.includes(id))
      problems.push({ field: 'consentedBy', message: `${id} is not a participant of this case` });
  }
  return problems;
}

function termProblems(term: TermInput, today: IsoDate, field: string): Problem[] {
  if (!TERM_KINDS.includes(term?.kind))
    return [{ field: `${field}.kind`, message: `must be one of ${TERM_KINDS.join(', ')}` }];
  const problems = dueByProblems(term.dueBy, today, `${field}.dueBy`);
  const misplaced = (name: keyof TermInput, owner: string) =>
    term[name] !== undefined ? [{ field: `${field}.${name}`, message: `only a ${owner} term has ${name}` }] : [];
  if (term.kind === 'restitution') {
    problems.push(...moneyProblems(term.amount, `${field}.amount`));
    if (term.instalments !== undefined && !(Number.isInteger(term.instalments) && term.instalments >= 1)) {
      problems.push({ field: `${field}.instalments`, message: 'must be a whole number of at least 1' });
    }
    if (!TERM_RECIPIENTS.includes(term.recipient as never)) {
      problems.push({ field: `${field}.recipient`, message: `must be one of ${TERM_RECIPIENTS.join(', ')}` });
    }
  } else {
    problems.push(
      ...misplaced('amount', 'restitution'),
      ...misplaced('instalments', 'restitution'),
      ...misplaced('recipient', 'restitution'),
    );
  }
  if (term.kind === 'community_service') problems.push(...hoursProblems(term.hours, `${field}.hours`));
  else problems.push(...misplaced('hours', 'community_service'));
  return problems;
}

/** All problems of an agreement at once, in api.md's `errors[]` shape; empty when valid. */
export function validateAgreement(
  agreement: AgreementInput,
  participantIds: readonly string[],
  today: IsoDate,
): Problem[] {
  const terms = Array.isArray(agreement?.terms) ? agreement.terms : [];
  const problems: Problem[] =
    terms.length === 0 ? [{ field: 'terms', message: 'an agreement has at least one term' }] : [];
  terms.forEach((term, index) => problems.push(...termProblems(term, today, `terms[${index}]`)));
  problems.push(...consentProblems(agreement?.consentedBy, participantIds));
  return problems;
}

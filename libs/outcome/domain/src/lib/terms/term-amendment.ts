import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import type { IsoDate } from '../calendar-date';
import { compareMoney, parseMoney, type Money } from '../money';
import { toHundredths } from './hours';
import type { Problem, Term } from './term';
import { consentProblems, dueByProblems, hoursProblems, moneyProblems } from './term-validation';

/** api.md `PATCH /api/agreements/{id}/terms/{termId}`: a new due date, amount or hours. */
export interface TermAmendment {
  dueBy?: IsoDate;
  amount?: Money;
  hours?: number;
}

function shapeProblems(term: Term, amendment: TermAmendment, today: IsoDate): Problem[] {
  const { dueBy, amount, hours } = amendment;
  if (dueBy === undefined && amount === undefined && hours === undefined) {
    return [{ field: 'dueBy', message: 'an amendment changes dueBy, amount or hours' }];
  }
  const problems = dueBy === undefined ? [] : dueByProblems(dueBy, today, 'dueBy');
  if (amount !== undefined) {
    if (term.kind !== 'restitution')
      problems.push({ field: 'amount', message: 'only a restitution term has an amount' });
    else problems.push(...moneyProblems(amount, 'amount'));
    if (term.kind === 'restitution' && amount?.currency !== term.amount.currency) {
      problems.push({ field: 'amount.currency', message: `this term is in ${term.amount.currency}` });
    }
  }
  if (hours !== undefined) {
    if (term.kind !== 'community_service')
      problems.push({ field: 'hours', message: 'only a community_service term has hours' });
    else problems.push(...hoursProblems(hours, 'hours'));
  }
  return problems;
}

/**
 * Amends a term with every participant's consent (product.md step 7: terms can be amended with
 * the parties' consent). The amount or hours may not drop below what is already recorded —
 * that would turn recorded payments into an over-payment. A new due date clears the overdue
 * flag, so the new date is watched afresh. Meeting the new quantity exactly fulfils the term.
 */
export function amendTerm(
  term: Term,
  amendment: TermAmendment,
  consentedBy: readonly string[],
  participantIds: readonly string[],
  today: IsoDate,
): Term {
  if (term.fulfilled) throw new RuleViolation('term_already_fulfilled', `term ${term.id} is already fulfilled`);
  const problems = shapeProblems(term, amendment, today);
  if (problems.length) throw new InvalidInput('the amendment is not valid', problems);
  const missing = consentProblems(consentedBy, participantIds);
  if (missing.length) {
    throw new RuleViolation(
      'every_participant_consents',
      'every participant must consent to an amendment',
      missing.map((p) => p.message),
    );
  }
  const dueBy = amendment.dueBy ?? term.dueBy;
  const overdueFlagged = dueBy === term.dueBy ? term.overdueFlagged : false;
  if (term.kind === 'restitution') {
    const amount = amendment.amount ? parseMoney(amendment.amount) : term.amount;
    if (compareMoney(amount, term.paid) < 0) {
      throw new RuleViolation(
        'amendment_below_progress',
        `${term.paid.amount} is already paid; the amount cannot be lower`,
      );
    }
    return { ...term, dueBy, overdueFlagged, amount, fulfilled: compareMoney(amount, term.paid) === 0 };
  }
  if (term.kind === 'community_service') {
    const hours = amendment.hours ?? term.hours;
    if (toHundredths(hours) < toHundredths(term.hoursDone)) {
      throw new RuleViolation(
        'amendment_below_progress',
        `${term.hoursDone} hours are already done; the hours cannot be fewer`,
      );
    }
    return { ...term, dueBy, overdueFlagged, hours, fulfilled: toHundredths(hours) === toHundredths(term.hoursDone) };
  }
  return { ...term, dueBy, overdueFlagged };
}

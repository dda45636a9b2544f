import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { addMoney, compareMoney, parseMoney, type Money } from '../money';
import { addHours, isValidHours, toHundredths } from './hours';
import { moneyProblems } from './term-validation';
import type { Term } from './term';

/** What a mediator records against a term (api.md `POST .../progress`); the note stays local. */
export interface TermProgress {
  amount?: Money;
  hours?: number;
  done?: boolean;
}

export interface ProgressResult {
  term: Term;
  /** True once the term is fulfilled; the caller emits `term.fulfilled` when this flips. */
  fulfilled: boolean;
}

function refuse(field: string, message: string): never {
  throw new InvalidInput(message, [{ field, message }]);
}

/**
 * Records progress against one term and says whether it is now fulfilled: restitution when the
 * amount paid reaches the amount agreed, community service when the hours done reach the hours
 * agreed, the other kinds when recorded as done. Paying or working more than agreed is refused
 * (`no_overpayment`): the surplus was never agreed to, and the person responsible must not be
 * led to over-perform for the platform's sake.
 */
export function applyProgress(term: Term, progress: TermProgress): ProgressResult {
  if (term.fulfilled) throw new RuleViolation('term_already_fulfilled', `term ${term.id} is already fulfilled`);
  const { amount, hours, done } = progress;
  if (term.kind !== 'restitution' && amount !== undefined) refuse('amount', 'only a restitution term takes an amount');
  if (term.kind !== 'community_service' && hours !== undefined)
    refuse('hours', 'only a community_service term takes hours');
  switch (term.kind) {
    case 'restitution': {
      const problems = moneyProblems(amount, 'amount');
      if (!amount || problems.length) throw new InvalidInput('the payment is not valid', problems);
      if (amount.currency !== term.amount.currency)
        refuse('amount.currency', `this term is in ${term.amount.currency}`);
      const paid = addMoney(term.paid, parseMoney(amount));
      if (compareMoney(paid, term.amount) > 0) {
        throw new RuleViolation(
          'no_overpayment',
          `payments would total ${paid.amount}, more than the ${term.amount.amount} agreed`,
        );
      }
      const fulfilled = compareMoney(paid, term.amount) === 0;
      return { term: { ...term, paid, fulfilled }, fulfilled };
    }
    case 'community_service': {
      if (!isValidHours(hours)) refuse('hours', 'must be a number of hours greater than 0 (at most 2 decimals)');
      const hoursDone = addHours(term.hoursDone, hours);
      if (toHundredths(hoursDone) > toHundredths(term.hours)) {
        throw new RuleViolation('no_overpayment', `hours would total ${hoursDone}, more than the ${term.hours} agreed`);
      }
      const fulfilled = toHundredths(hoursDone) === toHundredths(term.hours);
      return { term: { ...term, hoursDone, fulfilled }, fulfilled };
    }
    default: {
      if (done !== true) refuse('done', 'record this term as done: true once it is done');
      return { term: { ...term, fulfilled: true }, fulfilled: true };
    }
  }
}

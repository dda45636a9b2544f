import { InvalidInput, uuidv7 } from '@rj/shared/contracts';
import type { IsoDate } from '../calendar-date';
import { parseMoney, zeroMoney } from '../money';
import type { AgreementInput, Term, TermInput } from './term';
import { validateAgreement } from './term-validation';

/** Only called on a validated input, so the kind-specific fields are present. */
function newTerm(input: TermInput, id: string): Term {
  const common = { id, dueBy: input.dueBy, fulfilled: false, overdueFlagged: false };
  const { kind, amount, recipient, hours } = input;
  if (kind === 'restitution' && amount && recipient) {
    const agreed = parseMoney(amount);
    const instalments = input.instalments === undefined ? {} : { instalments: input.instalments };
    return { ...common, kind, amount: agreed, ...instalments, recipient, paid: zeroMoney(agreed.currency) };
  }
  if (kind === 'community_service' && hours !== undefined) return { ...common, kind, hours, hoursDone: 0 };
  if (kind === 'restitution' || kind === 'community_service') throw new InvalidInput(`a ${kind} term is incomplete`);
  return { ...common, kind };
}

/**
 * Turns a submitted agreement into terms with nothing yet recorded against them, or throws
 * InvalidInput listing every problem (api.md: validation errors as `errors[]`).
 */
export function recordAgreement(
  agreement: AgreementInput,
  participantIds: readonly string[],
  today: IsoDate,
  newId: () => string = () => uuidv7(),
): Term[] {
  const problems = validateAgreement(agreement, participantIds, today);
  if (problems.length) throw new InvalidInput('the agreement is not valid', problems);
  return agreement.terms.map((term) => newTerm(term, newId()));
}

import { InvalidInput, RETURN_REASON_CODES, RuleViolation, type ReturnReasonCode } from '@rj/shared/contracts';
import type { Term } from './terms/term';
import { allTermsFulfilled } from './terms/term-deadlines';

export interface CaseConcluded {
  agreementReached: boolean;
  reasonCode?: string | null;
}

export type ResultAfterConclusion = 'awaiting_agreement' | { returned: ReturnReasonCode } | 'nothing';

/**
 * What outcome-tracking does when mediation-scheduling concludes a case: with an agreement it
 * waits for the agreement to be recorded; without one the case goes back to the prosecutor
 * with the mediator's neutral reason; a case concluded because the referral was withdrawn
 * gets nothing more, since `referral.withdrawn` is already final (api.md).
 */
export function caseResultAfterConclusion(concluded: CaseConcluded): ResultAfterConclusion {
  if (concluded.reasonCode === 'referral_withdrawn') return 'nothing';
  if (concluded.agreementReached) return 'awaiting_agreement';
  const reason = concluded.reasonCode ?? 'no_agreement';
  if (!RETURN_REASON_CODES.includes(reason as ReturnReasonCode)) {
    throw new InvalidInput(`unknown reason code ${reason}`, [
      { field: 'reasonCode', message: `must be one of ${RETURN_REASON_CODES.join(', ')}` },
    ]);
  }
  return { returned: reason as ReturnReasonCode };
}

/**
 * `POST /api/cases/{id}/close` returns a case whose terms were not kept. A case whose terms are
 * all fulfilled completes by itself and cannot be closed as "not completed".
 */
export function assertCloseAllowed(terms: readonly Term[], reasonCode: string): void {
  if (reasonCode !== 'agreement_not_completed') {
    throw new InvalidInput('a case is closed here only as agreement_not_completed', [
      { field: 'reasonCode', message: 'must be agreement_not_completed' },
    ]);
  }
  if (terms.length === 0) throw new RuleViolation('close_needs_agreement', 'no agreement was recorded for this case');
  if (allTermsFulfilled(terms)) {
    throw new RuleViolation(
      'close_only_unfulfilled',
      'every term is fulfilled: the case completes, it is not returned',
    );
  }
}

import type { SessionKind } from '@rj/shared/contracts';
import type { CaseState } from './case-state';

/**
 * What the case's status still allows (product.md, Report back and Safety first):
 * - open: anything the other rules allow;
 * - on hold after a participation withdrawal: only an offer of another form, i.e. an
 *   `indirect_dialogue` (which must still pass the dialogue gate, so the party's consent is
 *   given again first) — or concluding;
 * - on hold after a `stop` risk assessment: nothing but concluding;
 * - concluded: nothing.
 * Returns the rule that forbids the session kind, or null.
 */
export function caseStatusForbids(state: CaseState, kind: SessionKind): string | null {
  if (state.status === 'open') return null;
  if (state.status === 'concluded') return 'case_concluded';
  if (state.holdReason === 'participation_withdrawn' && kind === 'indirect_dialogue') return null;
  return state.holdReason === 'risk_stop' ? 'case_on_hold_risk_stop' : 'case_on_hold';
}

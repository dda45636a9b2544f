import type { TermStatus } from '@rj/shared/contracts';
import type { Term } from './term';

/** The status shown for a term (contracts' TERM_STATUSES): fulfilled wins over overdue. */
export function termStatus(term: Term): TermStatus {
  if (term.fulfilled) return 'fulfilled';
  return term.overdueFlagged ? 'overdue' : 'open';
}

import type { Role } from '@rj/shared/contracts';
import type { CaseState } from './case-state';

export interface CaseViewer {
  readonly sub: string;
  readonly role: Role;
  readonly org: string | null;
}

/** How a caller stands to a case; null: the case is not theirs to know of (404). */
export type CaseStanding = 'partner_admin' | 'assigned' | 'proposed' | null;

/**
 * Need to know (product.md): the accepting partner's admin sees all of its cases; a mediator of
 * that partner sees the cases they are proposed for (to declare about the named parties) or
 * assigned to; a mediator who declared a conflict is off the case. Everyone else: nothing.
 */
export function caseStandingOf(state: Pick<CaseState, 'partnerId' | 'mediators'>, viewer: CaseViewer): CaseStanding {
  if (viewer.org === null || viewer.org !== state.partnerId) return null;
  if (viewer.role === 'partner_admin') return 'partner_admin';
  if (viewer.role !== 'mediator') return null;
  const mediator = state.mediators.find((m) => m.mediatorId === viewer.sub);
  if (!mediator || mediator.conflicted) return null;
  return mediator.declared ? 'assigned' : 'proposed';
}

/** How much of the parties a caller with a standing on the case may read. */
export type ParticipantDisclosure = 'names_and_roles' | 'full';

/**
 * A proposed mediator declares about the named parties, so until the declaration they read
 * only the parties' names and roles: no contacts, no guardians, no needs, no records. After a
 * declaration of no conflict (assigned), and for the partner's admin, the case reads in full.
 */
export function participantDisclosureFor(standing: Exclude<CaseStanding, null>): ParticipantDisclosure {
  return standing === 'proposed' ? 'names_and_roles' : 'full';
}

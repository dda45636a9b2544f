import { Forbidden, NotFound } from '@rj/shared/contracts';
import type { Principal } from '@rj/shared/auth';
import type { MediationCaseEntity } from '@rj/scheduling/data-access';
import { assertMediatorMayAct, caseStandingOf, type CaseStanding } from '@rj/scheduling/domain';

/** Any of the accepting partner's people who may know of the case; everyone else gets 404. */
export function assertMayView(row: MediationCaseEntity, principal: Principal): Exclude<CaseStanding, null> {
  const standing = caseStandingOf(row.state, principal);
  if (standing === null) throw new NotFound('case not found');
  return standing;
}

/**
 * A mediator acting on a case: of the partner (else 404), proposed and declared free of
 * conflict (403 `declaration_required` until then; removed → 404). Neutral facilitators.
 */
export function assertMediatorActs(row: MediationCaseEntity, principal: Principal): void {
  if (principal.org === null || principal.org !== row.partnerId) throw new NotFound('case not found');
  assertMediatorMayAct(row.state, principal.sub);
}

/** The partner's admin, on one of its own cases. */
export function assertPartnerAdminOf(row: MediationCaseEntity, principal: Principal): void {
  if (caseStandingOf(row.state, principal) !== 'partner_admin') throw new NotFound('case not found');
}

/** Only a mediator assigned to the case reads its confidential notes (product.md, Confidentiality). */
export function assertAssignedMediator(row: MediationCaseEntity, principal: Principal): void {
  const standing = caseStandingOf(row.state, principal);
  if (standing === null) throw new NotFound('case not found');
  if (standing !== 'assigned') throw new Forbidden('declaration_required', { rule: 'declaration_required' });
}

import type { EntityManager } from 'typeorm';
import { AgreementEntity, CaseEntity, CaseMediatorEntity } from '@rj/outcome/data-access';
import { assertOwnedBy, type Principal } from '@rj/shared/auth';
import { Forbidden, NotFound } from '@rj/shared/contracts';

/**
 * Who may act on a case (api.md, outcome-tracking): its partner's mediators see it, and only
 * the assigned one (proposed and declared free of conflict) records or changes anything.
 * Another partner's case is 404, never 403, so its existence is not revealed.
 */
export async function caseForMediator(
  manager: EntityManager,
  principal: Principal,
  caseId: string,
  lock = true,
): Promise<CaseEntity> {
  const kase = await manager.findOne(CaseEntity, {
    where: { id: caseId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!kase) throw new NotFound('case not found');
  assertOwnedBy(principal, kase.partnerId, 'case not found');
  if (principal.role === 'partner_admin') return kase;
  const assigned = await manager.findOneBy(CaseMediatorEntity, { caseId, mediatorId: principal.sub, assigned: true });
  if (!assigned) throw new Forbidden('only the mediator assigned to this case may do this');
  return kase;
}

/** The agreement and its case (locked), through the case's access rule. */
export async function agreementForMediator(
  manager: EntityManager,
  principal: Principal,
  agreementId: string,
): Promise<{ agreement: AgreementEntity; kase: CaseEntity }> {
  const agreement = await manager.findOneBy(AgreementEntity, { id: agreementId });
  if (!agreement) throw new NotFound('agreement not found');
  const kase = await caseForMediator(manager, principal, agreement.caseId);
  return { agreement, kase };
}

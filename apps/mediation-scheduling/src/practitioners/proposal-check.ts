import type { EntityManager } from 'typeorm';
import { ReferralSnapshotEntity } from '@rj/scheduling/data-access';
import { assertPractitionerMayBeProposed, localDay, mayLead, type CaseState } from '@rj/scheduling/domain';
import { loadPractitionerFacts, loadThresholds, NO_PRACTICE } from './practitioner-facts';

/**
 * Issue 22, at the moment of a new proposal only (nobody is removed from a case they carry):
 * the proposed mediator must meet the case's jurisdiction's practice rules; a mediator still
 * in their first cases needs an experienced lead already on the case. 409 with every unmet rule.
 */
export async function assertPractitionerProposable(
  manager: EntityManager,
  state: CaseState,
  referralId: string,
  mediatorId: string,
  now: Date,
): Promise<void> {
  const snapshot = await manager.findOne(ReferralSnapshotEntity, {
    where: { referralId },
    select: { referralId: true, jurisdiction: true },
  });
  const thresholds = await loadThresholds(manager, snapshot?.jurisdiction);
  const others = state.mediators.filter((m) => !m.conflicted && m.mediatorId !== mediatorId).map((m) => m.mediatorId);
  const facts = await loadPractitionerFacts(manager, [mediatorId, ...others]);
  const experiencedLeadOnCase = others.some((other) => mayLead(facts.get(other) ?? NO_PRACTICE, thresholds));
  const minorInvolved = state.participants.some((participant) => participant.minor);
  assertPractitionerMayBeProposed(
    facts.get(mediatorId) ?? NO_PRACTICE,
    { minorInvolved, experiencedLeadOnCase },
    thresholds,
    localDay(now, thresholds.timeZone),
  );
}

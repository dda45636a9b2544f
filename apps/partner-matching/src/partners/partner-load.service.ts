import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentEntity, type OfferEntity, type ReleaseReason } from '@rj/matching/data-access';

/**
 * A partner's load: the referrals it took and still holds (product.md, Matching: "has free
 * capacity"). Kept from this service's own accepts and the events that end a case: case.opened
 * links the case, and the first of case.concluded, case.completed, case.returned and
 * referral.withdrawn releases it. `partner.open_cases` counts the active assignments; each
 * assignment moves it up once and down once, whatever is redelivered or arrives late.
 */
@Injectable()
export class PartnerLoad {
  private readonly logger = new Logger(PartnerLoad.name);

  /** The partner took the referral: its load goes up. The partner row is locked by the caller. */
  async assign(manager: EntityManager, offer: OfferEntity, now: Date): Promise<void> {
    await manager.insert(AssignmentEntity, {
      referralId: offer.referralId,
      partnerId: offer.partnerId,
      offerId: offer.id,
      caseId: null,
      active: true,
      assignedAt: now,
      releasedAt: null,
      releaseReason: null,
    });
    await manager.query('update partner set open_cases = open_cases + 1 where id = $1', [offer.partnerId]);
  }

  /** case.opened: the assignment now has its case (a released one stays released). */
  async linkCase(manager: EntityManager, referralId: string, offerId: string, caseId: string): Promise<void> {
    const result = await manager.update(AssignmentEntity, { referralId, offerId }, { caseId });
    if (!result.affected)
      this.logger.warn(`case.opened for offer ${offerId}, which this service did not see accepted: ignored`);
  }

  /** Frees the capacity the referral holds, once; a repeat or a later ending event does nothing. */
  async release(
    manager: EntityManager,
    referralId: string,
    reason: ReleaseReason,
    now: Date,
    caseId?: string,
  ): Promise<boolean> {
    // An UPDATE through TypeORM's raw query answers [rows, affected].
    const [rows]: [{ partner_id: string }[], number] = await manager.query(
      `update partner_assignment set active = false, released_at = $2, release_reason = $3, case_id = coalesce(case_id, $4)
       where referral_id = $1 and active returning partner_id`,
      [referralId, now, reason, caseId ?? null],
    );
    if (!rows.length) return false;
    await manager.query('update partner set open_cases = open_cases - 1 where id = $1', [rows[0].partner_id]);
    return true;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { lockReferral, ReferralEntity, ReviewOverrideRequestEntity } from '@rj/referral/data-access';
import {
  assertSecondApprover,
  decideReview,
  overrideNeedsSecondApproval,
  screeningAwaitingReview,
  type ScreeningReason,
} from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { Conflict, NotFound, RuleViolation, uuidv7, type ReferralStatus } from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import { decryptField } from '@rj/shared/pii';
import { Clock } from '@rj/shared/service';
import { DEFAULT_PAGE_SIZE } from '@rj/shared/service';
import { KeyStore } from '../../key-store/key-store';
import { AccessLog } from '../../personal-data/access-log';
import { applyReview } from '../apply-review';
import {
  reviewOverrideView,
  type ListReviewOverridesQueryDto,
  type ReviewOverridePageView,
  type ReviewOverrideView,
} from './review-override.view';

export const READ_OVERRIDE_ENDPOINT = 'GET /api/review-overrides/{id}';

/**
 * Overrides that need two admins (`overrideNeedsSecondApproval`): one admin's review becomes a
 * pending request here; another admin approves it, which applies the review exactly as a single
 * admin's override is applied (`referral.reviewed`, the status change), or any admin rejects it.
 * The referral is locked before its request, as every change of a referral does.
 */
@Injectable()
export class ReviewOverridesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  /** Called inside the review's transaction, the referral locked. One pending request per referral. */
  async request(
    manager: EntityManager,
    principal: Principal,
    referral: ReferralEntity,
    asked: { category: string; reasonCiphertext: string; at: Date },
  ): Promise<ReviewOverrideView> {
    const pending = await manager.findOneBy(ReviewOverrideRequestEntity, {
      referralId: referral.id,
      status: 'pending',
    });
    if (pending)
      throw new Conflict("An override of this referral is already waiting for a second admin's approval.", {
        rule: 'override_already_pending',
        requestId: pending.id,
      });
    const request = manager.create(ReviewOverrideRequestEntity, {
      id: uuidv7(asked.at.getTime()),
      referralId: referral.id,
      category: asked.category,
      reason: asked.reasonCiphertext,
      status: 'pending',
      requestedBySub: principal.sub,
      requestedAt: asked.at,
      decidedBySub: null,
      decidedAt: null,
    });
    await manager.insert(ReviewOverrideRequestEntity, request);
    return reviewOverrideView(request, referral);
  }

  approve(principal: Principal, id: string): Promise<ReviewOverrideView> {
    return this.decide(principal, id, async (manager, request, referral, now) => {
      assertSecondApprover(request.requestedBySub, principal.sub);
      const dataKey = await this.keys.usableKey(manager, referral.dataKeyId);
      if (!dataKey || request.reason === null) {
        throw new RuleViolation(
          'review_reason_required',
          "The referral's personal data was erased, so the reason for this override is gone. Reject the request.",
        );
      }
      // The screening is decided again on the referral as it stands now (it may have been withdrawn meanwhile).
      const result = decideReview({
        current: {
          outcome: screeningAwaitingReview(referral.status as ReferralStatus),
          reasons: referral.screeningReasons as ScreeningReason[],
        },
        decision: 'eligible',
        reason: decryptField(request.reason, dataKey),
        reviewerRole: 'admin',
      });
      if (!overrideNeedsSecondApproval(result))
        throw new RuleViolation('override_no_longer_applies', 'This referral no longer needs this override.');
      await applyReview(manager, principal, referral, {
        result,
        reasonCiphertext: request.reason,
        reviewerSub: request.requestedBySub,
        at: now,
      });
      return 'approved';
    });
  }

  /** Any admin may reject, the asking one too (withdrawing the request); nothing changes on the referral. */
  reject(principal: Principal, id: string): Promise<ReviewOverrideView> {
    return this.decide(principal, id, async () => 'rejected');
  }

  async list(query: ListReviewOverridesQueryDto): Promise<ReviewOverridePageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = this.dataSource.manager.createQueryBuilder(ReviewOverrideRequestEntity, 'o');
    if (query.status) rows.andWhere('o.status = :status', { status: query.status });
    if (query.cursor) rows.andWhere('o.id < :cursor', { cursor: query.cursor });
    const found = await rows
      .orderBy('o.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const page = found.slice(0, limit);
    const referrals = new Map((await this.referralsOf(page)).map((referral) => [referral.id, referral]));
    return {
      items: page.map((request) => reviewOverrideView(request, referrals.get(request.referralId) as ReferralEntity)),
      nextCursor: found.length > limit ? page[page.length - 1].id : null,
    };
  }

  /** One request with its reason in words: decrypted for the admin, and the read logged. */
  async get(principal: Principal, id: string): Promise<ReviewOverrideView> {
    const manager = this.dataSource.manager;
    const request = await manager.findOneBy(ReviewOverrideRequestEntity, { id });
    if (!request) throw new NotFound('no such override request');
    const referral = await manager.findOneByOrFail(ReferralEntity, { id: request.referralId });
    const dataKey = request.reason === null ? null : await this.keys.usableKey(manager, referral.dataKeyId);
    const reason = dataKey && request.reason !== null ? decryptField(request.reason, dataKey) : null;
    await this.accessLog.recordRead(
      principal,
      referral.id,
      READ_OVERRIDE_ENDPOINT,
      reason !== null ? ['reviewOverride.reason'] : [],
    );
    return { ...reviewOverrideView(request, referral), reason };
  }

  private decide(
    principal: Principal,
    id: string,
    apply: (
      manager: EntityManager,
      request: ReviewOverrideRequestEntity,
      referral: ReferralEntity,
      now: Date,
    ) => Promise<'approved' | 'rejected'>,
  ): Promise<ReviewOverrideView> {
    return withTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOneBy(ReviewOverrideRequestEntity, { id });
      if (!found) throw new NotFound('no such override request');
      const referral = await lockReferral(manager, found.referralId);
      const request = await manager.findOneOrFail(ReviewOverrideRequestEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!referral) throw new NotFound('no such override request');
      if (request.status !== 'pending')
        throw new RuleViolation('override_already_decided', `This override request was already ${request.status}.`);
      const now = this.clock.now();
      const status = await apply(manager, request, referral, now);
      await manager.update(
        ReviewOverrideRequestEntity,
        { id },
        { status, decidedBySub: principal.sub, decidedAt: now },
      );
      return reviewOverrideView(
        await manager.findOneByOrFail(ReviewOverrideRequestEntity, { id }),
        await manager.findOneByOrFail(ReferralEntity, { id: referral.id }),
      );
    });
  }

  private async referralsOf(requests: ReviewOverrideRequestEntity[]): Promise<ReferralEntity[]> {
    const ids = [...new Set(requests.map((request) => request.referralId))];
    return ids.length
      ? this.dataSource.manager.createQueryBuilder(ReferralEntity, 'r').where('r.id in (:...ids)', { ids }).getMany()
      : [];
  }
}

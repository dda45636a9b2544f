import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { ScreeningPolicyEntity } from '@rj/referral/data-access';
import { DEFAULT_SCREENING_POLICY, parseScreeningPolicy, type ScreeningPolicy } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import { pageSizeOf, type Page } from '@rj/shared/service';
import type { ScreeningPolicyDto, ScreeningPolicyView } from './screening-policy.dto';

/**
 * Screening policy per jurisdiction as versioned data (product.md, Screening; conventions.md:
 * "validated on load, versioned, and every decision records which version ... decided it").
 * Versions are never changed: a PUT adds the next one, so a referral's recorded version
 * always names the rules that screened it.
 */
@Injectable()
export class ScreeningPoliciesService {
  constructor(private readonly dataSource: DataSource) {}

  async put(principal: Principal, jurisdiction: string, dto: ScreeningPolicyDto): Promise<ScreeningPolicyView> {
    return withTransaction(this.dataSource, async (manager) => {
      // Two admins' PUTs of one jurisdiction queue here, so versions go up by one, never collide.
      await manager.query('select pg_advisory_xact_lock(hashtext($1))', [`screening_policy:${jurisdiction}`]);
      const [{ latest }] = await manager.query(
        'select coalesce(max(version), 0) as latest from screening_policy where jurisdiction = $1',
        [jurisdiction],
      );
      const policy = parseScreeningPolicy({ jurisdiction, version: Number(latest) + 1, ...dto });
      await manager.insert(ScreeningPolicyEntity, {
        jurisdiction,
        version: policy.version,
        excludedOffenseCategories: [...policy.excludedOffenseCategories],
        reviewOffenseCategories: [...policy.reviewOffenseCategories],
        allowedStages: [...policy.allowedStages],
        excludedSeverities: [...policy.excludedSeverities],
        protectiveOrderNeedsReview: policy.protectiveOrderNeedsReview,
        createdBy: principal.sub,
      });
      return this.view(
        jurisdiction,
        await manager.findOneByOrFail(ScreeningPolicyEntity, { jurisdiction, version: policy.version }),
      );
    });
  }

  async get(jurisdiction: string, version?: number): Promise<ScreeningPolicyView> {
    if (version === 0) return this.view(jurisdiction, undefined);
    const row = await this.dataSource.manager.findOne(ScreeningPolicyEntity, {
      where: { jurisdiction, ...(version !== undefined && { version }) },
      order: { version: 'DESC' },
    });
    if (!row && version !== undefined)
      throw new NotFound(`no version ${version} of the screening policy of ${jurisdiction}`);
    return this.view(jurisdiction, row ?? undefined);
  }

  /**
   * Every stored version of a jurisdiction's policy, newest first, keyset-paged by version; the
   * built-in default (version 0) closes the last page, as what applied before version 1.
   */
  async versions(jurisdiction: string, query: { limit?: number; cursor?: number }): Promise<Page<ScreeningPolicyView>> {
    const limit = pageSizeOf(query);
    const rows = await this.dataSource.manager.find(ScreeningPolicyEntity, {
      where: { jurisdiction, ...(query.cursor !== undefined && { version: LessThan(query.cursor) }) },
      order: { version: 'DESC' },
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map((row) => this.view(jurisdiction, row));
    // A full page leaves the rest (the default too) to the next one.
    if (items.length === limit) return { items, nextCursor: String(items[items.length - 1].version) };
    return { items: [...items, this.view(jurisdiction, undefined)], nextCursor: null };
  }

  /** The current policy of every jurisdiction that has one of its own. */
  async listCurrent(): Promise<ScreeningPolicyView[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(ScreeningPolicyEntity, 'p')
      .distinctOn(['p.jurisdiction'])
      .orderBy('p.jurisdiction')
      .addOrderBy('p.version', 'DESC')
      .getMany();
    return rows.map((row) => this.view(row.jurisdiction, row));
  }

  private view(jurisdiction: string, row: ScreeningPolicyEntity | undefined): ScreeningPolicyView {
    const policy = row ? toPolicy(row) : DEFAULT_SCREENING_POLICY;
    return {
      jurisdiction,
      version: policy.version,
      default: !row,
      excludedOffenseCategories: [...policy.excludedOffenseCategories],
      reviewOffenseCategories: [...policy.reviewOffenseCategories],
      allowedStages: [...policy.allowedStages],
      excludedSeverities: [...policy.excludedSeverities],
      protectiveOrderNeedsReview: policy.protectiveOrderNeedsReview,
      ...(row && { createdAt: row.createdAt.toISOString(), createdBy: row.createdBy }),
    };
  }
}

/**
 * The policy a stored row holds, validated again on load (a bad row must fail loudly, not
 * screen wrongly); no row means the built-in default applies.
 */
export function policyOf(row: StoredPolicy | null): ScreeningPolicy {
  return row ? toPolicy(row) : DEFAULT_SCREENING_POLICY;
}

type StoredPolicy = Omit<ScreeningPolicyEntity, 'createdAt' | 'createdBy'>;

function toPolicy(row: StoredPolicy): ScreeningPolicy {
  return parseScreeningPolicy({
    jurisdiction: row.jurisdiction,
    version: row.version,
    excludedOffenseCategories: row.excludedOffenseCategories,
    reviewOffenseCategories: row.reviewOffenseCategories,
    allowedStages: row.allowedStages,
    excludedSeverities: row.excludedSeverities,
    protectiveOrderNeedsReview: row.protectiveOrderNeedsReview,
  });
}

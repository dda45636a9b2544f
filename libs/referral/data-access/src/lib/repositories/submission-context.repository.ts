import type { EntityManager } from 'typeorm';
import type { ScreeningPolicyEntity } from '../entities/screening-policy.entity';

/** What a submission needs to know before it writes: the office's jurisdictions and the policy in force. */
export interface SubmissionContext {
  officeId: string;
  jurisdictions: string[];
  /** The jurisdiction's latest policy version; null when it has none (the default applies). */
  policy: Omit<ScreeningPolicyEntity, 'createdAt' | 'createdBy'> | null;
}

/** Both in one round trip: a submission is the hot path (tools/bench/intake). */
export async function loadSubmissionContext(
  manager: EntityManager,
  officeId: string,
  jurisdiction: string,
): Promise<SubmissionContext | null> {
  const rows: Record<string, unknown>[] = await manager.query(
    `select o.id, o.jurisdictions, p.version, p.excluded_offense_categories, p.review_offense_categories, p.allowed_stages,
            p.excluded_severities, p.protective_order_needs_review
     from office o
     left join lateral (
       select * from screening_policy where jurisdiction = $2 order by version desc limit 1
     ) p on true
     where o.id = $1`,
    [officeId, jurisdiction],
  );
  const [row] = rows;
  if (!row) return null;
  return {
    officeId: row.id as string,
    jurisdictions: row.jurisdictions as string[],
    policy:
      row.version === null
        ? null
        : {
            jurisdiction,
            version: row.version as number,
            excludedOffenseCategories: row.excluded_offense_categories as string[],
            reviewOffenseCategories: row.review_offense_categories as string[],
            allowedStages: row.allowed_stages as string[],
            excludedSeverities: row.excluded_severities as string[],
            protectiveOrderNeedsReview: row.protective_order_needs_review as boolean,
          },
  };
}

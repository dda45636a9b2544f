import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { ReferralEntity } from '@rj/referral/data-access';
import { deadlineRiskCutoff, OPEN_STATUSES } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { REFERRAL_STATUSES, UUID_PATTERN, type ReferralStatus } from '@rj/shared/contracts';
import { Clock, InjectServiceConfig } from '@rj/shared/service';
import { DEFAULT_PAGE_SIZE } from '@rj/shared/service';
import type { ListReferralsQueryDto, ReferralSummaryQueryDto, SearchReferralsDto } from './dto/list-referrals.query';
import { decodeCursor, encodeCursor, type ReferralSort } from './referral-list-cursor';
import { summaryView, type ReferralPageView } from './referral-views';
import type { ReferralCountsView } from './referral-counts.view';
import { CaseNumberIndexer } from './search/case-number-index-key';

const DAY_MS = 86_400_000;

/**
 * The referral lists the console shows: filtered and sorted in Postgres, keyset-paged, with no
 * personal data in any entry; the search by case number through its blind index; and the
 * figures of the home page. Who sees what is the list's rule everywhere: a prosecutor its own
 * office's referrals, an admin or auditor every office's (one office's when it asks).
 */
@Injectable()
export class ReferralListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly caseNumbers: CaseNumberIndexer,
    private readonly clock: Clock,
    @InjectServiceConfig() private readonly config: { DEADLINE_RISK_DAYS: number },
  ) {}

  list(principal: Principal, query: ListReferralsQueryDto): Promise<ReferralPageView> {
    return this.page(principal, query, query.sort ?? 'newest', (rows) => {
      if (query.status) rows.andWhere('r.status in (:...statuses)', { statuses: query.status });
      if (query.jurisdiction) rows.andWhere('r.jurisdiction = :jurisdiction', { jurisdiction: query.jurisdiction });
      if (query.source) rows.andWhere('r.source = :source', { source: query.source });
      if (query.dueBy) rows.andWhere('r.report_back_by <= :dueBy', { dueBy: query.dueBy });
      if (query.submittedFrom)
        rows.andWhere('r.created_at >= :submittedFrom', { submittedFrom: startOfDay(query.submittedFrom) });
      if (query.submittedTo)
        rows.andWhere('r.created_at < :submittedBefore', {
          submittedBefore: new Date(startOfDay(query.submittedTo).getTime() + DAY_MS),
        });
    });
  }

  /**
   * Equality on the keyed blind index of the case number: nothing is decrypted, and the number
   * itself never reaches a query, a URL or a log. An erased referral's index is gone, so it is
   * not found.
   */
  search(principal: Principal, query: SearchReferralsDto): Promise<ReferralPageView> {
    const index = this.caseNumbers.indexOf(query.caseNumber);
    return this.page(principal, query, 'newest', (rows) => rows.andWhere('r.case_number_index = :index', { index }));
  }

  /** Counts per status and the deadlines at risk (open, report-back date within the window or passed). */
  async counts(principal: Principal, query: ReferralSummaryQueryDto): Promise<ReferralCountsView> {
    const withinDays = query.withinDays ?? this.config.DEADLINE_RISK_DAYS;
    const cutoff = deadlineRiskCutoff(this.clock.now(), withinDays);
    const officeId = principal.role === 'prosecutor' ? principal.org : (query.officeId ?? null);
    const byStatus = Object.fromEntries(REFERRAL_STATUSES.map((status) => [status, 0])) as Record<
      ReferralStatus,
      number
    >;
    let atRisk = 0;
    const rows = this.visible(principal, query.officeId);
    if (rows) {
      const counted: { status: ReferralStatus; count: number }[] = await rows
        .clone()
        .select('r.status', 'status')
        .addSelect('cast(count(*) as int)', 'count')
        .groupBy('r.status')
        .getRawMany();
      for (const { status, count } of counted) byStatus[status] = count;
      atRisk = await rows
        .andWhere('r.status in (:...open)', { open: OPEN_STATUSES })
        .andWhere('r.report_back_by <= :cutoff', { cutoff })
        .getCount();
    }
    return {
      officeId,
      byStatus,
      total: Object.values(byStatus).reduce((sum, count) => sum + count, 0),
      open: OPEN_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
      deadlinesAtRisk: { withinDays, cutoff, count: atRisk },
    };
  }

  private async page(
    principal: Principal,
    query: { limit?: number; cursor?: string; officeId?: string },
    sort: ReferralSort,
    filter: (rows: SelectQueryBuilder<ReferralEntity>) => void,
  ): Promise<ReferralPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = this.visible(principal, query.officeId);
    if (!rows) return { items: [], nextCursor: null };
    filter(rows);
    // The DTO has checked that the cursor fits the sort.
    const after = query.cursor ? decodeCursor(sort, query.cursor) : null;
    if (sort === 'deadline') {
      if (after)
        rows.andWhere('(r.report_back_by, r.id) > (cast(:afterDate as date), cast(:afterId as uuid))', {
          afterDate: after.reportBackBy,
          afterId: after.id,
        });
      rows.orderBy('r.report_back_by', 'ASC').addOrderBy('r.id', 'ASC');
    } else {
      if (after) rows.andWhere('r.id < :afterId', { afterId: after.id });
      rows.orderBy('r.id', 'DESC');
    }
    const found = await rows.take(limit + 1).getMany();
    const items = found.slice(0, limit);
    return {
      items: items.map(summaryView),
      nextCursor: found.length > limit ? encodeCursor(sort, items[items.length - 1]) : null,
    };
  }

  /** The caller's visible referrals, or null when it can see none (an org claim that names no office). */
  private visible(principal: Principal, officeId: string | undefined): SelectQueryBuilder<ReferralEntity> | null {
    const rows = this.dataSource.manager.createQueryBuilder(ReferralEntity, 'r');
    if (principal.role === 'prosecutor') {
      if (!principal.org || !UUID_PATTERN.test(principal.org)) return null;
      rows.andWhere('r.office_id = :own', { own: principal.org });
    }
    if (officeId) rows.andWhere('r.office_id = :officeId', { officeId });
    return rows;
  }
}

function startOfDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  childPeriods,
  computeTransparencyReport,
  dateOfInstant,
  formatPeriod,
  isSmallJurisdiction,
  parsePeriod,
  periodBounds,
  periodHasEnded,
  publicationRefusal,
  publicPeriodKinds,
  type FrozenCounts,
  type TransparencyReport,
} from '@rj/outcome/domain';
import {
  FeedbackAnswerEntity,
  loadReferralFacts,
  optedInJurisdictions,
  PublishedReportEntity,
  referralsSubmittedInYear,
  storePublishedReport,
} from '@rj/outcome/data-access';
import { In } from 'typeorm';
import { NotFound } from '@rj/shared/contracts';
import { Clock } from '@rj/shared/service';

export interface PublishedReport extends TransparencyReport {
  publishedAt: string;
}

/** How many years back the index lists. */
const YEARS_LISTED = 3;

/**
 * The public transparency report: per opted-in jurisdiction and ended period, computed once,
 * stored and frozen (published_report refuses changes), then served as stored.
 */
@Injectable()
export class TransparencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return dateOfInstant(this.clock.now());
  }

  publishedJurisdictions(): Promise<string[]> {
    return optedInJurisdictions(this.dataSource);
  }

  private async small(jurisdiction: string, year: number): Promise<boolean> {
    return isSmallJurisdiction(await referralsSubmittedInYear(this.dataSource, jurisdiction, year - 1));
  }

  /** Every publishable period of each opted-in jurisdiction over the last years, newest first. */
  async index(): Promise<{ jurisdiction: string; periods: string[] }[]> {
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const result = [];
    for (const jurisdiction of await this.publishedJurisdictions()) {
      const periods: string[] = [];
      for (let year = thisYear; year > thisYear - YEARS_LISTED; year--) {
        const kinds = publicPeriodKinds(await this.small(jurisdiction, year));
        const y = parsePeriod(String(year));
        if (!y) continue;
        const candidates = [...(kinds.includes('quarter') ? childPeriods(y).reverse() : []), y];
        periods.push(...candidates.filter((p) => periodHasEnded(p, today)).map(formatPeriod));
      }
      result.push({ jurisdiction, periods: periods.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)) });
    }
    return result;
  }

  async report(jurisdiction: string, periodText: string): Promise<PublishedReport> {
    if (!(await this.publishedJurisdictions()).includes(jurisdiction))
      throw new NotFound('no published report for this jurisdiction');
    const period = parsePeriod(periodText);
    const small = period ? await this.small(jurisdiction, period.year) : true;
    const refusal = publicationRefusal(periodText, this.today(), small);
    if (refusal || !period) throw new NotFound(`no published report for this period (${refusal})`);
    const stored = await this.stored(jurisdiction, periodText);
    if (stored) return stored;

    const year = parsePeriod(String(period.year));
    if (!year) throw new NotFound('no published report for this period');
    const { from, to } = periodBounds(year);
    const referrals = await loadReferralFacts(this.dataSource, { jurisdiction, from, to }, null);
    const frozen: Map<string, TransparencyReport['counts']> = new Map();
    const others = await this.dataSource.manager.find(PublishedReportEntity, { where: { jurisdiction } });
    for (const other of others)
      if (other.period.startsWith(String(period.year)))
        frozen.set(other.period, (other.figures as TransparencyReport).counts);
    // Answers keep only the quarter their survey was released in: a year takes its four.
    const quarters = period.kind === 'year' ? childPeriods(period).map(formatPeriod) : [periodText];
    const answers = await this.dataSource.manager.find(FeedbackAnswerEntity, {
      where: { jurisdiction, period: In(quarters) },
    });
    const feedback = answers.map((a) => ({ survey: a.survey as 'first' | 'second', role: a.role, answers: a.answers }));
    const report = computeTransparencyReport({
      jurisdiction,
      period: periodText,
      referrals,
      quartersPublished: !small,
      frozen: frozen as FrozenCounts,
      feedback,
    });
    // Two readers may compute the same report at once: the first stored wins, both serve it.
    await storePublishedReport(this.dataSource, jurisdiction, periodText, report);
    const frozenNow = await this.stored(jurisdiction, periodText);
    if (!frozenNow) throw new Error('published report vanished');
    return frozenNow;
  }

  private async stored(jurisdiction: string, period: string): Promise<PublishedReport | null> {
    const row = await this.dataSource.manager.findOneBy(PublishedReportEntity, { jurisdiction, period });
    return row ? { ...(row.figures as TransparencyReport), publishedAt: row.publishedAt.toISOString() } : null;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { lockReferral, OfficeEntity, ReferralEntity } from '@rj/referral/data-access';
import {
  daysLeft,
  daysLeftForEvent,
  deadlineAtRiskNotice,
  isDeadlineAtRisk,
  OPEN_STATUSES,
  utcDateOf,
} from '@rj/referral/domain';
import { ReferralDeadlineAtRisk, systemActor, uuidv7, type ReferralStatus } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { NotificationService } from '@rj/shared/notifications';
import { afterCommit, withTransaction } from '@rj/shared/persistence';
import { Clock, InjectServiceConfig } from '@rj/shared/service';
import { Idempotency } from '../idempotency/idempotency';
import type { ReferralIntakeEnv } from '../referral-intake.env';

const DAY_MS = 86_400_000;
const BATCH = 200;

/**
 * product.md, Timeliness without pressure: referrals still open DEADLINE_RISK_DAYS before
 * their report-back date are flagged to the prosecutor — `referral.deadline_at_risk` and an
 * e-mail to the office's contact, without names — never pushed onto the parties. Each
 * report-back date is flagged once (the referral remembers it); an extended date can be
 * flagged again when it in turn comes near. The scan also purges expired Idempotency-Keys.
 */
@Injectable()
export class DeadlineScanner {
  private readonly logger = new Logger('DeadlineScan');

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly idempotency: Idempotency,
    @InjectServiceConfig() private readonly config: ReferralIntakeEnv,
    private readonly clock: Clock,
  ) {}

  /** Flags every referral at risk as of `now`; returns how many it flagged. */
  async scan(now: Date = this.clock.now()): Promise<number> {
    const horizon = utcDateOf(new Date(now.getTime() + this.config.DEADLINE_RISK_DAYS * DAY_MS));
    let flagged = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const candidates = await this.dataSource.manager
        .createQueryBuilder(ReferralEntity, 'r')
        .select('r.id')
        .where('r.status in (:...open)', { open: OPEN_STATUSES })
        .andWhere('r.report_back_by <= :horizon', { horizon })
        .andWhere('r.deadline_flagged_for is distinct from r.report_back_by')
        .andWhere('r.id > :after', { after })
        .orderBy('r.id')
        .limit(BATCH)
        .getMany();
      for (const { id } of candidates) if (await this.flag(id, now)) flagged++;
      if (candidates.length < BATCH) break;
      after = candidates[candidates.length - 1].id;
    }
    const purged = await this.idempotency.purgeOlderThan(
      this.dataSource.manager,
      new Date(now.getTime() - this.config.IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000),
    );
    if (flagged || purged)
      this.logger.log(
        `flagged ${flagged} referral(s) at risk of missing their report-back date; purged ${purged} idempotency key(s)`,
      );
    return flagged;
  }

  private async flag(id: string, now: Date): Promise<boolean> {
    return withTransaction(this.dataSource, async (manager) => {
      const referral = await lockReferral(manager, id);
      if (!referral || referral.deadlineFlaggedFor === referral.reportBackBy) return false;
      if (
        !isDeadlineAtRisk(referral.reportBackBy, now, this.config.DEADLINE_RISK_DAYS, referral.status as ReferralStatus)
      )
        return false;
      const left = daysLeft(referral.reportBackBy, now);
      await manager.update(ReferralEntity, { id }, { deadlineFlaggedFor: referral.reportBackBy });
      await publishEvent(manager, ReferralDeadlineAtRisk, {
        aggregateId: id,
        referralId: id,
        actor: systemActor('referral-intake'),
        causedBy: { correlationId: uuidv7(), causationId: null },
        occurredAt: now,
        data: { reportBackBy: referral.reportBackBy, daysLeft: daysLeftForEvent(left) },
      });
      const office = await manager.findOneByOrFail(OfficeEntity, { id: referral.officeId });
      const notice = deadlineAtRiskNotice({
        referralId: id,
        jurisdiction: referral.jurisdiction,
        offenseCode: referral.offenseCode,
        reportBackBy: referral.reportBackBy,
        daysLeft: left,
      });
      const notificationId = await this.notifications.queueEmail(manager, {
        kind: ReferralDeadlineAtRisk.type,
        to: office.contactEmail,
        referralId: id,
        ...notice,
      });
      // Should this fail, the notification sweep enqueues the pending row.
      afterCommit(manager, () => this.notifications.enqueue(notificationId));
      return true;
    });
  }
}

import { Logger } from '@nestjs/common';
import { MoreThan, type DataSource } from 'typeorm';
import { SessionEntity } from '@rj/scheduling/data-access';
import type { Clock } from '../platform/clock';
import type { ReminderPlanner } from './reminder-planner';

/**
 * Sessions in Postgres are the truth (architecture.md, Jobs): at start-up and on a schedule,
 * every reminder still ahead of a scheduled session is added again. Ids are deterministic,
 * so what exists is left alone and only what Redis lost comes back.
 */
export class ReminderSweep {
  private readonly logger = new Logger('ReminderSweep');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(batchSize = 500): Promise<number> {
    const now = this.clock();
    let added = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const sessions = await this.dataSource.getRepository(SessionEntity).find({
        where: { status: 'scheduled', startsAt: MoreThan(now), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: batchSize,
      });
      for (const session of sessions) added += await this.planner.plan(session, now);
      if (sessions.length < batchSize) return added;
      afterId = sessions[sessions.length - 1].id;
    }
  }

  async start(everyMs: number): Promise<void> {
    await this.runSafely();
    this.timer = setInterval(() => void this.runSafely(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.sweepOnce();
    } catch (error) {
      this.logger.warn(`reminder sweep failed, the next run retries: ${(error as Error).name}`);
    }
  }
}

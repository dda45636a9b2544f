import { MoreThan, type DataSource } from 'typeorm';
import { SessionEntity } from '@rj/scheduling/data-access';
import type { ReminderPlanner } from './reminder-planner';
import { PeriodicSweep, type Clock } from '@rj/shared/service';

/**
 * Sessions in Postgres are the truth (architecture.md, Jobs): at start-up and on a schedule,
 * every reminder still ahead of a scheduled session is added again. Ids are deterministic,
 * so what exists is left alone and only what Redis lost comes back.
 */
export class ReminderSweep extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    private readonly clock: Clock,
  ) {
    super('reminder sweep');
  }

  async sweepOnce(batchSize = 500): Promise<number> {
    const now = this.clock.now();
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
}

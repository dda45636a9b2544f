import { In, type EntityManager } from 'typeorm';
import { FeedbackAnswerEntity, FeedbackInvitationEntity, FeedbackOptOutEntity } from '../entities/feedback.entity';

/** Unused, unreminded survey invitations released between `releasedAfter` and `releasedBy`. */
export async function surveyReminderCandidates(
  db: Pick<EntityManager, 'query'>,
  window: { releasedBy: Date; releasedAfter: Date },
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `select id from feedback_invitation
     where used_at is null and reminded_at is null and released_at <= $1 and released_at > $2 and id > $3
     order by id limit $4`,
    [window.releasedBy, window.releasedAfter, afterId, limit],
  );
  return rows.map((row) => row.id);
}

/** "Stop asking me": kept by participant id alone; saying it twice is saying it once. */
export async function recordFeedbackOptOut(manager: EntityManager, participantId: string, at: Date): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(FeedbackOptOutEntity)
    .values({ participantId, optedOutAt: at })
    .orIgnore()
    .execute();
}

/** The invitations released and the answers given in these quarters (of one jurisdiction, or all). */
export async function feedbackOfQuarters(
  manager: EntityManager,
  quarters: string[],
  jurisdiction?: string,
): Promise<{ released: FeedbackInvitationEntity[]; answered: FeedbackAnswerEntity[] }> {
  const where = { period: In(quarters), ...(jurisdiction ? { jurisdiction } : {}) };
  const [released, answered] = await Promise.all([
    manager.find(FeedbackInvitationEntity, { where, select: { survey: true, role: true } }),
    manager.find(FeedbackAnswerEntity, { where }),
  ]);
  return { released, answered };
}

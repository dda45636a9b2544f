import type { EntityManager } from 'typeorm';

/**
 * Candidates for the daily scan, a keyset page at a time (ids after `afterId`): each is judged
 * again under its lock, so a candidate that changed meanwhile is skipped there.
 */
export async function overdueTermCandidates(
  db: Pick<EntityManager, 'query'>,
  today: string,
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await db.query(
    `select t.id from term t join agreement a on a.id = t.agreement_id join "case" c on c.id = a.case_id
     where not t.fulfilled and not t.overdue_flagged and t.due_by < $1 and c.status = 'agreement' and t.id > $2
     order by t.id limit $3`,
    [today, afterId, limit],
  );
  return rows.map((row) => row.id);
}

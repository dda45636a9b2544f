import type { EntityManager } from 'typeorm';
import { PracticeRecordEntity, PracticeThresholdsEntity } from '@rj/scheduling/data-access';
import {
  DEFAULT_PRACTICE_THRESHOLDS,
  thresholdsFor,
  type BackgroundCheckKind,
  type CredentialKind,
  type PracticeThresholds,
  type PractitionerFacts,
} from '@rj/scheduling/domain';

/** numeric columns come back from pg as strings. */
export const hoursOf = (row: Pick<PracticeRecordEntity, 'hours'>): number | null =>
  row.hours === null ? null : Number(row.hours);

/** A mediator's practice as the rules need it, from their records and the platform's cases. */
export function factsOf(
  records: readonly PracticeRecordEntity[],
  platformCasesDone: number,
  openCaseload: number,
): PractitionerFacts {
  const practice = (kind: string) =>
    records.filter((record) => record.recordType === 'practice' && record.kind === kind);
  const supervisions = practice('supervision')
    .map((record) => record.obtainedOn as string)
    .sort();
  return {
    credentials: records
      .filter((record) => record.recordType === 'credential')
      .map((record) => ({
        kind: record.kind as CredentialKind,
        hours: hoursOf(record),
        expiresOn: record.expiresOn,
        categories: record.categories,
        verifiedOn: record.verifiedOn,
      })),
    backgroundChecks: records
      .filter((record) => record.recordType === 'background_check')
      .map((record) => ({
        kind: record.kind as BackgroundCheckKind,
        expiresOn: record.expiresOn,
        verifiedOn: record.verifiedOn,
      })),
    lastSupervisionOn: supervisions.at(-1) ?? null,
    coFacilitatedCases: practice('co_facilitation').length + platformCasesDone,
    openCaseload,
  };
}

/** Facts of someone with no record and no case. */
export const NO_PRACTICE = factsOf([], 0, 0);

/** Each mediator's facts, for a proposal (the proposed mediator and the others on the case). */
export async function loadPractitionerFacts(
  manager: EntityManager,
  subs: readonly string[],
): Promise<Map<string, PractitionerFacts>> {
  if (subs.length === 0) return new Map();
  const records = await manager
    .getRepository(PracticeRecordEntity)
    .createQueryBuilder('r')
    .where('r.mediator_sub = any(:subs)', { subs })
    .getMany();
  // Cases on the platform: open ones carried (not conflicted), and concluded ones served on after declaring no conflict.
  const counts = (await manager.query(
    `select cm.mediator_id as sub,
            count(*) filter (where c.status <> 'concluded' and cm.status <> 'conflicted')::int as open,
            count(*) filter (where c.status = 'concluded' and cm.status = 'assigned')::int as done
       from case_mediator cm join mediation_case c on c.id = cm.case_id
      where cm.mediator_id = any($1)
      group by cm.mediator_id`,
    [subs],
  )) as { sub: string; open: number; done: number }[];
  const bySub = new Map(counts.map((row) => [row.sub, row]));
  return new Map(
    subs.map((sub) => [
      sub,
      factsOf(
        records.filter((record) => record.mediatorSub === sub),
        bySub.get(sub)?.done ?? 0,
        bySub.get(sub)?.open ?? 0,
      ),
    ]),
  );
}

/** The jurisdiction's own thresholds, or the defaults (practice-thresholds.ts). */
export async function loadThresholds(
  manager: EntityManager,
  jurisdiction: string | null | undefined,
): Promise<PracticeThresholds> {
  if (!jurisdiction) return DEFAULT_PRACTICE_THRESHOLDS;
  const row = await manager.findOneBy(PracticeThresholdsEntity, { jurisdiction });
  return thresholdsFor(
    jurisdiction,
    row ? ({ ...DEFAULT_PRACTICE_THRESHOLDS, ...row.thresholds, jurisdiction } as PracticeThresholds) : undefined,
  );
}

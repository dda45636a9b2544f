import type { EntityManager } from 'typeorm';
import type { EligibleNotReferredRecord } from '@rj/outcome/domain';

/** One participant of a referral submitted in the year, with the stages the referral reached. */
export interface EquityPersonRow {
  jurisdiction: string;
  source: string;
  offense_category: string | null;
  submitted_at: Date;
  role: string;
  preferred_language: string | null;
  interpreter: boolean | null;
  minor: boolean | null;
  screened_eligible: boolean;
  offered: boolean;
  accepted: boolean;
  dialogue_held: boolean;
  completed: boolean;
  /** The self-declaration as stored (ciphertext), none once the referral was erased. */
  declaration: string | null;
}

/**
 * The people of every referral submitted in one calendar year (UTC dates): one query, narrowed
 * by office for a prosecutor; no contacts, no names (docs/metrics.md, equity of access).
 */
export function equityPeopleOfYear(
  db: Pick<EntityManager, 'query'>,
  year: number,
  officeId: string | null,
): Promise<EquityPersonRow[]> {
  return db.query(
    `select r.jurisdiction, r.source, r.offense_category, r.submitted_at, p.role, p.preferred_language, p.interpreter, p.minor,
            r.screened_eligible_at is not null as screened_eligible,
            exists (select 1 from offer o where o.referral_id = r.id and o.made_at is not null) as offered,
            r.accepted_at is not null as accepted,
            r.first_dialogue_at is not null as dialogue_held,
            r.status = 'completed' as completed,
            d.declaration
       from participant p join referral r on r.id = p.referral_id
       left join self_declaration d on d.participant_id = p.id and r.erased_at is null
      where (r.submitted_at at time zone 'UTC')::date between $1::date and $2::date
        and ($3::uuid is null or r.office_id = $3::uuid)`,
    [`${year}-01-01`, `${year}-12-31`, officeId],
  );
}

/** The counts offices supplied of eligible cases they did not refer, in one year. */
export async function eligibleNotReferredOfYear(
  db: Pick<EntityManager, 'query'>,
  year: number,
  officeId: string | null,
): Promise<EligibleNotReferredRecord[]> {
  const rows: { office_id: string; month: string; count: number }[] = await db.query(
    `select office_id, month, count from eligible_not_referred
      where month like $1 and ($2::uuid is null or office_id = $2::uuid)`,
    [`${year}-%`, officeId],
  );
  return rows.map((row) => ({ officeId: row.office_id, month: row.month, count: row.count }));
}

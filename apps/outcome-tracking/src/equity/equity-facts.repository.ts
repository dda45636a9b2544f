import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  parseSelfDeclaration,
  stagesReached,
  type EligibleNotReferredRecord,
  type PersonFacts,
} from '@rj/outcome/domain';
import { KeyStoreClient } from '@rj/shared/pii';

interface PersonRow {
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
  declaration: string | null;
}

/**
 * The people of every referral submitted in one calendar year (UTC dates), with the stages
 * their referral reached — the facts equity of access is computed from (docs/metrics.md). One
 * query, narrowed by office for a prosecutor; no contacts, no names. A person's self-declared
 * attributes are decrypted here for the count alone and never leave this function but as
 * values to count; an erased referral's key is gone, so its declarations count as none.
 */
@Injectable()
export class EquityFactsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyStore: KeyStoreClient,
  ) {}

  async peopleOfYear(year: number, officeId: string | null): Promise<PersonFacts[]> {
    const rows: PersonRow[] = await this.dataSource.query(
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
    // One at a time: rows of one referral share a key, which the client then has in memory.
    const declarations: (string | null)[] = [];
    for (const row of rows) declarations.push(await this.keyStore.decrypt(row.declaration));
    return rows.map((row, i) => ({
      jurisdiction: row.jurisdiction,
      source: row.source,
      offenceCategory: row.offense_category,
      submittedAt: row.submitted_at.toISOString(),
      role: row.role,
      preferredLanguage: row.preferred_language,
      interpreter: row.interpreter,
      minor: row.minor,
      declared: parseSelfDeclaration(declarations[i]),
      reached: stagesReached({
        screenedEligible: row.screened_eligible,
        offered: row.offered,
        accepted: row.accepted,
        dialogueHeld: row.dialogue_held,
        completed: row.completed,
      }),
    }));
  }

  /** The counts offices supplied of eligible cases they did not refer, in one year. */
  async eligibleNotReferredOfYear(year: number, officeId: string | null): Promise<EligibleNotReferredRecord[]> {
    const rows: { office_id: string; month: string; count: number }[] = await this.dataSource.query(
      `select office_id, month, count from eligible_not_referred
        where month like $1 and ($2::uuid is null or office_id = $2::uuid)`,
      [`${year}-%`, officeId],
    );
    return rows.map((row) => ({ officeId: row.office_id, month: row.month, count: row.count }));
  }
}

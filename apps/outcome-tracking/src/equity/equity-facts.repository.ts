import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  parseSelfDeclaration,
  stagesReached,
  type EligibleNotReferredRecord,
  type PersonFacts,
} from '@rj/outcome/domain';
import { eligibleNotReferredOfYear, equityPeopleOfYear } from '@rj/outcome/data-access';
import { KeyStoreClient } from '@rj/shared/pii';

/**
 * The people of every referral submitted in one calendar year (UTC dates), with the stages
 * their referral reached — the facts equity of access is computed from (docs/metrics.md; the
 * query is the data-access lib's equityPeopleOfYear). A person's self-declared
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
    const rows = await equityPeopleOfYear(this.dataSource, year, officeId);
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
  eligibleNotReferredOfYear(year: number, officeId: string | null): Promise<EligibleNotReferredRecord[]> {
    return eligibleNotReferredOfYear(this.dataSource, year, officeId);
  }
}

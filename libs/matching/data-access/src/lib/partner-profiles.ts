import type { EntityManager } from 'typeorm';
import { typicalResponseHours, type PartnerProfile } from '@rj/matching/domain';
import type { PartnerEntity } from './entities/partner.entity';

type ProfileColumns = Pick<
  PartnerEntity,
  | 'id'
  | 'jurisdictions'
  | 'offenseCategories'
  | 'languages'
  | 'servesMinors'
  | 'capacity'
  | 'openCases'
  | 'responseHours'
  | 'specialties'
  | 'active'
  | 'offersResolved'
  | 'responseHoursTotal'
>;

/** What ranking sees of a partner: its attributes, load and response record, nothing else. */
export function partnerProfileOf(partner: ProfileColumns): PartnerProfile {
  return {
    partnerId: partner.id,
    jurisdictions: partner.jurisdictions,
    offenseCategories: partner.offenseCategories,
    languages: partner.languages,
    servesMinors: partner.servesMinors,
    capacity: partner.capacity,
    openCases: partner.openCases,
    responseHours: partner.responseHours,
    typicalResponseHours: typicalResponseHours(partner.offersResolved, partner.responseHoursTotal),
    specialties: partner.specialties,
    active: partner.active,
  };
}

const PROFILE_SELECT = `select id, jurisdictions, offense_categories as "offenseCategories", languages, serves_minors as "servesMinors",
  capacity, open_cases as "openCases", response_hours as "responseHours", specialties, active,
  offers_resolved as "offersResolved", response_hours_total as "responseHoursTotal" from partner`;

/**
 * Every partner's profile for a ranking, in one query of the columns ranking reads (no entity
 * hydration: a registry of thousands must rank in milliseconds). Excluded partners are part of
 * the answer too: the match records why each was left out.
 */
export async function loadPartnerProfiles(manager: EntityManager): Promise<PartnerProfile[]> {
  const rows: ProfileColumns[] = await manager.query(PROFILE_SELECT);
  return rows.map(partnerProfileOf);
}

/** The current profiles of some partners (the next candidates of a match), by id. */
export async function loadPartnerProfilesByIds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, PartnerProfile>> {
  if (!ids.length) return new Map();
  const rows: ProfileColumns[] = await manager.query(`${PROFILE_SELECT} where id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, partnerProfileOf(row)]));
}

interface ChangedRow extends Partial<ProfileColumns> {
  xmin: string;
  deletions: string;
}

/**
 * Every partner's profile, kept in the process between matches (issue 15: a registry of 10,000
 * read for every match cost 217 ms at p99). Each read asks, in one statement and so one
 * snapshot, for the partner rows written by transactions that might not have finished when it
 * last read (migration PartnerRegistryVersion1797000000000): usually none, after an accept or a
 * deactivation that partner's row. What it answers is what `loadPartnerProfiles` would have read
 * in the same statement, so ranking and offering see no difference. A deletion reloads it whole.
 */
export class PartnerProfileCache {
  private readonly byId = new Map<string, PartnerProfile>();
  /** Every transaction older than this had finished when the cache last read: its writes are in. */
  private xmin = -1n;
  private deletions = -1n;
  /** Partner rows the last read brought back: what the cache saved (tests). */
  lastRowsRead = 0;

  async profiles(manager: EntityManager): Promise<PartnerProfile[]> {
    const whole = this.xmin < 0n;
    const rows: ChangedRow[] = await manager.query(
      `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, d.deletions::text as deletions, p.*
       from partner_deletions d left join (${PROFILE_SELECT} where $2 or written_by >= $1::text::xid8) p on true`,
      [(whole ? 0n : this.xmin).toString(), whole],
    );
    const [head] = rows;
    const xmin = BigInt(head.xmin);
    const deletions = BigInt(head.deletions);
    if (!whole && deletions !== this.deletions) {
      this.forget();
      return this.profiles(manager);
    }
    const changed = rows.filter((row): row is ChangedRow & ProfileColumns => row.id != null);
    this.lastRowsRead = changed.length;
    // Reads of concurrent transactions may come back out of order: never step back to an older
    // snapshot. An older one is then answered with newer profiles, all committed, as its
    // transaction's next statement would read them.
    if (xmin >= this.xmin) {
      for (const row of changed) this.byId.set(row.id, partnerProfileOf(row));
      this.xmin = xmin;
      this.deletions = deletions;
    }
    return [...this.byId.values()];
  }

  /** The next read loads every profile again. */
  forget(): void {
    this.byId.clear();
    this.xmin = -1n;
    this.deletions = -1n;
  }
}

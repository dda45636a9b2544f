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

import type { EntityManager } from 'typeorm';

/**
 * Keeps a jurisdiction's time zone as jurisdiction.settings_changed announced it, in the
 * consuming service's `jurisdiction_setting` table (jurisdiction, version, time_zone, updated_at).
 * The highest version wins: an older or repeated one, delivered late or again, changes nothing.
 */
export async function keepLatestJurisdictionTimeZone(
  manager: EntityManager,
  settings: { readonly jurisdiction: string; readonly version: number; readonly timeZone: string },
  announcedAt: string,
): Promise<void> {
  await manager.query(
    `insert into jurisdiction_setting (jurisdiction, version, time_zone, updated_at) values ($1, $2, $3, $4)
     on conflict (jurisdiction) do update set version = excluded.version, time_zone = excluded.time_zone, updated_at = excluded.updated_at
     where jurisdiction_setting.version < excluded.version`,
    [settings.jurisdiction, settings.version, settings.timeZone, announcedAt],
  );
}

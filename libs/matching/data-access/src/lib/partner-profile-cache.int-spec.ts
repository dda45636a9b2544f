import { uuidv7 } from '@rj/shared/contracts';
import { createScratchDatabase, eventually, type ScratchDatabase } from '@rj/shared/testing';
import { MATCHING_DATABASE } from './matching-database';
import { loadPartnerProfiles, PartnerProfileCache } from './partner-profiles';

/**
 * Issue 15: the profile cache answers what a fresh read of every profile would, while reading
 * only the partners written since its last read — including a write whose transaction was still
 * open when the cache read, and a deletion.
 */
describe('PartnerProfileCache', () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await createScratchDatabase('matching_profile_cache', {
      entities: MATCHING_DATABASE.entities,
      migrations: MATCHING_DATABASE.migrations,
    });
  });
  afterAll(() => db?.drop());

  const addPartner = async (name: string): Promise<string> => {
    const id = uuidv7();
    await db.dataSource.query(
      `insert into partner (id, name, jurisdictions, offense_categories, languages, serves_minors, capacity, response_hours)
       values ($1, $2, '{NL-NH}', '{theft}', '{nl}', true, 10, 24)`,
      [id, name],
    );
    return id;
  };
  const byId = <T extends { partnerId: string }>(profiles: T[]) =>
    [...profiles].sort((a, b) => a.partnerId.localeCompare(b.partnerId));
  const fresh = async () => byId(await loadPartnerProfiles(db.dataSource.manager));

  it('reads every partner once, then only the ones written since, and always answers what a fresh read would', async () => {
    const cache = new PartnerProfileCache();
    const first = await addPartner('First');
    await addPartner('Second');

    expect(byId(await cache.profiles(db.dataSource.manager))).toEqual(await fresh());
    expect(cache.lastRowsRead).toBe((await fresh()).length);
    // Rows written by transactions that may still have been running are read again (the oldest
    // running transaction of the whole cluster decides, another test's too): once none is, nothing.
    await eventually(
      async () => (await cache.profiles(db.dataSource.manager)) && cache.lastRowsRead === 0,
      30_000,
      'a read that brings back no partner',
    );
    expect(byId(await cache.profiles(db.dataSource.manager))).toEqual(await fresh());

    await db.dataSource.query('update partner set open_cases = open_cases + 1, active = false where id = $1', [first]);
    const third = await addPartner('Third');
    const profiles = byId(await cache.profiles(db.dataSource.manager));
    expect(profiles).toEqual(await fresh());
    expect(profiles.find((p) => p.partnerId === first)).toEqual(
      expect.objectContaining({ openCases: 1, active: false }),
    );
    expect(profiles.map((p) => p.partnerId)).toContain(third);
  });

  it('picks up a write whose transaction was open when it read, once that transaction commits', async () => {
    const cache = new PartnerProfileCache();
    const partner = await addPartner('Slow writer');
    await cache.profiles(db.dataSource.manager);

    const writer = db.dataSource.createQueryRunner();
    await writer.connect();
    try {
      await writer.startTransaction();
      await writer.query('update partner set capacity = 0 where id = $1', [partner]);
      // A younger transaction commits while the older one is open: the older is still owed.
      await addPartner('Meanwhile');
      // Read while the write is open: the old capacity, as any reader would see it.
      const during = await cache.profiles(db.dataSource.manager);
      expect(during.find((p) => p.partnerId === partner)?.capacity).toBe(10);
      await cache.profiles(db.dataSource.manager); // a later read, the writer still open
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    const after = byId(await cache.profiles(db.dataSource.manager));
    expect(after).toEqual(await fresh());
    expect(after.find((p) => p.partnerId === partner)?.capacity).toBe(0);
  });

  it('forgets a deleted partner', async () => {
    const cache = new PartnerProfileCache();
    const gone = await addPartner('Gone');
    await cache.profiles(db.dataSource.manager);
    await db.dataSource.query('delete from partner where id = $1', [gone]);

    const after = await cache.profiles(db.dataSource.manager);
    expect(after.map((p) => p.partnerId)).not.toContain(gone);
    expect(byId(after)).toEqual(await fresh());
  });
});

/**
 * What a match costs inside the service: partner-matching reads every partner's profile from its
 * own Postgres (one query, no entity hydration) and ranks them. Registers 10,000 generated
 * partners in a scratch database and times read + rank over 200 runs; prints p50/p99.
 *   node -r ./tools/runtime/register.js tools/bench/matching/db.ts [partners] [runs]
 * Needs the local Postgres (npm run infra:up); drops its database at the end.
 */
import { DEFAULT_RANKING_WEIGHTS, rankPartners } from '@rj/matching/domain';
import { loadPartnerProfiles, MATCHING_DATABASE } from '@rj/matching/data-access';
import { uuidv7 } from '@rj/shared/contracts';
import { createScratchDatabase } from '@rj/shared/testing';
import { BENCH_REFERRAL, generatePartners, summary } from './partners';

const PARTNERS = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 200);

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_matching', {
    migrations: MATCHING_DATABASE.migrations,
    entities: MATCHING_DATABASE.entities,
  });
  try {
    const partners = generatePartners(PARTNERS, 42, () => uuidv7());
    for (let offset = 0; offset < partners.length; offset += 1000) {
      const rows = partners.slice(offset, offset + 1000).map((p) => ({
        id: p.partnerId,
        name: `Bench partner ${p.partnerId}`,
        jurisdictions: [...p.jurisdictions],
        offenseCategories: [...p.offenseCategories],
        languages: [...p.languages],
        servesMinors: p.servesMinors,
        capacity: p.capacity,
        responseHours: p.responseHours,
        specialties: [...p.specialties],
        active: p.active,
        contactEmail: null,
        openCases: Math.min(p.openCases, p.capacity),
        offersResolved: p.typicalResponseHours == null ? 0 : 3,
        responseHoursTotal: p.typicalResponseHours == null ? 0 : p.typicalResponseHours * 3,
        createdAt: new Date(),
        updatedAt: new Date(),
      }));
      await database.dataSource.getRepository(MATCHING_DATABASE.entities[0] as never).insert(rows as never);
    }
    const manager = database.dataSource.manager;
    for (let i = 0; i < 20; i++)
      rankPartners(BENCH_REFERRAL, await loadPartnerProfiles(manager), DEFAULT_RANKING_WEIGHTS);

    const read = new Float64Array(RUNS);
    const total = new Float64Array(RUNS);
    let candidates = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const profiles = await loadPartnerProfiles(manager);
      const loaded = process.hrtime.bigint();
      candidates = rankPartners(BENCH_REFERRAL, profiles, DEFAULT_RANKING_WEIGHTS).candidates.length;
      read[i] = Number(loaded - start) / 1e6;
      total[i] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    console.log(
      `matching db bench: ${PARTNERS} partners in Postgres x ${RUNS} runs (${candidates} candidates per run)`,
    );
    console.log(`read          ${summary(read)}`);
    console.log(`read + rank   ${summary(total)}`);
  } finally {
    await database.drop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

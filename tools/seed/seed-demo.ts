/**
 * Demo data for a newcomer's platform, created only through the services' public HTTP APIs:
 * two offices, three partners (one a specialist), their mediators, and two dozen referrals
 * in every state a case can be in. The services enforce every rule of the process on the
 * seed as on anyone — consent, risk, preparation before dialogue — so the demo shows only
 * what the platform itself allows.
 */
import { randomBytes } from 'node:crypto';
import { MediatorCalendar } from './calendar';
import type { SeedContext, SeededOrganisations } from './context';
import { ApiClient, SeedError } from './http';
import { runJourney } from './journeys';
import { createOrganisations } from './organisations';
import { DEMO_REFERRALS, type DemoState, type PlannedReferral } from './plan';
import type { ServiceName } from './services';
import { SEED_ADMIN, Tokens, type TokenFor } from './tokens';

export type { ServiceName } from './services';
export type { TokenClaims, TokenFor } from './tokens';

/** Some referrals could not be driven to their state; the organisations (and the others) exist. */
export class SeedIncomplete extends SeedError {
  override name = 'SeedIncomplete';
}

export interface DemoOrganisations {
  offices: { id: string; name: string; jurisdiction: string }[];
  partners: { id: string; name: string }[];
  mediators: { sub: string; partnerId: string; name: string }[];
}

export interface SeedOptions {
  urls: Record<ServiceName, string>;
  tokenFor: TokenFor;
  log?(line: string): void;
  /** Tags jurisdictions, subs, names and case numbers when seeding a platform that already has demo data. */
  suffix?: string;
  /** Called as soon as the organisations exist, before the referrals (their accounts are usable from then on). */
  onOrganisations?(organisations: DemoOrganisations): void | Promise<void>;
  /** How many referrals are driven at once (default 4; the services do the waiting). */
  concurrency?: number;
}

export async function seedDemo(options: SeedOptions): Promise<DemoOrganisations> {
  const startedAt = new Date();
  const run = randomBytes(4).toString('hex');
  const log = options.log ?? (() => undefined);
  const ctx: SeedContext = {
    api: new ApiClient(options.urls),
    tokens: new Tokens(options.tokenFor),
    calendar: new MediatorCalendar(startedAt),
    log,
    idempotencyKey: (name) => `seed-demo-${run}-${name}`,
    suffix: options.suffix ?? '',
    startedAt,
  };

  const world = await createOrganisations(ctx);
  const organisations = demoOrganisationsOf(world);
  await options.onOrganisations?.(organisations);

  // The newest referrals are submitted last, so that they are the newest in every list.
  const older = DEMO_REFERRALS.filter((r) => r.journey.state !== 'new');
  const newest = DEMO_REFERRALS.filter((r) => r.journey.state === 'new');
  const failures: string[] = [];
  const drive = async (planned: PlannedReferral) => {
    // After a failure the platform is likely unwell (a consumer down, a rule changed): the
    // referrals in flight finish, no new one starts and waits out its own deadline.
    if (failures.length > 0) return;
    try {
      const outcome = await runJourney(ctx, world, planned);
      log(`referral  #${String(planned.number).padStart(2, '0')} ${planned.office.padEnd(5)} ${outcome}`);
    } catch (error) {
      failures.push(`#${planned.number} (${planned.journey.state}): ${(error as Error).message}`);
      log(`referral  #${String(planned.number).padStart(2, '0')} FAILED: ${(error as Error).message}`);
    }
  };
  await inParallel(older, options.concurrency ?? 4, drive);
  await inParallel(newest, options.concurrency ?? 4, drive);

  if (failures.length > 0)
    throw new SeedIncomplete(
      `the demo data is incomplete; the organisations exist, but ${failures.length} referral journey(s) failed and the rest stopped:\n  ${failures.join('\n  ')}`,
    );
  log(
    `summary   ${organisations.offices.length} offices, ${organisations.partners.length} partners, ${organisations.mediators.length} mediators, ${DEMO_REFERRALS.length} referrals: ${stateCounts()}`,
  );
  return organisations;
}

/** True when referral-intake knows no office yet: nobody has used (or seeded) this platform. */
export async function isPlatformEmpty(urls: Record<ServiceName, string>, tokenFor: TokenFor): Promise<boolean> {
  const api = new ApiClient(urls);
  const page = await api.expect<{ items: unknown[] }>(
    'list the offices',
    200,
    'referral-intake',
    'GET',
    '/api/offices?limit=1',
    { token: await tokenFor(SEED_ADMIN) },
  );
  return page.items.length === 0;
}

export function demoOrganisationsOf(world: SeededOrganisations): DemoOrganisations {
  const partners = Object.values(world.partners);
  return {
    offices: Object.values(world.offices).map(({ id, name, jurisdiction }) => ({ id, name, jurisdiction })),
    partners: partners.map(({ id, name }) => ({ id, name })),
    mediators: partners.flatMap((partner) =>
      partner.mediators.map(({ sub, partnerId, name }) => ({ sub, partnerId, name })),
    ),
  };
}

/** How many demo referrals end in each state, e.g. "completed 2, returned 3, …". */
export function stateCounts(): string {
  const counts = new Map<DemoState, number>();
  for (const planned of DEMO_REFERRALS) counts.set(planned.journey.state, (counts.get(planned.journey.state) ?? 0) + 1);
  return [...counts].map(([state, count]) => `${state.replace(/_/g, ' ')} ${count}`).join(', ');
}

/** Runs `work` on every item, at most `limit` at a time, in order of the list. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * When the seed may run. Demo data goes into an empty platform only: seeding one that already
 * has offices needs `--force` (it then adds a second, tagged set). `npm start` seeds when the
 * platform is empty unless SEED_DEMO=false.
 */
import { SeedError } from './http';
import { isPlatformEmpty } from './seed-demo';
import type { ServiceName } from './services';
import type { TokenFor } from './tokens';

export class SeedRefused extends SeedError {
  override name = 'SeedRefused';
}

export type SeedDecision = { seed: true; platformWasEmpty: boolean } | { seed: false; reason: string };

/** The rule itself: an empty platform is seeded; one with offices only when forced. */
export function decideSeeding(platformIsEmpty: boolean, force: boolean): SeedDecision {
  if (platformIsEmpty) return { seed: true, platformWasEmpty: true };
  if (force) return { seed: true, platformWasEmpty: false };
  return {
    seed: false,
    reason: 'the platform already has offices, so it is not seeded again (use --force to add another set of demo data)',
  };
}

/** Asks referral-intake whether the platform is empty and applies the rule; refuses with SeedRefused. */
export async function assertSeedAllowed(
  urls: Record<ServiceName, string>,
  tokenFor: TokenFor,
  options: { force?: boolean } = {},
): Promise<{ platformWasEmpty: boolean }> {
  const decision = decideSeeding(await isPlatformEmpty(urls, tokenFor), options.force ?? false);
  if (!decision.seed) throw new SeedRefused(decision.reason);
  return { platformWasEmpty: decision.platformWasEmpty };
}

/** `SEED_DEMO=false` (or 0, no, off) turns seeding on start off; anything else leaves it on. */
export function seedOnStartEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(false|0|no|off)$/i.test((env.SEED_DEMO ?? '').trim());
}

/**
 * `npm run seed:demo [-- --force | --if-empty]`: demo data for a running platform (see
 * tools/seed/README.md).
 *   --force     seed even though the platform already has offices (adds a second, tagged set)
 *   --if-empty  seed only an empty platform and otherwise exit 0 quietly; SEED_DEMO=false
 *               skips it too (how `npm start` runs it)
 * Service URLs: RJ_URL_REFERRAL_INTAKE, RJ_URL_PARTNER_MATCHING, RJ_URL_MEDIATION_SCHEDULING,
 * RJ_URL_OUTCOME_TRACKING, RJ_URL_AUDIT_LEDGER (default http://127.0.0.1:3001…3005); tokens
 * from the development identity provider at IDP_ISSUER (default http://127.0.0.1:3100);
 * the organisations go to DEMO_ORGANISATIONS_FILE (default .cache/demo/organisations.json).
 * Exit 0 seeded or skipped, 1 refused or failed, 2 usage.
 */
import { randomBytes } from 'node:crypto';
import { assertSeedAllowed, SeedRefused, seedOnStartEnabled } from './guard';
import { SeedError, ServiceUnreachable } from './http';
import { organisationsFilePath, writeOrganisationsFile } from './organisations-file';
import { seedDemo, SeedIncomplete } from './seed-demo';
import { SERVICE_NAMES, serviceUrlsFromEnv, type ServiceName } from './services';
import { devIdentityProvider } from './tokens';

export const DEFAULT_IDP_ISSUER = 'http://127.0.0.1:3100';

export interface CliFlags {
  force: boolean;
  ifEmpty: boolean;
}

export class UsageError extends Error {}

export function parseFlags(argv: string[]): CliFlags {
  const flags: CliFlags = { force: false, ifEmpty: false };
  for (const arg of argv) {
    if (arg === '--force') flags.force = true;
    else if (arg === '--if-empty') flags.ifEmpty = true;
    else throw new UsageError(`unknown option ${arg}; usage: npm run seed:demo [-- --force | --if-empty]`);
  }
  if (flags.force && flags.ifEmpty) throw new UsageError('--force and --if-empty contradict each other');
  return flags;
}

/** Every service answers its readiness probe; otherwise one line names each that does not. */
export async function assertServicesReady(urls: Record<ServiceName, string>): Promise<void> {
  const problems = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      try {
        const response = await fetch(`${urls[service]}/health/ready`, { signal: AbortSignal.timeout(10_000) });
        return response.ok ? null : `${service} at ${urls[service]} is not ready (HTTP ${response.status})`;
      } catch (error) {
        return new ServiceUnreachable(service, urls[service], error).message;
      }
    }),
  );
  const failing = problems.filter((problem): problem is string => problem !== null);
  if (failing.length > 0) throw new SeedError(`${failing.join('; ')} — is the platform running (npm start)?`);
}

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  say: (line: string) => void = (line) => process.stdout.write(`[seed] ${line}\n`),
): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.ifEmpty && !seedOnStartEnabled(env)) {
    say('SEED_DEMO=false: no demo data');
    return 0;
  }
  const urls = serviceUrlsFromEnv(env);
  const tokenFor = devIdentityProvider(env.IDP_ISSUER?.trim() || DEFAULT_IDP_ISSUER);
  await assertServicesReady(urls);

  let platformWasEmpty: boolean;
  try {
    ({ platformWasEmpty } = await assertSeedAllowed(urls, tokenFor, { force: flags.force }));
  } catch (error) {
    if (error instanceof SeedRefused && flags.ifEmpty) {
      say('the platform already has offices: no demo data added');
      return 0;
    }
    throw error;
  }

  const file = organisationsFilePath(env);
  const started = Date.now();
  const organisations = await seedDemo({
    urls,
    tokenFor,
    log: say,
    // A second set on a used platform gets its own jurisdictions, subs and case numbers.
    suffix: platformWasEmpty ? '' : randomBytes(2).toString('hex'),
    onOrganisations: (created) => writeOrganisationsFile(file, created, { keepExisting: !platformWasEmpty }),
  });
  say(
    `done in ${((Date.now() - started) / 1000).toFixed(0)} s; ${organisations.offices.length + organisations.partners.length} organisations and ${organisations.mediators.length} mediators written to ${file}`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      // One line for what a newcomer can act on; the rest (failed steps) below it.
      const prefix = error instanceof UsageError || error instanceof SeedIncomplete ? '' : 'not seeded: ';
      process.stderr.write(`[seed] ${prefix}${error.message}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}

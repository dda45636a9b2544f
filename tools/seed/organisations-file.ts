/**
 * The organisations the seed created, in a file the development identity provider reads to
 * offer a demo account for each office, partner and mediator.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoOrganisations } from './seed-demo';

const ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_ORGANISATIONS_FILE = '.cache/demo/organisations.json';

/** DEMO_ORGANISATIONS_FILE, relative to the repository root unless absolute. */
export function organisationsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(ROOT, env.DEMO_ORGANISATIONS_FILE?.trim() || DEFAULT_ORGANISATIONS_FILE);
}

export function readOrganisationsFile(file: string): DemoOrganisations | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoOrganisations>;
    return { offices: parsed.offices ?? [], partners: parsed.partners ?? [], mediators: parsed.mediators ?? [] };
  } catch {
    return null;
  }
}

/**
 * Writes the organisations (atomically: the provider never reads half a file). `keepExisting`
 * adds them to what the file already lists — a forced second seed keeps the first set's accounts.
 */
export function writeOrganisationsFile(
  file: string,
  organisations: DemoOrganisations,
  options: { keepExisting?: boolean } = {},
): void {
  const previous = options.keepExisting ? readOrganisationsFile(file) : null;
  const merged: DemoOrganisations = previous
    ? {
        offices: uniqueBy([...previous.offices, ...organisations.offices], (o) => o.id),
        partners: uniqueBy([...previous.partners, ...organisations.partners], (p) => p.id),
        mediators: uniqueBy([...previous.mediators, ...organisations.mediators], (m) => m.sub),
      }
    : organisations;
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(temporary, file);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) seen.set(key(item), item);
  return [...seen.values()];
}

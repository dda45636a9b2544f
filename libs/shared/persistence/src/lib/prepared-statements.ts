import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** A statement is kept prepared from its third use in the process: one-off texts never are. */
export const PREPARE_FROM_USE = 3;
/** Prepared statements a connection keeps at most (each holds a plan in its backend's memory). */
export const MAX_PREPARED_PER_CONNECTION = 256;
/** Distinct statement texts counted at most; past it the count starts afresh (bounded memory). */
const MAX_COUNTED_TEXTS = 4096;

/**
 * A star projection's result row type is fixed when the statement is prepared: should a
 * migration add a column while a connection holds it, Postgres refuses to run it ("cached plan
 * must not change result type"). Statements naming their columns are re-planned instead.
 */
const STAR_PROJECTION = /\bselect\s+(distinct\s+)?\*|\.\*|\breturning\s+\*/i;

/** Whether a statement may be kept prepared: parameterised, and naming the columns it returns. */
export function isPreparable(text: string, values: unknown): values is unknown[] {
  return Array.isArray(values) && values.length > 0 && !STAR_PROJECTION.test(text);
}

/** The same text gets the same name in every connection and every process. */
export function statementName(text: string): string {
  return `rj_${createHash('sha1').update(text).digest('base64url')}`;
}

interface TextUse {
  uses: number;
  name?: string;
}

/** How often each statement text was run in this process. */
const textUses = new Map<string, TextUse>();

/** The name to prepare a text under, once it has been run often enough; null before. */
export function nameOnceFrequent(text: string): string | null {
  let use = textUses.get(text);
  if (!use) {
    if (textUses.size >= MAX_COUNTED_TEXTS) textUses.clear();
    use = { uses: 0 };
    textUses.set(text, use);
  }
  use.uses += 1;
  if (use.uses < PREPARE_FROM_USE) return null;
  return (use.name ??= statementName(text));
}

/**
 * A pg client that runs a frequent parameterised statement as a named prepared statement: its
 * backend parses and plans it once per connection, not at every run, and the client no longer
 * sends its text (Parse) each time. Every statement TypeORM builds and every
 * hand-written one benefits, unchanged. About half of Postgres's CPU for a short statement is
 * its parse and plan (issue 15).
 *
 * Postgres keeps the plan generic only when it is no worse than a plan for the values at hand
 * (plan_cache_mode = auto), so skewed columns keep their custom plans. A pooler between the
 * services and Postgres must keep a connection's prepared statements (PgBouncer 1.21+ with
 * max_prepared_statements, or session pooling); `preparedStatements: false` turns this off.
 */
export class PreparingClient extends Client {
  /** Names sent to this connection's backend (a name whose Parse failed is dropped at the cap). */
  private prepared = new Set<string>();

  // pg's overloads (text or config, values, callback) pass through untouched but for this one case.
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    if (typeof config === 'string' && isPreparable(config, values)) {
      const name = nameOnceFrequent(config);
      if (name && this.mayPrepare(name)) {
        this.prepared.add(name);
        return (super.query as (...args: unknown[]) => never)({ name, text: config, values }, callback);
      }
    }
    return (super.query as (...args: unknown[]) => never)(config, values, callback);
  }

  private mayPrepare(name: string): boolean {
    if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) return true;
    // At the cap: count again what the backend really holds (pg records each Parse it confirmed).
    const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
      .parsedStatements;
    this.prepared = new Set(Object.keys(parsed));
    return this.prepared.size < MAX_PREPARED_PER_CONNECTION;
  }
}

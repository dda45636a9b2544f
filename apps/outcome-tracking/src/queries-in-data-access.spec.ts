import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * outcome-tracking's SQL and query builders live in @rj/outcome/data-access (issue 13): the app
 * calls named queries and keeps none of its own. Its test harnesses may query what they assert.
 * The event handlers (src/events) still write their projections inline: they move with the
 * handlers' conversion to @EventPattern controllers.
 */
const SRC = __dirname;
const ALLOWED = ['events/', 'test/'];
const QUERY = /\.query\(|createQueryBuilder\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('outcome-tracking keeps its queries in the data-access lib', () => {
  it('has no raw SQL or query builder outside its event handlers', () => {
    const inline = sources(SRC)
      .map((path) => relative(SRC, path))
      .filter((path) => !ALLOWED.some((prefix) => path.startsWith(prefix)))
      .filter((path) => QUERY.test(readFileSync(join(SRC, path), 'utf8')));
    expect(inline).toEqual([]);
  });
});

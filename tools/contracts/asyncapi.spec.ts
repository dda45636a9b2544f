/**
 * The AsyncAPI document of the events (docs/reference/asyncapi.json, served by the front door
 * at /api/asyncapi.json) is valid AsyncAPI 3 by @asyncapi/parser: no error, no warning.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';

const FILE = resolve(__dirname, '../../docs/reference/asyncapi.json');

describe('AsyncAPI document', () => {
  it('parses and validates with @asyncapi/parser: 0 errors, 0 warnings', async () => {
    const diagnostics = await new Parser().validate(readFileSync(FILE, 'utf8'), { source: FILE });
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    const problems = diagnostics
      .filter((d) => d.severity <= 1)
      .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual([]);
  }, 60_000);
});

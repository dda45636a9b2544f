/**
 * The `contracts` step fails on a lint error and names it: a document with an operation whose
 * path parameter is not declared (an error for both linters) and a security scheme that
 * ignores RFC8725 (an OWASP error) makes tools/contracts/lint.js exit 1 with both findings;
 * so does an unbounded string or array, or a 401 without the RateLimit headers it is sent with,
 * and a finding of those rules fails even where an override made it a warning.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const { summarise } = require('./lint.js') as {
  summarise: (name: string, findings: { rule: string; severity: string; where: string; message: string }[]) => number;
};

function lint(document: object) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-lint-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  return spawnSync(process.execPath, [join(ROOT, 'tools/contracts/lint.js'), file], { cwd: ROOT, encoding: 'utf8' });
}

it('exits 1 and names the errors of a broken document', () => {
  const result = lint({
    openapi: '3.0.0',
    info: {
      title: 'broken',
      version: '1',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/', description: 'local development', 'x-internal': false }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths: {
      '/api/things/{id}': {
        get: { operationId: 'one', summary: 'one', responses: { '200': { description: 'ok' } } },
      },
    },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/redocly ERROR path-parameters-defined/);
  expect(result.stderr).toMatch(/spectral ERROR owasp:api2:2023-jwt-best-practices/);
}, 90_000);

it('fails on an unbounded string or array and on a 401 that does not declare its RateLimit headers', () => {
  const result = lint({
    openapi: '3.0.0',
    info: {
      title: 'loose',
      version: '1',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    servers: [{ url: '/', description: 'local development', 'x-internal': false }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'RFC8725' } },
    },
    security: [{ bearer: [] }],
    paths: {
      '/api/things': {
        get: {
          operationId: 'list',
          summary: 'list',
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: { type: 'array', items: { type: 'string', format: 'uuid' } },
                },
              },
            },
            '401': { description: 'no token' },
          },
        },
      },
    },
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/spectral ERROR owasp:api4:2023-array-limit/);
  expect(result.stderr).toMatch(/spectral ERROR owasp:api4:2023-string-limit/);
  expect(result.stderr).toMatch(/spectral ERROR rj-rate-limit-headers/);
}, 90_000);

it('counts a limit rule’s warning as an error (an override cannot hide it), other warnings as warnings', () => {
  const finding = (rule: string) => ({ rule, severity: 'warn', where: 'paths./x', message: 'm' });
  expect(summarise('spectral', [finding('owasp:api4:2023-string-limit')])).toBe(1);
  expect(summarise('spectral', [finding('operation-description')])).toBe(0);
});

/**
 * The README's two commands check the machine first: with one tool hidden from PATH, `npm test`
 * (tools/run/test.js) and `npm start`'s infrastructure step (tools/infra/up.js) stop before
 * anything slow starts, with one line naming the tool and its install line: the output is
 * exactly those lines, so no Kafka, migration or test step ran (a time limit would only measure
 * how busy the machine is). PATH is a temporary directory of
 * symlinks to every other tool (a stub where this machine lacks one), so exactly one is missing.
 * Integration, not unit: the check also reaches the real PostgreSQL and Redis.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// tools/run/prerequisites.js is plain CommonJS: it must run before the TypeScript loader exists.
const { which } = require('./prerequisites') as {
  which: (command: string, env?: NodeJS.ProcessEnv) => string | undefined;
};

const ROOT = resolve(__dirname, '../..');
const NODE = process.execPath;

/** Every tool on PATH the two commands look for, and the package its line must name. */
const TOOLS = [
  { tool: 'java', apt: 'openjdk-17-jre-headless' },
  { tool: 'mvn', apt: 'maven' },
  { tool: 'redis-server', apt: 'redis-server' },
  { tool: 'chromium', apt: 'chromium' },
  { tool: 'docker-compose', apt: 'docker-compose' },
  { tool: 'kubectl', apt: 'kubernetes-client' },
];

const STUB_JAVA = '#!/bin/sh\necho \'openjdk version "17.0.15" 2025-04-15\' >&2\n';

/** A PATH directory holding every tool but `hidden`: the machine's own, or a stub where it has none. */
function pathWithout(hidden: string | null): string {
  const directory = mkdtempSync(join(tmpdir(), 'rj-prerequisites-'));
  for (const { tool } of TOOLS) {
    if (tool === hidden) continue;
    const real = which(tool);
    if (real) {
      symlinkSync(real, join(directory, tool));
    } else {
      writeFileSync(join(directory, tool), tool === 'java' ? STUB_JAVA : '#!/bin/sh\nexit 0\n');
      chmodSync(join(directory, tool), 0o755);
    }
  }
  made.push(directory);
  return directory;
}

const made: string[] = [];
afterAll(() => {
  for (const directory of made) rmSync(directory, { recursive: true, force: true });
});

/** The environment a newcomer has: nothing that points past PATH, the local infrastructure. */
function cleanEnv(path: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: path };
  for (const name of ['JAVA_HOME', 'KUBECTL', 'CHROMIUM_PATH', 'KAFKA_BROKERS', 'POSTGRES_ADMIN_URL', 'REDIS_URL'])
    delete env[name];
  return env;
}

function run(script: string, path: string, extraEnv: NodeJS.ProcessEnv = {}, args: string[] = []) {
  const result = spawnSync(NODE, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...cleanEnv(path), ...extraEnv },
    timeout: 30_000,
  });
  return { status: result.status, lines: result.stderr.split('\n').filter(Boolean) };
}

const prerequisiteLines = (lines: string[]) => lines.filter((line) => line.startsWith('[prerequisites] '));

describe("the prerequisite check of the README's two commands", () => {
  it('passes for `npm test` when every tool is on PATH', () => {
    const result = run('tools/run/prerequisites.js', pathWithout(null), {}, ['test']);
    expect(result).toMatchObject({ status: 0, lines: ['[prerequisites] everything `npm test` needs is here'] });
  });

  it('`npm test` with kubectl hidden stops before anything slow starts, with one line naming it and its install line', () => {
    // TEST_STEPS names no step: should the check ever wrongly pass, nothing but the idempotent
    // infrastructure step runs, and the exit status below fails this test.
    const result = run('tools/run/test.js', pathWithout('kubectl'), { TEST_STEPS: 'none' });
    expect(result.status).toBe(1);
    expect(prerequisiteLines(result.lines)).toEqual([
      '[prerequisites] kubectl is not installed (not found on PATH). Install: apt-get install kubernetes-client (the deployment tests render k8s/ with its kustomize; KUBECTL may point at another one).',
    ]);
    expect(result.lines).toEqual([
      ...prerequisiteLines(result.lines),
      '[test] FAILED: 1 prerequisite missing (README.md, Prerequisites)',
    ]);
  });

  it("`npm start`'s infrastructure step with java hidden stops before anything slow starts, with one line naming it", () => {
    const result = run('tools/infra/up.js', pathWithout('java'));
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      '[prerequisites] java is not installed (not found on PATH). Install: apt-get install openjdk-17-jre-headless (runs the local Kafka broker).',
      '[infra] FAILED: 1 prerequisite missing (README.md, Prerequisites)',
    ]);
  });

  it.each(TOOLS)('`npm test` misses $tool alone: one line, with apt-get install $apt', ({ tool, apt }) => {
    const result = run('tools/run/prerequisites.js', pathWithout(tool), {}, ['test']);
    expect(result.status).toBe(1);
    const lines = prerequisiteLines(result.lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\[prerequisites\\] ${tool} is not installed \\(not found on PATH\\)\\. Install: apt-get install ${apt} \\(`,
      ),
    );
  });

  it('`npm start` does not ask for the test-only tools', () => {
    for (const tool of ['chromium', 'docker-compose', 'kubectl', 'redis-server']) {
      expect({ tool, ...run('tools/run/prerequisites.js', pathWithout(tool), {}, ['start']) }).toMatchObject({
        tool,
        status: 0,
      });
    }
  });

  it('names a Java older than 17 as too old', () => {
    const path = pathWithout('java');
    writeFileSync(join(path, 'java'), '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n');
    chmodSync(join(path, 'java'), 0o755);
    const lines = prerequisiteLines(run('tools/run/prerequisites.js', path, {}, ['start']).lines);
    expect(lines).toEqual([
      '[prerequisites] java 11 is too old: Kafka needs Java 17 or later. Install: apt-get install openjdk-17-jre-headless (runs the local Kafka broker).',
    ]);
  });

  it('reports an unreachable PostgreSQL and Redis each on one line, with how to start and install them', () => {
    const result = run(
      'tools/run/prerequisites.js',
      pathWithout(null),
      { POSTGRES_ADMIN_URL: 'postgres://postgres@127.0.0.1:1/postgres', REDIS_URL: 'redis://127.0.0.1:1' },
      ['start'],
    );
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(
        /^\[prerequisites\] PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres .*Start it with: .*Install: apt-get install postgresql \(/,
      ),
      expect.stringMatching(
        /^\[prerequisites\] Redis is not reachable at redis:\/\/127\.0\.0\.1:1 .*Start it with: .*Install: apt-get install redis-server \(/,
      ),
    ]);
  });
});

/**
 * The prerequisites live in one list (tools/run/prerequisites.js): the README's install line and
 * .ci/run follow it, so a newcomer installs exactly what the commands check and CI installs
 * nothing the README does not list.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Plain CommonJS: it runs before the TypeScript loader exists.
const { APT_PACKAGES, PREREQUISITES, javaMajorVersion, missingAptPackages } = require('./prerequisites') as {
  APT_PACKAGES: string[];
  missingAptPackages: (env: NodeJS.ProcessEnv) => Promise<string[]>;
  PREREQUISITES: { name: string; apt: string }[];
  javaMajorVersion: (output: string) => number | undefined;
};

const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');

describe('the prerequisites list', () => {
  it("is the README's one apt-get install line, package for package", () => {
    const lines = readme.split('\n').filter((line) => /^sudo apt-get install /.test(line));
    expect(lines).toHaveLength(1);
    expect(
      lines[0]
        .replace(/^sudo apt-get install /, '')
        .trim()
        .split(/\s+/),
    ).toEqual(APT_PACKAGES);
  });

  it("has a row in the README's Prerequisites table for every tool, naming its package", () => {
    const section = readme.slice(
      readme.indexOf('## Prerequisites'),
      readme.indexOf('\n## ', readme.indexOf('## Prerequisites') + 1),
    );
    for (const { name, apt } of PREREQUISITES) {
      const row = section
        .split('\n')
        .find(
          (line) =>
            line.startsWith('|') &&
            line.toLowerCase().includes(name.toLowerCase()) &&
            line.includes(`apt-get install ${apt}`),
        );
      expect({ name, row: row !== undefined }).toEqual({ name, row: true });
    }
  });

  it('is what .ci/run installs, and .ci/run installs nothing else', () => {
    expect(ci).toMatch(/node tools\/run\/prerequisites\.js --missing-apt-packages/);
    const installs = ci.split('\n').filter((line) => /apt-get install/.test(line));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/apt-get install -y -qq --no-install-recommends "\$\{missing\[@\]\}"$/);
    expect(ci).toMatch(/npm ci && npm test\s*$/);
  });
});

describe('missingAptPackages', () => {
  const PROGRAMS = ['java', 'mvn', 'pg_ctlcluster', 'redis-server', 'chromium', 'docker-compose', 'kubectl'];
  let bin: string;

  /** A PATH holding stand-ins for `programs`; java answers -version like OpenJDK 17. */
  function pathWith(programs: string[]): NodeJS.ProcessEnv {
    rmSync(bin, { recursive: true, force: true });
    bin = mkdtempSync(join(tmpdir(), 'prerequisites-'));
    for (const program of programs) {
      const file = join(bin, program);
      writeFileSync(file, program === 'java' ? '#!/bin/sh\necho \'openjdk version "17.0.15"\' >&2\n' : '#!/bin/sh\n');
      chmodSync(file, 0o755);
    }
    return { PATH: bin };
  }

  beforeEach(() => (bin = mkdtempSync(join(tmpdir(), 'prerequisites-'))));
  afterEach(() => rmSync(bin, { recursive: true, force: true }));

  it('names nothing when every program is on the PATH, whichever package brought it', async () => {
    expect(await missingAptPackages(pathWith(PROGRAMS))).toEqual([]);
  });

  it('names the package of each missing program, once', async () => {
    const env = pathWith(PROGRAMS.filter((program) => program !== 'kubectl' && program !== 'redis-server'));
    expect(await missingAptPackages(env)).toEqual(['redis-server', 'kubernetes-client']);
  });

  it('names every package on a machine with none of them', async () => {
    expect(await missingAptPackages(pathWith([]))).toEqual(APT_PACKAGES);
  });
});

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['no version here', undefined],
  ])('reads %j as %p', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});

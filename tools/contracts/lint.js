#!/usr/bin/env node
'use strict';
/**
 * The `contracts` step of `npm test`: the merged OpenAPI document (docs/reference/openapi.json,
 * every public operation of the five services) linted by Redocly CLI (redocly.yaml) and by
 * Spectral with the OWASP ruleset (.spectral.yaml). Any error fails; warnings are counted per
 * rule, so the debt the two override files name stays in view without flooding the output.
 * The limit and rate-limit rules must stay at zero: a finding of theirs fails the step even if
 * an override downgrades it to a warning (ZERO_TOLERANCE).
 * (The document is kept current with the code by tools/contracts/generated-files.spec.ts; the
 * AsyncAPI document is validated by tools/contracts/asyncapi.spec.ts.)
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
// Another document may be named on the command line (the step's own test does).
const DOCUMENT = process.argv[2] ?? 'docs/reference/openapi.json';
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Rules whose every finding fails the step, whatever severity the ruleset gives it. */
const ZERO_TOLERANCE = new Set([
  'owasp:api4:2023-string-limit',
  'owasp:api4:2023-array-limit',
  'owasp:api4:2023-rate-limit-retry-after',
  'rj-rate-limit-headers',
]);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

/** Each linter's findings as { rule, severity: 'error' | 'warn', where, message }. */
const LINTERS = {
  redocly() {
    const { stdout, stderr } = run(bin('redocly'), [
      'lint',
      '--config',
      'redocly.yaml',
      '--format',
      'json',
      '--max-problems',
      '100000',
      DOCUMENT,
    ]);
    const start = stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly printed no report: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    return JSON.parse(stdout.slice(start)).problems.map((p) => ({
      rule: p.ruleId,
      severity: p.severity === 'error' ? 'error' : 'warn',
      where: p.location?.[0]?.pointer ?? '',
      message: p.message,
    }));
  },
  spectral() {
    const { stdout, stderr } = run(bin('spectral'), [
      'lint',
      '--ruleset',
      '.spectral.yaml',
      '--format',
      'json',
      '--quiet',
      DOCUMENT,
    ]);
    const start = stdout.indexOf('[');
    if (start < 0) throw new Error(`spectral printed no report: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    return JSON.parse(stdout.slice(start)).map((p) => ({
      rule: p.code,
      severity: p.severity === 0 ? 'error' : 'warn',
      where: p.path.join('.'),
      message: p.message,
    }));
  },
};

function summarise(name, findings) {
  const failing = (f) => f.severity === 'error' || ZERO_TOLERANCE.has(f.rule);
  const errors = findings.filter(failing);
  const warnings = new Map();
  for (const f of findings.filter((f) => !failing(f))) warnings.set(f.rule, (warnings.get(f.rule) ?? 0) + 1);
  for (const e of errors) process.stderr.write(`[contracts] ${name} ERROR ${e.rule} at ${e.where}: ${e.message}\n`);
  const counted = [...warnings.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  process.stderr.write(`[contracts] ${name}: ${errors.length} error(s); warnings: ${counted || 'none'}\n`);
  return errors.length;
}

function main() {
  let errors = 0;
  for (const [name, lint] of Object.entries(LINTERS)) errors += summarise(name, lint());
  process.exitCode = errors ? 1 : 0;
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`[contracts] FAILED: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { LINTERS, summarise, ZERO_TOLERANCE };

'use strict';
const path = require('node:path');

/**
 * A jest reporter that ends a run with its slowest test files, so whoever keeps CI's time in
 * check (npm test, well under 30 minutes) sees where it goes without timing files by hand.
 * Jest itself shows a file's time only past its slowTestThreshold.
 */

/** How long a file ran, in seconds; 0 for one that never ran (a failure to load it has no time). */
function secondsOf(result) {
  const { start = 0, end = 0 } = result.perfStats ?? {};
  return Math.max(0, end - start) / 1000;
}

/** The `count` slowest files of a run, slowest first, with their seconds. */
function slowestFiles(testResults, rootDir, count) {
  return testResults
    .map((result) => ({ file: path.relative(rootDir, result.testFilePath), seconds: secondsOf(result) }))
    .filter(({ seconds }) => seconds > 0)
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, count);
}

class SlowestFilesReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = globalConfig.rootDir;
    this.count = options.count ?? 8;
  }

  onRunComplete(_contexts, results) {
    const slowest = slowestFiles(results.testResults, this.rootDir, this.count);
    if (slowest.length < 2) return;
    const total = results.testResults.reduce((sum, result) => sum + secondsOf(result), 0);
    const lines = slowest.map(({ file, seconds }) => `  ${seconds.toFixed(1).padStart(7)} s  ${file}`);
    process.stderr.write(
      `\nSlowest test files (of ${results.testResults.length}, ${total.toFixed(0)} s in all, summed over workers):\n${lines.join('\n')}\n`,
    );
  }
}

module.exports = SlowestFilesReporter;
module.exports.slowestFiles = slowestFiles;

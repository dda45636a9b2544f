'use strict';
// Jest's global setup runs outside its module system (no path aliases), so the workspace's own
// TypeScript runtime loads the stack: one stack for every browser test file of the run.
require('../runtime/register.js');
const { startStack, writeStackInfo } = require('./stack.ts');
const { stackInfoFile } = require('./stack-info.ts');

module.exports = async function globalSetup() {
  const stack = await startStack();
  process.env.RJ_BROWSER_STACK_FILE = stackInfoFile();
  writeStackInfo(stackInfoFile(), stack.info);
  globalThis.__RJ_BROWSER_STACK__ = stack;
};

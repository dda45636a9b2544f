import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StackInfo } from './stack';

/** Where the global setup leaves the running stack's addresses for the test files. */
export function stackInfoFile(): string {
  return (
    process.env['RJ_BROWSER_STACK_FILE'] ?? path.join(tmpdir(), `rj-browser-stack-${process.ppid}-${process.pid}.json`)
  );
}

export function readStackInfo(): StackInfo {
  return JSON.parse(readFileSync(stackInfoFile(), 'utf8')) as StackInfo;
}

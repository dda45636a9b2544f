import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnBuilt } from './child-process';

/** A script of its own in a fresh temporary directory, for a child process to run. */
function scriptFile(source: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rj-child-')), 'report.js');
  fs.writeFileSync(file, source);
  return file;
}

/** A file that prints the V8 limits of the process it runs in, as the build's services would have them. */
const heapLimitReporter = () =>
  scriptFile(
    "const mb = require('node:v8').getHeapStatistics().heap_size_limit / 1048576;\n" +
      'console.log(`heap limit ${Math.round(mb)} MB`);\n',
  );

/** A file that prints its process id and the id of its session (the sixth field of /proc/self/stat). */
const sessionReporter = () =>
  scriptFile(
    "const fields = require('node:fs').readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');\n" +
      'console.log(`pid ${process.pid} session ${fields[3]}`);\n',
  );

const sessionOf = (output: string) => /pid (\d+) session (\d+)/.exec(output)?.slice(1).map(Number) ?? [];

const heapLimitMb = (output: string) => Number(/heap limit (\d+) MB/.exec(output)?.[1]);

describe('spawnBuilt', () => {
  it("runs the build with the image's V8 heap limits, as production starts it (issue 15)", async () => {
    const child = spawnBuilt(heapLimitReporter());
    await child.waitFor('heap limit');
    await child.exited;
    // 256 MB old space (the Dockerfile's --max-old-space-size) plus three 4 MB semi-spaces: not
    // the gigabytes Node would take from this machine's memory without the flags.
    expect(heapLimitMb(child.output())).toBeGreaterThanOrEqual(256);
    expect(heapLimitMb(child.output())).toBeLessThan(320);
  });

  it('lets a bench name other flags to compare (--service-env NODE_OPTIONS=...)', async () => {
    const child = spawnBuilt(heapLimitReporter(), { NODE_OPTIONS: '--max-old-space-size=512' });
    await child.waitFor('heap limit');
    await child.exited;
    // 512 MB old space plus V8's default young generation (no --max-semi-space-size any more).
    expect(heapLimitMb(child.output())).toBeGreaterThanOrEqual(512);
    expect(heapLimitMb(child.output())).toBeLessThan(1024);
  });

  it('starts a process in a session of its own when asked, a scheduling group of its own on Linux', async () => {
    const ownSessionChild = spawnBuilt(sessionReporter(), {}, { ownSession: true });
    const sharedSessionChild = spawnBuilt(sessionReporter());
    await Promise.all([ownSessionChild.waitFor('session'), sharedSessionChild.waitFor('session')]);
    const [ownPid, ownSession] = sessionOf(ownSessionChild.output());
    expect(ownSession).toBe(ownPid);
    const [sharedPid, sharedSession] = sessionOf(sharedSessionChild.output());
    expect(sharedSession).not.toBe(sharedPid);
    const parentSession = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[3];
    expect(sharedSession).toBe(Number(parentSession));
  });
});

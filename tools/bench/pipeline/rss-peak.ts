import fs from 'node:fs';

/** Peak resident set size of a process so far (the kernel's high-water mark), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * When each process reached its peak RSS, in seconds after the watch started (the load's
 * start), to the second: a peak during the load is the referrals' path, one after it a
 * consumer's catch-up. Reads the kernel's high-water mark once a second, which costs the
 * services nothing (no scrape of their /metrics, whose loop histogram the bench reads); the
 * peak itself is the last high-water mark, read by peakRssMb.
 */
export function watchPeakRss<Name extends string>(pids: Record<Name, number>) {
  const started = Date.now();
  const names = Object.keys(pids) as Name[];
  const highest = Object.fromEntries(names.map((name) => [name, peakRssMb(pids[name])])) as Record<Name, number>;
  const atSecond = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
  const timer = setInterval(() => {
    for (const name of names) {
      const mb = peakRssMb(pids[name]);
      if (mb > highest[name]) {
        highest[name] = mb;
        atSecond[name] = Math.round((Date.now() - started) / 1000);
      }
    }
  }, 1000);
  return {
    /** Each process's second of its peak. */
    stop(): Record<Name, number> {
      clearInterval(timer);
      return atSecond;
    },
  };
}

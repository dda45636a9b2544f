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
 * services nothing (no scrape of their /metrics, whose loop histogram the bench reads).
 */
export function watchPeakRss<Name extends string>(pids: Record<Name, number>) {
  const started = Date.now();
  const names = Object.keys(pids) as Name[];
  const peak = Object.fromEntries(names.map((name) => [name, { mb: peakRssMb(pids[name]), atSecond: 0 }])) as Record<
    Name,
    { mb: number; atSecond: number }
  >;
  const timer = setInterval(() => {
    for (const name of names) {
      const mb = peakRssMb(pids[name]);
      if (mb > peak[name].mb) peak[name] = { mb, atSecond: Math.round((Date.now() - started) / 1000) };
    }
  }, 1000);
  return {
    stop(): Record<Name, { mb: number; atSecond: number }> {
      clearInterval(timer);
      return peak;
    },
  };
}

import fs from 'node:fs';

interface ProcessCpu {
  readonly parent: string;
  /** utime + stime, seconds (USER_HZ = 100). */
  readonly own: number;
  /** cutime + cstime: what the children it reaped used. */
  readonly reapedChildren: number;
}

function processCpu(pid: string): ProcessCpu | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return {
      parent: fields[1],
      own: (Number(fields[11]) + Number(fields[12])) / 100,
      reapedChildren: (Number(fields[13]) + Number(fields[14])) / 100,
    };
  } catch {
    return null; // exited while we looked
  }
}

/** CPU seconds a process has used (user + system), to see which service is the bottleneck. */
export function cpuSeconds(pid: number): number {
  return processCpu(String(pid))?.own ?? NaN;
}

function pidsOf(match: (comm: string, pid: string) => boolean): string[] {
  return fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return match(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), pid);
    } catch {
      return false;
    }
  });
}

/**
 * CPU seconds the machine's Postgres has used so far: every live postgres process, plus what
 * the postmaster's exited backends used (a parent's cutime holds the children it reaped), so a
 * connection closed during the run still counts. The whole server: another database's work
 * during the run counts too (in the bench, only its own commit watchers).
 */
export function postgresCpuSeconds(): number {
  const pids = new Set(pidsOf((comm) => comm === 'postgres'));
  let seconds = 0;
  for (const pid of pids) {
    const cpu = processCpu(pid);
    if (!cpu) continue;
    seconds += cpu.own;
    if (!pids.has(cpu.parent)) seconds += cpu.reapedChildren; // the postmaster
  }
  return seconds;
}

/** CPU seconds of the Kafka brokers on this machine (java processes running kafka.Kafka). */
export function kafkaCpuSeconds(): number {
  const brokers = pidsOf(
    (comm, pid) => comm === 'java' && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka'),
  );
  return brokers.reduce((sum, pid) => sum + (processCpu(pid)?.own ?? 0), 0);
}

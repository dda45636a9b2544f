/** Where progress goes: stderr, so stdout stays clean for `> file`. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** `position` out of `total` (both ledger sequences) when the command knows how far it is. */
  tick(count: number, position?: number): void;
  done(count: number): void;
}

/**
 * A live line, redrawn at most twice a second, only on a terminal: a log file or a CI job gets
 * no carriage-return noise, only the summary when the command ends.
 */
export function progress(
  label: string,
  options: { total?: number; stream?: ProgressStream; now?: () => number } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  let last = 0;
  return {
    tick(count, position) {
      if (!stream.isTTY || now() - last < 500) return;
      last = now();
      const fraction = options.total && position !== undefined ? position / options.total : undefined;
      stream.write(`\r${progressLine(label, count, now() - started, fraction)}\x1b[K`);
    },
    done(count) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${summaryLine(label, count, now() - started)}\n`);
    },
  };
}

/** "export: 12,000 events · 40% · about 9 s left" — the fraction capped below 100% until done. */
export function progressLine(label: string, count: number, elapsedMs: number, fraction?: number): string {
  const parts = [`${label}: ${count.toLocaleString('en')} events`];
  if (fraction !== undefined && fraction > 0) {
    const capped = Math.min(fraction, 0.99);
    parts.push(`${Math.floor(capped * 100)}%`, `about ${duration((elapsedMs * (1 - capped)) / capped)} left`);
  } else {
    parts.push(`${rate(count, elapsedMs)}/s`);
  }
  return parts.join(' · ');
}

export function summaryLine(label: string, count: number, elapsedMs: number): string {
  return `${label}: ${count.toLocaleString('en')} events in ${(elapsedMs / 1000).toFixed(1)} s (${rate(count, elapsedMs)}/s)`;
}

function rate(count: number, elapsedMs: number): string {
  return Math.round(count / Math.max(elapsedMs / 1000, 0.001)).toLocaleString('en');
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

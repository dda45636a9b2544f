/** Progress on stderr (stdout stays clean for `> file`): at most a few lines a second. */
export function progress(label: string): { tick(count: number): void; done(count: number): void } {
  let last = 0;
  const started = Date.now();
  const rate = (count: number) => Math.round(count / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en');
  return {
    tick(count) {
      if (Date.now() - last < 500) return;
      last = Date.now();
      process.stderr.write(`\r${label}: ${count.toLocaleString('en')} events (${rate(count)}/s)`);
    },
    done(count) {
      process.stderr.write(`\r${label}: ${count.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate(count)}/s)\n`);
    },
  };
}

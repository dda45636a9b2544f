import { formatTable, type CheckRow } from './end-state-checks';
import { runFaultRun, type FaultRunResult } from './fault-run';

/**
 * The fault run at CI size inside `npm test`: 100 cases through the public APIs while, on seed
 * 42, each of the five services is SIGKILLed and restarted once, the broker is killed and
 * restarted once and Redis comes back empty once, all within the first 80 s of driving. Budget:
 * about 35 s to start, ~100 s of driving, seconds to settle — under 5 minutes on 2 cores
 * (the bound is 8 minutes: a loaded machine has needed more than 5).
 */
describe('the platform under faults (tools/chaos)', () => {
  let result: FaultRunResult;
  // Past its time, the run is abandoned: its watcher must stop restarting services, or the
  // restarts (against a broker already stopped) would keep Jest alive.
  const abandon = new AbortController();
  afterAll(() => abandon.abort());

  beforeAll(async () => {
    result = await runFaultRun({
      cases: 100,
      seed: 42,
      concurrency: 12,
      faultWindowSeconds: 80,
      serviceKills: 1,
      settleTimeoutMs: 90_000,
      say: (line) => process.stderr.write(`[chaos] ${line}\n`),
      signal: abandon.signal,
    });
    process.stderr.write(`${formatTable(result.rows)}\n`);
  }, 480_000);

  it('injects every fault while traffic is in flight', () => {
    expect(result.faults.map((f) => f.target).sort()).toEqual([
      'audit-ledger',
      'kafka',
      'mediation-scheduling',
      'outcome-tracking',
      'partner-matching',
      'redis',
      'referral-intake',
    ]);
    // Requests met dead services and were retried: the faults overlapped the traffic.
    expect(result.retries + result.pollFailures).toBeGreaterThan(0);
  });

  it('ends every case in its expected state, with nothing lost, doubled or stuck', () => {
    const failed: CheckRow[] = result.rows.filter((row) => !row.ok);
    expect(failed).toEqual([]);
    // The table holds every promise of the issue: a check that silently vanished would be a gap.
    const checks = result.rows.map((row) => row.check).join('\n');
    for (const promise of [
      'ledger rows = distinct event ids',
      'missing from the ledger',
      'verify ok',
      'load',
      'offers made twice',
      'sessions twice',
      'reminders sent twice',
      'agreements twice',
      'pending_event empty',
      '.dlq',
    ]) {
      expect(checks).toContain(promise);
    }
  });
});

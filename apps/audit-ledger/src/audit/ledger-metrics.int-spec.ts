import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { SAMPLE_EVENTS } from '@rj/shared/contracts/testing';
import { eventually, startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { entryAt, ledgerCountOf, produce, settled, tamperAsOwner } from '../test/ledger-harness';

describe('audit-ledger metrics: the head follows the ledger, verifications are timed and counted by result', () => {
  let service: TestService<AuditLedgerEnv>;

  /** One series as Prometheus would scrape it from the internal listener. */
  async function scraped(series: string): Promise<number> {
    const response = await service.request('GET', '/metrics', { internal: true });
    expect(response.status).toBe(200);
    const text = String(response.body);
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  }
  let auditor: string;
  const events = Object.values(SAMPLE_EVENTS).slice(0, 6);

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    auditor = service.token('auditor', null, 'auditor-1');
  });

  afterAll(() => service?.close());

  it('reports the head sequence as events are appended', async () => {
    await produce(service.topics.prefix, events);
    await eventually(
      async () =>
        (await ledgerCountOf(
          service.dataSource,
          events.map((e) => e.id),
        )) === events.length,
      60_000,
      'the events in the ledger',
    );
    await settled(service.dataSource);
    const [{ max }] = await service.dataSource.query('select max(sequence)::int as max from ledger_entry');
    expect(max).toBeGreaterThanOrEqual(events.length);
    expect(await scraped('rj_ledger_head_sequence')).toBe(max);
  });

  it('counts an intact and a broken verification, each timed', async () => {
    const intact = await scraped('rj_ledger_verifications_total{result="intact"}');
    const broken = await scraped('rj_ledger_verifications_total{result="broken"}');
    const timed = await scraped('rj_ledger_verify_duration_seconds_count{result="broken"}');
    expect((await service.request('GET', '/api/audit/verify', { token: auditor })).body.ok).toBe(true);
    expect(await scraped('rj_ledger_verifications_total{result="intact"}')).toBe(intact + 1);

    const { canonical } = await entryAt(service.dataSource, 2);
    await tamperAsOwner(service.dataSource, (m) =>
      m.query('update ledger_entry set canonical = $1 where sequence = 2', [
        (canonical as string).replace('"version":1', '"version":9'),
      ]),
    );
    try {
      expect((await service.request('GET', '/api/audit/verify', { token: auditor })).body.ok).toBe(false);
    } finally {
      await tamperAsOwner(service.dataSource, (m) =>
        m.query('update ledger_entry set canonical = $1 where sequence = 2', [canonical]),
      );
    }
    expect(await scraped('rj_ledger_verifications_total{result="broken"}')).toBe(broken + 1);
    expect(await scraped('rj_ledger_verify_duration_seconds_count{result="broken"}')).toBe(timed + 1);
  });
});

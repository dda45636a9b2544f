import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';

const COUNT = 100_000;
const MB = 1024 * 1024;

// Live memory, not garbage waiting for a collection: force one before each sample.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('replay of a large ledger', () => {
  let service: TestService<AuditLedgerEnv>;

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    await loadSyntheticLedger(service.dataSource, COUNT);
  }, 300_000);

  afterAll(() => service?.close());

  it('streams 100,000 events in ledger order with flat memory (server and client in this process)', async () => {
    const baseline = { heapUsed: liveHeap(), rss: process.memoryUsage().rss };
    const samples: number[] = [];
    // Sampled by progress, not by time: a sample forces a full collection (slow on a loaded
    // machine), and on a quiet one the whole stream takes about a second.
    const SAMPLE_EVERY_BYTES = 5 * MB;
    let nextSampleAt = SAMPLE_EVERY_BYTES;
    const response = await fetch(`${service.url}/api/audit/replay`, {
      headers: { authorization: `Bearer ${service.token('auditor')}` },
    });
    expect(response.status).toBe(200);
    let bytes = 0;
    let lines = 0;
    let tail = '';
    let lastLine = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (bytes >= nextSampleAt) {
        samples.push(liveHeap());
        nextSampleAt += SAMPLE_EVERY_BYTES;
      }
      const text = tail + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      tail = parts.pop()!;
      lines += parts.length;
      if (parts.length) {
        lastLine = parts[parts.length - 1];
        expect(JSON.parse(lastLine).sequence).toBe(lines);
      }
    }
    const peakHeapGrowth = Math.max(...samples) - baseline.heapUsed;
    const rssGrowth = process.memoryUsage().rss - baseline.rss;
    process.stderr.write(
      `replay: ${lines} lines, ${(bytes / MB).toFixed(0)} MB streamed; peak heap growth ${(peakHeapGrowth / MB).toFixed(1)} MB, rss growth ${(rssGrowth / MB).toFixed(1)} MB\n`,
    );
    // The replay records itself (audit.read) before its first byte; when that record has come back
    // through Kafka into the chain before the stream's snapshot is taken, it is the last line.
    const ownReadLines = lines - COUNT;
    expect([0, 1]).toContain(ownReadLines);
    if (ownReadLines === 1) expect(JSON.parse(lastLine).event.type).toBe('audit.read');
    // Buffered, the body alone would be its full size (twice, as UTF-16 strings): live memory stays a small fraction of it.
    expect(samples.length).toBeGreaterThan(4);
    expect(peakHeapGrowth).toBeLessThan(bytes / 8);
    expect(rssGrowth).toBeLessThan(bytes / 2);
    // Flat: the second half of the stream needs no more memory than the first.
    const half = Math.floor(samples.length / 2);
    expect(Math.max(...samples.slice(half)) - Math.max(...samples.slice(0, half))).toBeLessThan(32 * MB);
  }, 300_000);
});

import type { DataSource } from 'typeorm';
import { findEventDefinition, messageKeyOf, type EventEnvelope } from '@rj/shared/contracts';
import { eventually, testKafka } from '@rj/shared/testing';

/** Writes events to the test topics as their producing services would (key = referral or aggregate). */
export async function produce(prefix: string, events: readonly EventEnvelope[]): Promise<void> {
  const producer = testKafka('audit-ledger-test').producer();
  await producer.connect();
  try {
    for (const event of events) {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`not in the catalogue: ${event.type}`);
      await producer.send({ topic: `${prefix}${definition.topic}`, messages: [{ key: messageKeyOf(event), value: JSON.stringify(event) }] });
    }
  } finally {
    await producer.disconnect();
  }
}

export async function ledgerCountOf(dataSource: DataSource, eventIds: string[]): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query('select count(*)::int as n from ledger_entry where event_id = any($1::uuid[])', [eventIds]);
  return row.n;
}

/**
 * Waits until everything this service published (its audit.read events) has come back into the
 * ledger, so a test can tamper with rows without an append racing it.
 */
export async function settled(dataSource: DataSource): Promise<void> {
  await eventually(async () => {
    const [row]: { n: number }[] = await dataSource.query(
      'select count(*)::int as n from outbox o where not exists (select 1 from ledger_entry l where l.event_id = o.event_id)',
    );
    return row.n === 0;
  }, 30_000, 'audit.read events back in the ledger');
}

export interface StoredEntry {
  sequence: string;
  canonical: string;
  prev_hash: string;
  hash: string;
}

export async function entryAt(dataSource: DataSource, sequence: number): Promise<Record<string, unknown>> {
  const [row] = await dataSource.query('select * from ledger_entry where sequence = $1', [sequence]);
  return row;
}

/** Puts a row back exactly as it was (after a test deleted it). */
export async function reinsert(dataSource: DataSource, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await dataSource.query(`insert into ledger_entry (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
}

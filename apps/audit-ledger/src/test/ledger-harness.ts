import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AUDIT_DATABASE,
  AUDIT_ROLES,
  LEDGER_APPEND_ONLY_TRIGGER,
  LEDGER_COLUMNS_CHECK,
  LEDGER_COLUMNS_CHECK_EXPRESSION,
} from '@rj/audit/data-access';
import { findEventDefinition, messageKeyOf, type EventEnvelope } from '@rj/shared/contracts';
import {
  createDataSource,
  dropDatabase,
  provisionOwnedDatabase,
  runMigrations,
  withUser,
} from '@rj/shared/persistence';
import { eventually, postgresAdminUrl, testKafka } from '@rj/shared/testing';

/** Writes events to the test topics as their producing services would (key = referral or aggregate). */
export async function produce(prefix: string, events: readonly EventEnvelope[]): Promise<void> {
  const producer = testKafka('audit-ledger-test').producer();
  await producer.connect();
  try {
    for (const event of events) {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`not in the catalogue: ${event.type}`);
      await producer.send({
        topic: `${prefix}${definition.topic}`,
        messages: [{ key: messageKeyOf(event), value: JSON.stringify(event) }],
      });
    }
  } finally {
    await producer.disconnect();
  }
}

export async function ledgerCountOf(dataSource: DataSource, eventIds: string[]): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(
    'select count(*)::int as n from ledger_entry where event_id = any($1::uuid[])',
    [eventIds],
  );
  return row.n;
}

/**
 * Waits until everything this service published (its audit.read events) has come back into the
 * ledger, so a test can tamper with rows without an append racing it.
 */
export async function settled(dataSource: DataSource): Promise<void> {
  await eventually(
    async () => {
      const [row]: { n: number }[] = await dataSource.query(
        'select count(*)::int as n from outbox o where not exists (select 1 from ledger_entry l where l.event_id = o.event_id)',
      );
      return row.n === 0;
    },
    30_000,
    'audit.read events back in the ledger',
  );
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
  await dataSource.query(
    `insert into ledger_entry (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

/**
 * Tampering as the table's owner would: the append-only trigger disabled for one transaction
 * (ALTER TABLE is transactional), so the runtime's own refusal stays in force everywhere else,
 * and the columns' CHECK dropped and put back NOT VALID — the best an owner can do, since
 * Postgres validates a CHECK only over rows that satisfy it. What the tamper tests prove is
 * that verification finds what such an owner did.
 */
export async function tamperAsOwner(
  dataSource: DataSource,
  change: (manager: EntityManager) => Promise<unknown>,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`alter table ledger_entry disable trigger ${LEDGER_APPEND_ONLY_TRIGGER}`);
    await manager.query(`alter table ledger_entry drop constraint if exists ${LEDGER_COLUMNS_CHECK}`);
    await change(manager);
    await manager.query(
      `alter table ledger_entry add constraint ${LEDGER_COLUMNS_CHECK} check (${LEDGER_COLUMNS_CHECK_EXPRESSION}) not valid`,
    );
    await manager.query(`alter table ledger_entry enable trigger ${LEDGER_APPEND_ONLY_TRIGGER}`);
  });
}

/**
 * audit-ledger's database as `npm start` and production have it: owned by the owner role and
 * migrated as it (provisionOwnedDatabase, as tools/infra does), with the runtime and signer
 * login roles. `urlAs(role)` is the URL for one of them.
 */
export async function createOwnedLedgerDatabase(): Promise<{ urlAs(role: string): string; drop(): Promise<void> }> {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/rj_test_audit_roles_${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await provisionOwnedDatabase({
    adminUrl: postgresAdminUrl(),
    database: url.pathname.slice(1),
    owner: AUDIT_ROLES.owner,
    logins: [AUDIT_ROLES.runtime, AUDIT_ROLES.signer],
  });
  await runMigrations(
    createDataSource({ url: withUser(databaseUrl, AUDIT_ROLES.owner), migrations: AUDIT_DATABASE.migrations }),
  );
  return { urlAs: (role) => withUser(databaseUrl, role), drop: () => dropDatabase(databaseUrl) };
}

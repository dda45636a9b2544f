import { findEventDefinition, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { SAMPLE_EVENTS, SAMPLE_IDS } from '@rj/shared/contracts/testing';
import { createScratchDatabase, recordStatements, withinTransactions, type ScratchDatabase } from '@rj/shared/testing';
import { GENESIS_HASH, verifyChain } from '@rj/audit/domain';
import { AUDIT_DATABASE } from './audit-database';
import { appendToLedger, type AppendInput } from './ledger-appender';
import { rebuildReferralState } from './projection-rebuild';

/** Every sample event, in the order things happen, for a referral of its own (fresh event ids). */
function pathOf(referralId: string): EventEnvelope[] {
  return Object.values(SAMPLE_EVENTS)
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    .map((event) => JSON.parse(JSON.stringify(event).replaceAll(SAMPLE_IDS.referralId, referralId)) as EventEnvelope)
    .map((event) => ({ ...event, id: uuidv7() }));
}

function inputOf(envelope: EventEnvelope, offset: number): AppendInput {
  const topic = findEventDefinition(envelope.type, envelope.version)?.topic ?? 'unknown';
  return { envelope, topic, partition: 0, offset: String(offset) };
}

/** Two referrals' paths, one event of each in turn: a catch-up's run mixes referrals like this. */
function interleaved(a: EventEnvelope[], b: EventEnvelope[]): EventEnvelope[] {
  return a.flatMap((event, index) => [event, b[index]]);
}

describe('appending a run of events to the ledger (issue 15)', () => {
  let database: ScratchDatabase;
  let statements: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase('audit_append', {
      migrations: AUDIT_DATABASE.migrations,
      entities: AUDIT_DATABASE.entities,
    });
    statements = recordStatements(database.dataSource);
  }, 120_000);

  afterAll(() => database?.drop());

  const append = (inputs: AppendInput[]) =>
    database.dataSource.transaction((manager) => appendToLedger(manager, inputs));

  it('numbers and chains a run gap-free in three statements, and projects what a rebuild from the ledger gives', async () => {
    const events = interleaved(pathOf(uuidv7()), pathOf(uuidv7()));
    const half = Math.floor(events.length / 2);
    const first = events.slice(0, half).map(inputOf);

    statements.length = 0;
    expect(await append(first)).toEqual(first.map((_, index) => index + 1));
    expect(withinTransactions(statements)).toHaveLength(3);

    // The next run repeats one event already appended and one of its own: both are skipped,
    // and each referral's state goes on from what the first run stored.
    const rest = events.slice(half);
    const second = [events[0], ...rest.slice(0, 2), rest[1], ...rest.slice(2)].map(inputOf);
    const sequences = await append(second);
    expect(sequences[0]).toBeNull();
    expect(sequences[3]).toBeNull();
    expect(sequences.filter((s) => s !== null)).toEqual(rest.map((_, index) => half + index + 1));

    const rows: { sequence: number; canonical: string; prevHash: string; hash: string; eventId: string }[] =
      await database.dataSource.query(
        `select sequence::float8 as sequence, canonical, prev_hash as "prevHash", hash, event_id::text as "eventId"
         from ledger_entry order by sequence`,
      );
    expect(rows.map((row) => row.eventId)).toEqual(events.map((event) => event.id));
    expect(verifyChain(rows, { sequence: 0, hash: GENESIS_HASH })).toEqual({ ok: true, checked: events.length });
    const [head] = await database.dataSource.query('select sequence::float8 as sequence, hash from ledger_head');
    expect(head).toEqual({ sequence: events.length, hash: rows[rows.length - 1].hash });

    const rebuilt = await rebuildReferralState(database.dataSource);
    expect(rebuilt).toMatchObject({ referrals: 2, mismatches: 0, equal: true });
  });

  it('writes nothing, not even the head, when every event of a run is already there', async () => {
    const [before] = await database.dataSource.query('select sequence, hash, recorded_at from ledger_head');
    const [one] = await database.dataSource.query('select canonical from ledger_entry where sequence = 1');
    const again = inputOf(JSON.parse(one.canonical) as EventEnvelope, 0);
    expect(await append([again, again])).toEqual([null, null]);
    expect(await database.dataSource.query('select sequence, hash, recorded_at from ledger_head')).toEqual([before]);
  });
});

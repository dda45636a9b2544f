import { randomUUID } from 'node:crypto';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { createScratchDatabase, recordStatements, type ScratchDatabase } from '@rj/shared/testing';
import { caseOpened, FIXTURE_MIGRATIONS, fixtureSubscriptions, quietLogger } from '../test/backbone-fixture';
import { applyEvents, type ApplyInput } from './apply-event';
import { PendingDrainer } from './pending-drainer';
import { prerequisiteKey } from './prerequisite';

/**
 * Parked events are drained once what they wait for is applied (issue 15: in a catch-up
 * outcome-tracking parked most offers, and drained each in a transaction of its own).
 */
describe('draining parked events, against Postgres', () => {
  let db: ScratchDatabase;
  let statements: string[] = [];
  const groupId = `drain-${randomUUID()}`;
  const byType = new Map(fixtureSubscriptions().map((s) => [s.event.type, s]));
  const deadLettered: EventEnvelope[] = [];
  let drainer: PendingDrainer;

  beforeAll(async () => {
    db = await createScratchDatabase('drain', { migrations: FIXTURE_MIGRATIONS });
    statements = recordStatements(db.dataSource);
    drainer = new PendingDrainer({
      dataSource: db.dataSource,
      groupId,
      logger: quietLogger(),
      byType,
      maxAttempts: 5,
      deadLetter: async (envelope) => void deadLettered.push(envelope),
    });
  });
  afterAll(() => db?.drop());

  function inputOf(envelope: EventEnvelope): ApplyInput {
    return {
      dataSource: db.dataSource,
      groupId,
      topic: 'rj.scheduling.v1',
      envelope,
      subscription: byType.get(envelope.type)!,
      logger: quietLogger(),
    };
  }

  /** Cases opened on offers not accepted yet: each parks, waiting for its offer. */
  async function parkCasesOn(offerIds: string[], referralId?: string): Promise<EventEnvelope[]> {
    const events = offerIds.map((offerId) => caseOpened(referralId ?? uuidv7(), offerId));
    const outcome = await applyEvents(events.map(inputOf));
    expect(outcome.results.map((r) => r.kind)).toEqual(events.map(() => 'parked'));
    return events;
  }

  const accept = (offerIds: string[]) =>
    db.dataSource.query('insert into accepted_offer (offer_id) select unnest($1::uuid[])', [offerIds]);

  async function stateOf(events: EventEnvelope[]) {
    const ids = events.map((e) => e.id);
    const applied: { event_id: string }[] = await db.dataSource.query(
      'select event_id::text from applied_event where event_id = any($1::uuid[])',
      [ids],
    );
    const parked: { event_id: string }[] = await db.dataSource.query(
      'select event_id::text from pending_event where consumer_group = $1 and event_id = any($2::uuid[])',
      [groupId, ids],
    );
    return { applied: applied.map((r) => r.event_id).sort(), parked: parked.map((r) => r.event_id).sort() };
  }

  it('applies the events parked behind keys now provided in one transaction', async () => {
    const offers = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const events = await parkCasesOn(offers);
    await accept(offers);

    statements.length = 0;
    await drainer.drain(offers.map((offerId) => prerequisiteKey('offer', offerId)));
    expect(await stateOf(events)).toEqual({ applied: events.map((e) => e.id).sort(), parked: [] });
    expect(statements.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
    expect(statements.filter((sql) => /savepoint/i.test(sql))).toEqual([]);
  });

  it('drains one at a time when one is still missing its prerequisite: it and the later ones of its referral stay parked', async () => {
    const referralId = uuidv7();
    const [missing, accepted] = [uuidv7(), uuidv7()];
    // Both of one referral: the second parks behind the first, whatever it waits for.
    const [first, behind] = await parkCasesOn([missing, accepted], referralId);
    const others = await parkCasesOn([uuidv7(), uuidv7()]);
    await accept([accepted, ...others.map((e) => (e.data as { offerId: string }).offerId)]);

    await drainer.drain(
      [missing, accepted, ...others.map((e) => (e.data as { offerId: string }).offerId)].map((id) =>
        prerequisiteKey('offer', id),
      ),
    );
    expect(await stateOf([first, behind, ...others])).toEqual({
      applied: others.map((e) => e.id).sort(),
      parked: [first.id, behind.id].sort(),
    });

    // Once its own offer is accepted, the first applies, and the one behind it after it.
    await accept([missing]);
    await drainer.drain([prerequisiteKey('offer', missing)]);
    expect(await stateOf([first, behind])).toEqual({ applied: [first.id, behind.id].sort(), parked: [] });
    expect(deadLettered).toEqual([]);
  });
});

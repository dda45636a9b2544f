import type { EntityManager } from 'typeorm';
import { buildEvent, OfficeRegistered, uuidv7 } from '@rj/shared/contracts';
import { appendToOutbox, InvalidOutgoingEvent, outboxInsert } from './outbox-writer';

/** Records the statements the writer sends; the rows' SQL itself is proven by the backbone's integration test. */
function recordingManager() {
  const statements: { sql: string; values: unknown[] }[] = [];
  const manager = {
    query: async (sql: string, values: unknown[]) => void statements.push({ sql, values }),
  } as unknown as EntityManager;
  return { manager, statements };
}

const office = () => ({
  officeId: uuidv7(),
  name: 'North District Prosecutor',
  jurisdictions: ['NL-NH'],
  contact: { email: 'rj@north.example' },
});
const built = () => {
  const data = office();
  return buildEvent(OfficeRegistered, {
    aggregateId: data.officeId,
    referralId: null,
    actor: { sub: 'admin-1', role: 'admin', org: null },
    correlationId: uuidv7(),
    causationId: null,
    data,
  });
};

describe('appendToOutbox validates each event once (issue 15)', () => {
  it('stores the JSON buildEvent validated, on the contract topic', async () => {
    const { manager, statements } = recordingManager();
    const event = built();
    await appendToOutbox(manager, event);
    expect(statements).toHaveLength(1); // rows and the relay's wake-up in one round trip
    expect(statements[0].values).toEqual([
      event.id,
      'rj.referral.v1',
      expect.any(String),
      'office.registered',
      JSON.stringify(event),
      expect.any(String),
      'rj_outbox',
    ]);
  });

  it('still refuses an event made invalid after it was built, and writes nothing', async () => {
    const { manager, statements } = recordingManager();
    const event = built();
    event.data.contact.email = 'not-an-email';
    await expect(appendToOutbox(manager, event)).rejects.toBeInstanceOf(InvalidOutgoingEvent);
    expect(statements).toHaveLength(0);
  });

  it('checks an envelope built by hand in full', async () => {
    const { manager } = recordingManager();
    const event = { ...built(), type: 'office.unheard_of' };
    await expect(appendToOutbox(manager, event)).rejects.toThrow(/unknown event type office.unheard_of/);
  });
});

describe('outboxInsert, for a write that folds the outbox into its own statement', () => {
  it('numbers its parameters from the first one it is given, six per event', () => {
    const [first, second] = [built(), built()];
    const insert = outboxInsert([first, second], 28);
    expect(insert.sql).toContain('values ($28, $29, $30, $31, $32::jsonb, $33::jsonb), ($34, $35,');
    expect(insert.sql).toContain('$39::jsonb)');
    expect(insert.values).toHaveLength(12);
    expect(insert.values[0]).toBe(first.id);
    expect(insert.values[6]).toBe(second.id);
  });

  it('refuses an invalid event before any SQL exists', () => {
    const event = built();
    event.data.contact.email = 'not-an-email';
    expect(() => outboxInsert([event], 1)).toThrow(InvalidOutgoingEvent);
  });
});

import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { buildEvent, MediatorRegistered, systemActor, uuidv7 } from '@rj/shared/contracts';
import { eventually, startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv } from '../audit-ledger.env';
import { ledgerCountOf, produce } from '../test/ledger-harness';

/** Issue 14 item 4: a user-chosen id that looks like a formula is exported as text. */
describe('audit-ledger CSV export: formula injection', () => {
  let service: TestService<AuditLedgerEnv>;
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    // Mediators registered before `sub`s were validated: their ids are ledger aggregate ids.
    const events = hostile.map((sub) =>
      buildEvent(MediatorRegistered, {
        aggregateId: sub,
        referralId: null,
        actor: systemActor('mediation-scheduling'),
        correlationId: uuidv7(),
        causationId: null,
        data: {
          mediatorId: sub,
          partnerId: uuidv7(),
          fullName: 'Mia Mediator',
          contact: { email: 'mia@partner.example' },
          specialties: [],
        },
      }),
    );
    await produce(service.topics.prefix, events);
    await eventually(
      async () =>
        (await ledgerCountOf(
          service.dataSource,
          events.map((e) => e.id),
        )) === events.length,
      60_000,
      'the mediators in the ledger',
    );
  });
  afterAll(() => service?.close());

  it('neutralises cells starting with = + - @, tab or CR, keeping the hashed event intact', async () => {
    const { status, body } = await service.request('GET', '/api/audit/export?format=csv&type=mediator.registered', {
      token: service.token('auditor', null, 'auditor-1'),
    });
    expect(status).toBe(200);
    const text = body as string;
    // Every line's aggregate_id cell (7th column) starts with an apostrophe, quoted or not.
    for (const sub of hostile) {
      const quoted = `'${sub}`.includes('"') || /[\r\n]/.test(sub) ? `"'${sub.replace(/"/g, '""')}"` : `'${sub}`;
      expect(text).toContain(`,mediator.registered,${quoted},`);
    }
    // No cell of any row starts with a formula character.
    const cells = text
      .split('\r\n')
      .filter(Boolean)
      .flatMap((line) => line.match(/(?<=^|,)("(?:[^"]|"")*"|[^,]*)/g) ?? []);
    for (const cell of cells) expect([cell, /^"?[=+\-@\t\r]/.test(cell)]).toEqual([cell, false]);
  });
});

import { randomUUID } from 'node:crypto';
import type { MigrationInterface } from 'typeorm';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { caseNumberIndex } from '@rj/referral/domain';
import { eventually } from '@rj/shared/testing';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/** An office refers a case number once (issue 21), as the bulk import already matched rows. */
describe('referral-intake: one referral per case number and office', () => {
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };
  const indexKey = Buffer.alloc(32, 9);
  const caseNumber = () => `PARKET-${randomUUID()}`;
  const submittedEventsOf = async (officeId: string) =>
    (
      (await intake.dataSource.query(
        `select count(*)::int as n from outbox where event_type = 'referral.submitted' and payload->'data'->>'officeId' = $1`,
        [officeId],
      )) as { n: number }[]
    )[0].n;
  const countOf = async (officeId: string) =>
    (
      (await intake.dataSource.query('select count(*)::int as n from referral where office_id = $1', [officeId])) as {
        n: number;
      }[]
    )[0].n;

  beforeAll(async () => {
    intake = await startIntakeHarness({ CASE_NUMBER_INDEX_KEY: indexKey.toString('base64') });
    office = await intake.registerOffice(['NL-NH']);
  });
  afterAll(() => intake?.close());

  it('answers a case number the office already referred, however spelt, with 409 naming the rule and its referral, and nothing personal', async () => {
    const number = caseNumber();
    const first = await intake.submit(office.prosecutor, referralBody({ caseNumber: number }));
    expect(first.status).toBe(201);
    const before = await countOf(office.id);
    const again = referralBody({ caseNumber: `  ${number.toLowerCase()} ` });
    const refused = await intake.submit(office.prosecutor, again);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 409,
      rule: 'case_number_already_referred',
      detail: 'this office has already referred a case with this case number',
      referralId: first.body.id,
    });
    const text = JSON.stringify(refused.body).toLowerCase();
    for (const personal of [number, again.parties[0].fullName, again.offense.description])
      expect(text).not.toContain(String(personal).toLowerCase());
    expect(await countOf(office.id)).toBe(before);
  });

  it('lets another office refer the same case number', async () => {
    const number = caseNumber();
    const other = await intake.registerOffice(['NL-NH']);
    expect((await intake.submit(office.prosecutor, referralBody({ caseNumber: number }))).status).toBe(201);
    expect((await intake.submit(other.prosecutor, referralBody({ caseNumber: number }))).status).toBe(201);
  });

  it('replays the first answer to a retry under the same Idempotency-Key, though its case number is now taken', async () => {
    const body = referralBody({ caseNumber: caseNumber() });
    const original = await intake.submit(office.prosecutor, body, { 'Idempotency-Key': 'case-7' });
    const replayed = await intake.submit(office.prosecutor, body, { 'Idempotency-Key': 'case-7' });
    expect(original.status).toBe(201);
    expect(replayed).toMatchObject({ status: 201, body: original.body });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    // Another request for the number, under a key of its own, is refused; refused, it freed the key, so its retry
    // is refused the same way (not replayed from a 409 that was never stored).
    const other = { ...body, notes: 'sent again from another system' };
    for (let attempt = 0; attempt < 2; attempt++)
      expect(await intake.submit(office.prosecutor, other, { 'Idempotency-Key': 'case-7-again' })).toMatchObject({
        status: 409,
        body: { rule: 'case_number_already_referred', referralId: original.body.id },
      });
  });

  it('lets exactly one of 12 concurrent submissions of a case number through; the others get 409', async () => {
    const number = caseNumber();
    const before = await countOf(office.id);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        intake.submit(office.prosecutor, referralBody({ caseNumber: number }), { 'Idempotency-Key': `race-${n}` }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(11).fill(409)]);
    const created = responses.find((r) => r.status === 201)!;
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.body).toMatchObject({ rule: 'case_number_already_referred', referralId: created.body.id });
    expect(await countOf(office.id)).toBe(before + 1);
    expect(await submittedEventsOf(office.id)).toBe(before + 1);
  });

  it('answers 409 when a submission of the number commits after its look: the index refuses the insert', async () => {
    const number = caseNumber();
    const earlier = await intake.submit(office.prosecutor, referralBody({ caseNumber: caseNumber() }));
    // Another writer gives the office's earlier referral this number and has not committed yet.
    const writer = intake.dataSource.createQueryRunner();
    await writer.startTransaction();
    try {
      await writer.query('update referral set case_number_index = $1 where id = $2', [
        caseNumberIndex(number, indexKey),
        earlier.body.id,
      ]);
      const late = intake.submit(office.prosecutor, referralBody({ caseNumber: number }));
      // The submission looked, found nothing committed, and now waits on the index for the writer.
      await eventually(
        async () =>
          (
            await intake.dataSource.query(
              `select 1 from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()
                 and datname = current_database() and query like '%insert into referral %'`,
            )
          ).length > 0,
        20_000,
        'the submission waiting on the index',
      );
      await writer.commitTransaction();
      expect(await late).toMatchObject({
        status: 409,
        body: { rule: 'case_number_already_referred', referralId: earlier.body.id },
      });
    } finally {
      if (writer.isTransactionActive) await writer.rollbackTransaction();
      await writer.release();
    }
  });

  it('holds the rule in the database: a second row of the office with the same index is refused', async () => {
    const a = await intake.submit(office.prosecutor, referralBody({ caseNumber: caseNumber() }));
    const b = await intake.submit(office.prosecutor, referralBody({ caseNumber: caseNumber() }));
    await expect(
      intake.dataSource.query(
        'update referral set case_number_index = (select case_number_index from referral where id = $1) where id = $2',
        [a.body.id, b.body.id],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'referral_office_case_number_uq' } });
  });

  it('frees the case number once the referral’s personal data is erased (the index goes with it)', async () => {
    const number = caseNumber();
    const first = await intake.submit(office.prosecutor, referralBody({ caseNumber: number }));
    const erased = await intake.request('DELETE', `/api/referrals/${first.body.id}/personal-data`, {
      token: intake.admin,
    });
    expect(erased.status).toBe(200);
    expect((await intake.submit(office.prosecutor, referralBody({ caseNumber: number }))).status).toBe(201);
  });

  it('migrates referrals an office had already sent twice: both keep their index, the later is marked repeated', async () => {
    const Migration = REFERRAL_DATABASE.migrations.find((m) => m.name === 'OneReferralPerCaseNumber1796800000000')!;
    const migration = new Migration() as MigrationInterface;
    const runner = intake.dataSource.createQueryRunner();
    try {
      const a = await intake.submit(office.prosecutor, referralBody({ caseNumber: caseNumber() }));
      const b = await intake.submit(office.prosecutor, referralBody({ caseNumber: caseNumber() }));
      await migration.down(runner);
      // Before the rule, an office could refer a number twice.
      await runner.query(
        'update referral set case_number_index = (select case_number_index from referral where id = $1) where id = $2',
        [a.body.id, b.body.id],
      );
      await migration.up(runner);
      const rows = await runner.query(
        'select id, case_number_index, case_number_repeated from referral where id = any($1::uuid[]) order by created_at, id',
        [[a.body.id, b.body.id]],
      );
      expect(rows).toEqual([
        { id: a.body.id, case_number_index: rows[0].case_number_index, case_number_repeated: false },
        { id: b.body.id, case_number_index: rows[0].case_number_index, case_number_repeated: true },
      ]);
    } finally {
      await runner.release();
    }
  });
});

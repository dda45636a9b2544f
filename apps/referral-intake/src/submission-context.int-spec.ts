import { randomUUID } from 'node:crypto';
import { SUBMISSION_CONTEXTS_KEPT, SubmissionContexts } from './referrals/submission-contexts';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/**
 * Intake keeps the context a submission is prepared with (the office's jurisdictions, the
 * policy in force) in memory, and the statement that writes the submission checks it. These
 * tests change that context in the database directly, as another replica would, behind the
 * back of the context this replica kept.
 */
describe('referral-intake: a submission is written only under the context in force', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntakeHarness();
  });
  afterAll(() => intake?.close());

  const storePolicy = (jurisdiction: string, version: number, excludedCategories: string[]) =>
    intake.dataSource.query(
      `insert into screening_policy (jurisdiction, version, excluded_offense_categories, review_offense_categories,
         allowed_stages, excluded_severities, protective_order_needs_review, created_by)
       values ($1, $2, $3, '{}', '{pre_charge,pre_trial,post_conviction}', '{}', false, 'another-replica')`,
      [jurisdiction, version, excludedCategories],
    );
  const storedReferrals = async (officeId: string) =>
    (await intake.dataSource.query('select count(*)::int as n from referral where office_id = $1', [officeId]))[0].n;

  it('screens under a policy version stored after this replica kept the context, and records that version', async () => {
    const office = await intake.registerOffice(['NL-UT']);
    const before = await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'NL-UT' }));
    expect(before.body.screening).toMatchObject({ outcome: 'eligible', policyVersion: 0, defaultPolicy: true });

    await storePolicy('NL-UT', 1, ['property_damage']);
    const after = await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'NL-UT' }));
    expect(after.status).toBe(201);
    expect(after.body.screening).toMatchObject({ outcome: 'ineligible', policyVersion: 1, defaultPolicy: false });
    const [row] = await intake.dataSource.query(
      'select screening_policy_version, screening_outcome from referral where id = $1',
      [after.body.id],
    );
    expect(row).toEqual({ screening_policy_version: 1, screening_outcome: 'ineligible' });
  });

  it('refuses with 403 a jurisdiction taken from the office after this replica kept it, and stores nothing', async () => {
    const office = await intake.registerOffice(['NL-GE', 'NL-NH']);
    expect((await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'NL-GE' }))).status).toBe(201);

    await intake.dataSource.query(`update office set jurisdictions = '{NL-NH}' where id = $1`, [office.id]);
    const refused = await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'NL-GE' }));
    expect(refused.status).toBe(403);
    expect(refused.body.rule).toBe('submit_for_own_jurisdiction');
    expect(await storedReferrals(office.id)).toBe(1);
  });

  it('checks the context under an Idempotency-Key too, and stores the answer of the write that committed', async () => {
    const office = await intake.registerOffice(['NL-ZE']);
    expect((await intake.submit(office.prosecutor, referralBody({ jurisdiction: 'NL-ZE' }))).status).toBe(201);
    await storePolicy('NL-ZE', 1, ['property_damage']);

    const body = referralBody({ jurisdiction: 'NL-ZE' });
    const key = { 'Idempotency-Key': `context-${randomUUID()}` };
    const first = await intake.submit(office.prosecutor, body, key);
    expect(first.status).toBe(201);
    expect(first.body.screening).toMatchObject({ outcome: 'ineligible', policyVersion: 1 });
    const repeat = await intake.submit(office.prosecutor, body, key);
    expect(repeat).toMatchObject({ status: 201, body: first.body });
    expect(await storedReferrals(office.id)).toBe(2);
  });

  it('keeps a context until asked for a fresh one, and at most SUBMISSION_CONTEXTS_KEPT of them', async () => {
    const office = await intake.registerOffice(['NL-LI']);
    const contexts = new SubmissionContexts(intake.dataSource);
    const kept = await contexts.of(office.id, 'NL-LI');
    expect(kept).toMatchObject({ officeId: office.id, jurisdictions: ['NL-LI'], policy: null });

    await intake.dataSource.query(`update office set jurisdictions = '{NL-LI,NL-DR}' where id = $1`, [office.id]);
    expect(await contexts.of(office.id, 'NL-LI')).toBe(kept);
    expect(await contexts.of(office.id, 'NL-LI', { fresh: true })).toMatchObject({ jurisdictions: ['NL-LI', 'NL-DR'] });

    // Not a registered office: nothing is kept, nothing is read.
    expect(await contexts.of('not-a-uuid', 'NL-LI')).toBeNull();
    expect(await contexts.of(randomUUID(), 'NL-LI')).toBeNull();

    // Past the bound the oldest is read again: fill it with as many other jurisdictions.
    const renewed = await contexts.of(office.id, 'NL-LI');
    const others = Array.from({ length: SUBMISSION_CONTEXTS_KEPT }, (_, i) => `XX-${i}`);
    await intake.dataSource.query('update office set jurisdictions = $2 where id = $1', [
      office.id,
      ['NL-LI', ...others],
    ]);
    for (const jurisdiction of others.slice(0, -1)) await contexts.of(office.id, jurisdiction);
    expect(await contexts.of(office.id, 'NL-LI')).toBe(renewed);
    await contexts.of(office.id, others[others.length - 1]);
    expect(await contexts.of(office.id, 'NL-LI')).not.toBe(renewed);
  });
});

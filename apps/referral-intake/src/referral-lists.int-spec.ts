import { randomUUID } from 'node:crypto';
import { caseNumberIndex } from '@rj/referral/domain';
import { parseMasterKeys } from '@rj/shared/pii';
import { KeyStore } from './key-store/key-store';
import { parseCaseNumberIndexKey } from './referrals/search/case-number-index-key';
import { reindexCaseNumberBatch } from './referrals/search/reindex-case-numbers';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/** A date `days` from today (UTC), as `YYYY-MM-DD`. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('referral-intake: the console’s lists — search by case number, filters, keyset paging, figures', () => {
  let intake: IntakeHarness;
  const indexKey = Buffer.alloc(32, 7).toString('base64');

  beforeAll(async () => {
    intake = await startIntakeHarness({ CASE_NUMBER_INDEX_KEY: indexKey });
  });
  afterAll(() => intake?.close());

  const search = (token: string | undefined, body: unknown) =>
    intake.request('POST', '/api/referrals/search', { token, body });

  describe('POST /api/referrals/search', () => {
    it("finds the caller's visible referrals by case number however it is spelt, through a keyed index and not the number", async () => {
      const mine = await intake.registerOffice(['NL-NH']);
      const other = await intake.registerOffice(['NL-NH']);
      const third = await intake.registerOffice(['NL-NH']);
      const number = `Parket-2025-${randomUUID().slice(0, 6)}`;
      // An office refers a number once (referral-case-numbers.int-spec.ts): spellings are compared across offices.
      const first = (await intake.submit(mine.prosecutor, referralBody({ caseNumber: number }))).body.id;
      const theirs = (await intake.submit(other.prosecutor, referralBody({ caseNumber: number }))).body.id;
      const spelt = (await intake.submit(third.prosecutor, referralBody({ caseNumber: `  ${number.toLowerCase()} ` })))
        .body.id;
      await intake.submit(mine.prosecutor, referralBody({ caseNumber: `${number}-9` }));

      const found = await search(mine.prosecutor, { caseNumber: number.toUpperCase() });
      expect(found.status).toBe(200);
      expect(found.body).toEqual({
        items: [expect.objectContaining({ id: first, status: 'matching' })],
        nextCursor: null,
      });
      expect(JSON.stringify(found.body)).not.toMatch(/pii:1:|Harmed|caseNumber/i);
      expect(ids((await search(other.prosecutor, { caseNumber: number })).body)).toEqual([theirs]);
      expect(ids((await search(intake.admin, { caseNumber: number })).body)).toEqual([spelt, theirs, first]);
      expect(ids((await search(intake.as('auditor'), { caseNumber: number, limit: 1 })).body)).toEqual([spelt]);

      const [row] = await intake.dataSource.query('select case_number, case_number_index from referral where id = $1', [
        first,
      ]);
      expect(row.case_number).toMatch(/^pii:1:/);
      expect(row.case_number_index).toBe(caseNumberIndex(number, Buffer.from(indexKey, 'base64')));
    });

    it('pages with the cursor it hands out', async () => {
      const number = `P-${randomUUID()}`;
      const created = [];
      for (let i = 0; i < 3; i++) {
        const office = await intake.registerOffice(['NL-NH']);
        created.push((await intake.submit(office.prosecutor, referralBody({ caseNumber: number }))).body.id);
      }
      const page1 = await search(intake.admin, { caseNumber: number, limit: 2 });
      expect(ids(page1.body)).toEqual([created[2], created[1]]);
      const page2 = await search(intake.admin, { caseNumber: number, limit: 2, cursor: page1.body.nextCursor });
      expect(page2.body).toEqual({ items: [expect.objectContaining({ id: created[0] })], nextCursor: null });
    });

    it('finds nothing once the personal data is erased: erasure deletes the index entry', async () => {
      const office = await intake.registerOffice(['NL-NH']);
      const number = `ERASE-${randomUUID()}`;
      const id = (await intake.submit(office.prosecutor, referralBody({ caseNumber: number }))).body.id;
      expect(ids((await search(office.prosecutor, { caseNumber: number })).body)).toEqual([id]);
      expect(
        (await intake.request('DELETE', `/api/referrals/${id}/personal-data`, { token: intake.admin })).status,
      ).toBe(200);
      expect((await search(office.prosecutor, { caseNumber: number })).body).toEqual({ items: [], nextCursor: null });
      const [row] = await intake.dataSource.query('select case_number_index from referral where id = $1', [id]);
      expect(row.case_number_index).toBeNull();
    });

    it('refuses a missing or blank number and unknown fields (400), other roles (403) and no token (401)', async () => {
      const office = await intake.registerOffice(['NL-NH']);
      expect((await search(office.prosecutor, {})).body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'caseNumber' })]),
      );
      expect((await search(office.prosecutor, { caseNumber: '   ' })).body).toMatchObject({
        status: 400,
        errors: [{ field: 'caseNumber', message: 'must not be blank' }],
      });
      expect((await search(office.prosecutor, { caseNumber: 'X', sort: 'deadline' })).status).toBe(400);
      expect((await search(office.prosecutor, { caseNumber: 'X', cursor: 'nope' })).status).toBe(400);
      expect((await search(intake.as('partner_admin', randomUUID()), { caseNumber: 'X' })).status).toBe(403);
      expect((await search(undefined, { caseNumber: 'X' })).status).toBe(401);
    });

    it('indexes referrals stored before the index existed with the one-off re-index', async () => {
      const office = await intake.registerOffice(['NL-NH']);
      const number = `OLD-${randomUUID()}`;
      const id = (await intake.submit(office.prosecutor, referralBody({ caseNumber: number }))).body.id;
      await intake.dataSource.query('update referral set case_number_index = null where id = $1', [id]);
      expect(ids((await search(office.prosecutor, { caseNumber: number })).body)).toEqual([]);

      const keys = new KeyStore(parseMasterKeys(intake.config.PII_MASTER_KEYS));
      let last: string | null = null;
      do
        last = await intake.dataSource.transaction((manager) =>
          reindexCaseNumberBatch(manager, keys, parseCaseNumberIndexKey(indexKey), last, 50),
        );
      while (last);
      expect(ids((await search(office.prosecutor, { caseNumber: number })).body)).toEqual([id]);
    });
  });

  describe('GET /api/referrals: filters, sorts and keyset paging', () => {
    let office: { id: string; prosecutor: string };
    const made: Record<string, string> = {};

    beforeAll(async () => {
      office = await intake.registerOffice(['NL-NH', 'NL-FL']);
      const submit = async (name: string, overrides: Record<string, unknown>) =>
        (made[name] = (await intake.submit(office.prosecutor, referralBody(overrides))).body.id);
      await submit('late', { reportBackBy: day(90) });
      await submit('soon', { reportBackBy: day(3) });
      await submit('review', { reportBackBy: day(30), protectiveOrder: true });
      await submit('flevoland', { reportBackBy: day(60), jurisdiction: 'NL-FL' });
      await submit('excluded', {
        reportBackBy: day(5),
        offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' },
      });
      await submit('victim', { reportBackBy: day(120), source: 'victim_request', jurisdiction: 'NL-FL' });
      await intake.request('POST', `/api/referrals/${made.late}/withdraw`, {
        token: office.prosecutor,
        body: { reasonCode: 'other' },
      });
    });

    const list = async (query: string) => {
      const response = await intake.request('GET', `/api/referrals?${query}`, { token: office.prosecutor });
      expect(response.status).toBe(200);
      return response.body;
    };

    it('filters by one status or several, and by jurisdiction', async () => {
      expect(ids(await list('status=needs_review'))).toEqual([made.review]);
      expect(ids(await list('status=needs_review&status=ineligible'))).toEqual([made.excluded, made.review]);
      expect(ids(await list('status=needs_review,withdrawn'))).toEqual([made.review, made.late]);
      expect(ids(await list('jurisdiction=NL-FL'))).toEqual([made.victim, made.flevoland]);
      expect(ids(await list('status=matching&jurisdiction=NL-NH'))).toEqual([made.soon]);
    });

    it('filters by source and by report-back date, which with the open statuses lists the deadlines at risk', async () => {
      expect(ids(await list('source=victim_request'))).toEqual([made.victim]);
      expect(ids(await list(`dueBy=${day(5)}&sort=deadline`))).toEqual([made.soon, made.excluded]);
      expect(
        ids(await list(`dueBy=${day(5)}&status=submitted,needs_review,matching,offered,assigned,in_progress`)),
      ).toEqual([made.soon]);
    });

    it('filters by the day of submission', async () => {
      expect(ids(await list(`submittedFrom=${day(0)}&submittedTo=${day(0)}`))).toHaveLength(6);
      expect(ids(await list(`submittedFrom=${day(1)}`))).toEqual([]);
      expect(ids(await list(`submittedTo=${day(-1)}`))).toEqual([]);
    });

    it('sorts by the soonest deadline and pages through it with the cursor', async () => {
      const page1 = await list('sort=deadline&limit=2');
      expect(ids(page1)).toEqual([made.soon, made.excluded]);
      expect(page1.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
      const page2 = await list(`sort=deadline&limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`);
      expect(ids(page2)).toEqual([made.review, made.flevoland]);
      const page3 = await list(`sort=deadline&limit=2&cursor=${encodeURIComponent(page2.nextCursor)}`);
      expect(page3).toEqual({
        items: [
          expect.objectContaining({ id: made.late, reportBackBy: day(90) }),
          expect.objectContaining({ id: made.victim }),
        ],
        nextCursor: null,
      });
      expect(ids(await list('sort=newest&limit=2'))).toEqual([made.victim, made.excluded]);
    });

    it('shows the review queue with offence facts and the screening reasons, never names', async () => {
      const queue = await list('status=needs_review,ineligible');
      expect(queue.items[0]).toMatchObject({
        offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' },
        screeningReasons: [{ rule: 'excluded_offense_category', detail: 'domestic_violence' }],
      });
      expect(queue.items[1]).toMatchObject({
        protectiveOrder: true,
        screeningReasons: [{ rule: 'protective_order_review', detail: 'protective_order' }],
      });
      expect(JSON.stringify(queue)).not.toMatch(/fullName|Harmed|Responsible|PARKET|pii:1:/);
    });

    it('lets an admin narrow to one office, and never shows a prosecutor another office', async () => {
      const admin = await intake.request('GET', `/api/referrals?officeId=${office.id}&limit=200`, {
        token: intake.admin,
      });
      expect(admin.body.items).toHaveLength(6);
      const other = await intake.registerOffice(['NL-NH']);
      expect(
        (await intake.request('GET', `/api/referrals?officeId=${office.id}`, { token: other.prosecutor })).body,
      ).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['status=lost', 'status'],
      ['sort=oldest', 'sort'],
      ['submittedFrom=2025-02-30', 'submittedFrom'],
      [`submittedFrom=${day(0)}&submittedTo=${day(-2)}`, 'submittedTo'],
      ['sort=deadline&cursor=01950000-0000-7000-8000-000000000001', 'cursor'],
      ['cursor=2099-01-01_01950000-0000-7000-8000-000000000001', 'cursor'],
      ['sort=deadline&cursor=2099-01-01.01950000-0000-7000-8000-000000000001', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['officeId=nope', 'officeId'],
    ])('answers 400 naming the field for %s', async (query, field) => {
      const response = await intake.request('GET', `/api/referrals?${query}`, { token: office.prosecutor });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  it.each(['/api/offices', '/api/review-overrides', '/api/screening-policies/NL-NH/versions'])(
    'pages %s at most 200 a page (the shared limit): 201 is a 400 naming limit',
    async (path) => {
      const most = await intake.request('GET', `${path}?limit=200`, { token: intake.admin });
      const over = await intake.request('GET', `${path}?limit=201`, { token: intake.admin });
      expect([most.status, over.status]).toEqual([200, 400]);
      expect(over.body.errors.map((error: { field: string }) => error.field)).toEqual(['limit']);
    },
  );

  describe('GET /api/referrals/summary', () => {
    it("counts the prosecutor's own office per status, and the open referrals due within the window", async () => {
      const office = await intake.registerOffice(['NL-NH']);
      await intake.submit(office.prosecutor, referralBody({ reportBackBy: day(3) }));
      await intake.submit(office.prosecutor, referralBody({ reportBackBy: day(40), protectiveOrder: true }));
      const withdrawn = (await intake.submit(office.prosecutor, referralBody({ reportBackBy: day(2) }))).body.id;
      await intake.request('POST', `/api/referrals/${withdrawn}/withdraw`, {
        token: office.prosecutor,
        body: { reasonCode: 'other' },
      });
      await intake.submit((await intake.registerOffice(['NL-NH'])).prosecutor, referralBody({ reportBackBy: day(1) }));

      const summary = await intake.request('GET', '/api/referrals/summary?withinDays=7', { token: office.prosecutor });
      expect(summary).toMatchObject({
        status: 200,
        body: { officeId: office.id, total: 3, open: 2, deadlinesAtRisk: { withinDays: 7, cutoff: day(7), count: 1 } },
      });
      expect(summary.body.byStatus).toMatchObject({ matching: 1, needs_review: 1, withdrawn: 1, completed: 0 });
      expect(
        (await intake.request('GET', '/api/referrals/summary', { token: office.prosecutor })).body.deadlinesAtRisk,
      ).toMatchObject({ withinDays: 14, count: 1 });
      expect(
        (await intake.request('GET', '/api/referrals/summary?withinDays=60', { token: office.prosecutor })).body
          .deadlinesAtRisk.count,
      ).toBe(2);

      const admin = await intake.request('GET', `/api/referrals/summary?officeId=${office.id}`, {
        token: intake.admin,
      });
      expect(admin.body).toMatchObject({ officeId: office.id, total: 3 });
      expect(
        (await intake.request('GET', '/api/referrals/summary', { token: intake.admin })).body.total,
      ).toBeGreaterThan(3);
      expect(
        (await intake.request('GET', '/api/referrals/summary?withinDays=-1', { token: office.prosecutor })).status,
      ).toBe(400);
      expect(
        (await intake.request('GET', '/api/referrals/summary', { token: intake.as('mediator', randomUUID()) })).status,
      ).toBe(403);
    });
  });
});

import { uuidv7 } from '@rj/shared/contracts';
import { startIntakeHarness, type IntakeHarness } from '../test/intake-harness';

/** Issue 22: an office records its staff's restorative-justice training and sees who has none. */
describe("an office's register of staff training", () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntakeHarness();
  });
  afterAll(() => intake?.close());

  const request = (method: string, path: string, token: string, body?: unknown) =>
    intake.request(method, path, { token, body });

  it('records staff and their courses, lists those with none first, and counts them in the figures', async () => {
    const office = await intake.registerOffice();
    const staff = `/api/offices/${office.id}/staff`;
    const ana = await request('POST', staff, office.prosecutor, { fullName: 'Ana Prosecutor' });
    const ben = await request('POST', staff, office.prosecutor, { fullName: 'Ben Clerk' });
    expect([ana.status, ben.status]).toEqual([201, 201]);
    const course = await request('POST', `${staff}/${ana.body.id}/trainings`, office.prosecutor, {
      course: 'Restorative principles for prosecutors',
      completedOn: '2026-09-14',
      hours: 6,
    });
    expect(course).toMatchObject({
      status: 201,
      body: { course: 'Restorative principles for prosecutors', completedOn: '2026-09-14', hours: 6 },
    });
    expect(
      (
        await request('POST', `${staff}/${ana.body.id}/trainings`, office.prosecutor, {
          course: 'Victim awareness',
          completedOn: '2026-10-01',
          hours: 1.5,
        })
      ).status,
    ).toBe(201);

    const register = await request('GET', staff, office.prosecutor);
    expect(register.status).toBe(200);
    expect(
      register.body.items.map((item: { fullName: string; trainings: unknown[] }) => [
        item.fullName,
        item.trainings.length,
      ]),
    ).toEqual([
      ['Ben Clerk', 0],
      ['Ana Prosecutor', 2],
    ]);
    expect(register.body.figures).toEqual({ staff: 2, trained: 1, untrained: 1, hours: 7.5 });
    expect((await request('GET', staff, intake.admin)).body.figures.trained).toBe(1);

    // Events carry ids, the day and hours: never a name or a course's title.
    const events = (await intake.dataSource.query(
      `select payload::text as text from outbox where event_type like 'office.staff_%' and payload->>'aggregateId' = $1`,
      [office.id],
    )) as { text: string }[];
    expect(events).toHaveLength(4);
    for (const { text } of events) expect(text).not.toMatch(/Ana|Ben|Restorative principles|Victim awareness/);
  });

  it("is another office's prosecutor's 404, any other role's 403, and asks for what is missing", async () => {
    const office = await intake.registerOffice();
    const other = await intake.registerOffice();
    const staff = `/api/offices/${office.id}/staff`;
    const member = await request('POST', staff, office.prosecutor, { fullName: 'Cas Colleague' });
    expect((await request('GET', staff, other.prosecutor)).status).toBe(404);
    expect((await request('POST', staff, other.prosecutor, { fullName: 'Intruder' })).status).toBe(404);
    expect(
      (
        await request('POST', `/api/offices/${other.id}/staff/${member.body.id}/trainings`, other.prosecutor, {
          course: 'x',
          completedOn: '2026-01-01',
          hours: 1,
        })
      ).status,
    ).toBe(404);
    expect((await request('GET', staff, intake.as('partner_admin', uuidv7()))).status).toBe(403);
    expect((await request('GET', staff, intake.as('auditor'))).status).toBe(403);
    const missing = await request('POST', `${staff}/${member.body.id}/trainings`, office.prosecutor, {
      course: '',
      completedOn: 'yesterday',
      hours: 0,
    });
    expect(missing.status).toBe(400);
    expect([...new Set(missing.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'completedOn',
      'course',
      'hours',
    ]);
  });
});

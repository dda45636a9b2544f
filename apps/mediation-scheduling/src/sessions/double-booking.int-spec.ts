import { assignMediator, consentParticipant, inMinutes } from '../test/case-actors';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

describe('no double booking, enforced by Postgres', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const preparation = (
    caseId: string,
    token: string,
    participantId: string,
    mediatorSub: string,
    startMinutes: number,
  ) =>
    harness.service.request('POST', `/api/cases/${caseId}/sessions`, {
      token,
      body: {
        kind: 'preparation',
        startsAt: inMinutes(startMinutes),
        endsAt: inMinutes(startMinutes + 60),
        participantIds: [participantId],
        mediatorIds: [mediatorSub],
      },
    });

  it('lets exactly one of 20 concurrent overlapping bookings succeed, the others 409', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    await consentParticipant(harness, referral.caseId, actors.mediator, referral.harmedId);
    const base = 60 * 24 * 10;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        preparation(referral.caseId, actors.mediator, referral.harmedId, actors.mediatorSub, base + i),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)?.body.rule).toBe('double_booking');
    const booked = await harness.service.dataSource.query(
      `select count(*)::int as n from session where case_id = $1 and status = 'scheduled'`,
      [referral.caseId],
    );
    expect(booked[0].n).toBe(1);
  });

  it('refuses the same mediator in two cases at once, and frees the time when a session is cancelled', async () => {
    const first = await openCase(harness);
    const second = await openCase(harness, { partnerId: first.partnerId });
    const sub = 'mediator-shared';
    const a = await assignMediator(harness, first, sub);
    await assignMediator(harness, second, sub);
    await consentParticipant(harness, first.caseId, a.mediator, first.harmedId);
    await consentParticipant(harness, second.caseId, a.mediator, second.harmedId);
    const start = 60 * 24 * 12;
    const [one, two] = await Promise.all([
      preparation(first.caseId, a.mediator, first.harmedId, sub, start),
      preparation(second.caseId, a.mediator, second.harmedId, sub, start + 30),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    const winner = one.status === 201 ? one : two;
    expect(
      (await harness.service.request('POST', `/api/sessions/${winner.body.id}/cancel`, { token: a.mediator })).status,
    ).toBe(200);
    const retry =
      one.status === 201
        ? await preparation(second.caseId, a.mediator, second.harmedId, sub, start + 30)
        : await preparation(first.caseId, a.mediator, first.harmedId, sub, start);
    expect(retry.status).toBe(201);
  });

  it('refuses a reschedule onto a booked time with 409, keeping the session where it was', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    await consentParticipant(harness, referral.caseId, actors.mediator, referral.harmedId);
    const first = await preparation(
      referral.caseId,
      actors.mediator,
      referral.harmedId,
      actors.mediatorSub,
      60 * 24 * 20,
    );
    const second = await preparation(
      referral.caseId,
      actors.mediator,
      referral.harmedId,
      actors.mediatorSub,
      60 * 24 * 21,
    );
    const moved = await harness.service.request('PATCH', `/api/sessions/${second.body.id}`, {
      token: actors.mediator,
      body: { startsAt: first.body.startsAt, endsAt: first.body.endsAt },
    });
    expect(moved).toMatchObject({ status: 409, body: { rule: 'double_booking' } });
    const [row] = await harness.service.dataSource.query('select starts_at from session where id = $1', [
      second.body.id,
    ]);
    expect(new Date(row.starts_at).toISOString()).toBe(second.body.startsAt);
  });
});

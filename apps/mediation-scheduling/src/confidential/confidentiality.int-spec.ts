import { readTopics } from '@rj/shared/testing';
import { readyCase } from '../test/case-actors';
import { openCase, startSchedulingHarness, topicsOf, type SchedulingHarness } from '../test/scheduling-harness';

describe('confidentiality', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('keeps note text, risk factors and who received a disclosure out of every Kafka message and the database in plaintext', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const post = (path: string, body: object) =>
      harness.service.request('POST', `/api/cases/${referral.caseId}${path}`, { token: actors.mediator, body });
    const noteText = 'He said the window was already broken; SECRET-NOTE-7f3a';
    expect((await post('/notes', { text: noteText })).status).toBe(201);
    expect(
      (
        await post('/risk-assessments', {
          participantId: referral.harmedId,
          outcome: 'proceed',
          factors: ['secret_factor_91c2'],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post('/disclosures', {
          legalBasis: 'imminent_harm',
          recipientKind: 'police',
          recipient: 'Officer SECRET-RECIPIENT-22d1',
        })
      ).status,
    ).toBe(201);

    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"disclosure.recorded"') && m.value.includes(referral.caseId)),
    );
    const all = messages.map((m) => m.value).join('\n');
    for (const secret of [
      'SECRET-NOTE-7f3a',
      'secret_factor_91c2',
      'SECRET-RECIPIENT-22d1',
      'window was already broken',
    ])
      expect(all).not.toContain(secret);
    const events = messages.map((m) => JSON.parse(m.value)).filter((e) => e.referralId === referral.referralId);
    for (const ack of events.filter((e) => e.type === 'acknowledgement.recorded'))
      expect(Object.keys(ack.data).sort()).toEqual(['caseId', 'participantId']);
    for (const risk of events.filter((e) => e.type === 'risk.assessed'))
      expect(Object.keys(risk.data).sort()).toEqual(['caseId', 'outcome', 'participantId']);
    expect(events.find((e) => e.type === 'disclosure.recorded')?.data).toEqual({
      caseId: referral.caseId,
      legalBasis: 'imminent_harm',
      recipientKind: 'police',
    });

    const stored = JSON.stringify(
      await harness.service.dataSource.query(
        'select n.text_ciphertext, d.recipient_ciphertext, o.payload from case_note n, disclosure d, outbox o where n.case_id = $1 and d.case_id = $1',
        [referral.caseId],
      ),
    );
    expect(stored).not.toContain('SECRET-NOTE-7f3a');
    expect(stored).not.toContain('SECRET-RECIPIENT-22d1');
    expect(stored).toContain('pii:1:');

    // The partner's administrator sees that a disclosure happened, and when: nothing of it else.
    const listed = await harness.service.request('GET', '/api/cases?limit=100', { token: actors.admin });
    const summary = listed.body.items.find((c: { id: string }) => c.id === referral.caseId);
    expect(Date.parse(summary.lastDisclosureAt)).toBeGreaterThan(0);
    expect(JSON.stringify(summary)).not.toMatch(/SECRET|police|imminent/);
  });

  it("accepts api.md's disclosure body without recipientKind and records the kind as 'other'", async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const response = await harness.service.request('POST', `/api/cases/${referral.caseId}/disclosures`, {
      token: actors.mediator,
      body: { legalBasis: 'required_by_law', recipient: 'Clerk SECRET-RECIPIENT-5b07' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      caseId: referral.caseId,
      legalBasis: 'required_by_law',
      recipientKind: 'other',
    });

    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"disclosure.recorded"') && m.value.includes(referral.caseId)),
    );
    const recorded = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'disclosure.recorded' && e.data.caseId === referral.caseId);
    expect(recorded?.data).toEqual({ caseId: referral.caseId, legalBasis: 'required_by_law', recipientKind: 'other' });
    expect(messages.map((m) => m.value).join('\n')).not.toContain('SECRET-RECIPIENT-5b07');
  });

  it('lets only the assigned mediators read the notes; not the partner admin, not another partner', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const path = `/api/cases/${referral.caseId}/notes`;
    expect(
      (await harness.service.request('POST', path, { token: actors.mediator, body: { text: 'only for mediators' } }))
        .status,
    ).toBe(201);
    const read = await harness.service.request('GET', path, { token: actors.mediator });
    expect(read.status).toBe(200);
    expect(read.body.items.map((n: { text: string }) => n.text)).toEqual(['only for mediators']);
    expect((await harness.service.request('GET', path, { token: actors.admin })).status).toBe(403);
    expect(
      (
        await harness.service.request('GET', path, {
          token: harness.service.token('mediator', referral.offerId, actors.mediatorSub),
        })
      ).status,
    ).toBe(404);
    const caseView = await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: actors.admin });
    expect(JSON.stringify(caseView.body)).not.toContain('only for mediators');
  });
});

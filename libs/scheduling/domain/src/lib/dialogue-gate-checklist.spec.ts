import { dialogueGateChecklist } from './dialogue-gate-checklist';
import { dialogueGateProblems } from './dialogue-gate';
import { BOTH, HARMED, MEDIATOR, readyCase, RESPONSIBLE } from '../test/case-fixtures';

const NOW = new Date('2026-11-20T09:00:00Z');

const itemsOf = (checklist: ReturnType<typeof dialogueGateChecklist>, participantId: string) =>
  Object.fromEntries(
    checklist.participants.find((p) => p.participantId === participantId)!.items.map(({ item, met }) => [item, met]),
  );

describe('the dialogue gate as a checklist', () => {
  it('allows both dialogues and marks every item met when the gate is open', () => {
    const checklist = dialogueGateChecklist(readyCase(), [MEDIATOR], NOW);
    expect(checklist.allowed).toEqual({ joint_dialogue: true, indirect_dialogue: true });
    expect(itemsOf(checklist, HARMED)).toEqual({
      information: true,
      participation_consent: true,
      risk_assessment: true,
      preparation: true,
    });
    expect(itemsOf(checklist, RESPONSIBLE)).toEqual({
      information: true,
      participation_consent: true,
      risk_assessment: true,
      preparation: true,
      acknowledgement: true,
    });
  });

  it('lists a guardian’s consent only for a minor, and marks it unmet until given', () => {
    const checklist = dialogueGateChecklist(readyCase({}, { minor: true }), [MEDIATOR], NOW);
    expect(itemsOf(checklist, HARMED)['guardian_consent']).toBe(false);
    expect(checklist.allowed.joint_dialogue).toBe(false);
  });

  it('allows only an indirect dialogue after an indirect_only assessment', () => {
    const checklist = dialogueGateChecklist(readyCase({}, {}, { latestRisk: 'indirect_only' }), [MEDIATOR], NOW);
    expect(checklist.allowed).toEqual({ joint_dialogue: false, indirect_dialogue: true });
    expect(itemsOf(checklist, RESPONSIBLE)['risk_assessment']).toBe(false);
    expect(checklist.participants[1].unmet.indirect_dialogue).toEqual([]);
  });

  it('reports case conditions (no declared mediator, a closed case) apart from the participants', () => {
    const checklist = dialogueGateChecklist(readyCase({ status: 'concluded' }), [], NOW);
    expect(checklist.caseUnmet.joint_dialogue).toEqual(['case_not_open', 'mediator_missing']);
  });

  // The checklist and the enforcing rule never disagree: both come from the same problems.
  it.each([
    ['no information', readyCase({}, { informationRecorded: null })],
    ['no consent', readyCase({}, { consents: {} })],
    ['stop', readyCase({}, { latestRisk: 'stop' })],
    ['no preparation', readyCase({}, {}, { preparationHeld: false })],
    ['no acknowledgement', readyCase({}, {}, { acknowledged: false })],
  ])('agrees with the enforcing rule when there is %s', (_name, state) => {
    const checklist = dialogueGateChecklist(state, [MEDIATOR], NOW);
    const enforced = dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR]);
    expect(checklist.allowed.joint_dialogue).toBe(enforced.length === 0);
    expect([
      ...checklist.caseUnmet.joint_dialogue,
      ...checklist.participants.flatMap((p) => p.unmet.joint_dialogue),
    ]).toEqual(enforced);
  });

  it('says when a participant’s risk assessment is due again, by the same rule as everywhere', () => {
    const stale = readyCase({}, { riskAssessedAt: '2026-10-01T09:00:00Z' }, { riskAssessedAt: '2026-11-19T09:00:00Z' });
    const checklist = dialogueGateChecklist(stale, [MEDIATOR], NOW);
    expect(checklist.participants.map((p) => [p.participantId, p.riskReassessment])).toEqual([
      [HARMED, 'assessment_older_than_window'],
      [RESPONSIBLE, null],
    ]);
    // Advisory: the gate stays open.
    expect(checklist.allowed.joint_dialogue).toBe(true);
  });
});

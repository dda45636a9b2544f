import { readyCase, readyParticipant } from '../test/case-fixtures';
import { caseReducer } from './case.reducer';
import { riskReassessmentDue } from './risk-reassessment';

const assessed = '2026-11-01T10:00:00.000Z';
const days = (n: number) => new Date(Date.parse(assessed) + n * 86_400_000);

describe('riskReassessmentDue', () => {
  const participant = readyParticipant({ riskAssessedAt: assessed });

  it('asks again once the assessment is older than the window (30 days unless configured), not a moment before', () => {
    expect(riskReassessmentDue(readyCase(), participant, days(30))).toBeNull();
    expect(riskReassessmentDue(readyCase(), participant, new Date(days(30).getTime() + 1))).toBe(
      'assessment_older_than_window',
    );
    expect(riskReassessmentDue(readyCase(), participant, days(8), 7)).toBe('assessment_older_than_window');
  });

  it('asks again after a disclosure recorded since the assessment, however recent it is', () => {
    expect(riskReassessmentDue(readyCase({ lastDisclosureAt: days(1).toISOString() }), participant, days(2))).toBe(
      'disclosure_since_assessment',
    );
    expect(
      riskReassessmentDue(readyCase({ lastDisclosureAt: days(-1).toISOString() }), participant, days(2)),
    ).toBeNull();
  });

  it('asks nothing of a participant not yet assessed, after a stop, or in a concluded case', () => {
    const late = days(90);
    expect(
      riskReassessmentDue(readyCase(), readyParticipant({ latestRisk: null, riskAssessedAt: null }), late),
    ).toBeNull();
    expect(
      riskReassessmentDue(readyCase(), readyParticipant({ latestRisk: 'stop', riskAssessedAt: assessed }), late),
    ).toBeNull();
    expect(riskReassessmentDue(readyCase({ status: 'concluded' }), participant, late)).toBeNull();
    // A state folded before the date was kept: no date, no guess.
    expect(riskReassessmentDue(readyCase(), readyParticipant({ riskAssessedAt: undefined }), late)).toBeNull();
  });

  it('is fed by the reducer: an assessment and a disclosure keep their envelope times', () => {
    const base = readyCase({}, { riskAssessedAt: null });
    const harmed = base.participants[0].participantId;
    const afterRisk = caseReducer(base, {
      type: 'risk.assessed',
      occurredAt: assessed,
      data: { caseId: base.caseId, participantId: harmed, outcome: 'indirect_only', factors: [] },
    });
    expect(afterRisk.participants[0]).toMatchObject({ latestRisk: 'indirect_only', riskAssessedAt: assessed });
    const afterDisclosure = caseReducer(afterRisk, {
      type: 'disclosure.recorded',
      occurredAt: days(3).toISOString(),
      data: { caseId: base.caseId, legalBasis: 'imminent_harm', recipientKind: 'police' },
    });
    expect(afterDisclosure.lastDisclosureAt).toBe(days(3).toISOString());
    expect(riskReassessmentDue(afterDisclosure, afterDisclosure.participants[0], days(4))).toBe(
      'disclosure_since_assessment',
    );
  });
});

import type { PracticeRecordPage } from './practice-shapes';
import { standingSummary } from './practice-standing';

const problem = (rule: string) => ({ rule, message: `${rule} in words` });
const standing = (unmet: string[], unmetWithMinor: string[] = []): PracticeRecordPage['standing'] => ({
  today: '2026-12-06',
  mayLead: !unmet.includes('co_facilitation_required'),
  coFacilitatedCases: 0,
  openCaseload: 0,
  supervision: { state: 'current', dueOn: '2027-02-28', graceEndsOn: '2027-03-14' },
  thresholds: {
    coFacilitatedCasesBeforeLead: 3,
    caseloadCap: 12,
    supervisionGraceDays: 14,
    supervisionIntervalDays: 84,
  },
  unmet: unmet.map(problem),
  unmetWithMinor: unmetWithMinor.map(problem),
});

describe('where a mediator stands, in the record page’s words (issue 22)', () => {
  it('may lead when no rule is unmet', () => {
    expect(standingSummary(standing([])).verdict).toBe('may_lead');
  });

  it('may co-facilitate when the only unmet rule is the co-facilitated cases', () => {
    expect(standingSummary(standing(['co_facilitation_required'])).verdict).toBe('co_facilitator_only');
  });

  it('cannot be proposed at all when any other rule is unmet, and keeps every rule in the service’s order', () => {
    const summary = standingSummary(standing(['background_check', 'co_facilitation_required']));
    expect(summary.verdict).toBe('not_proposable');
    expect(summary.unmet.map((p) => p.rule)).toEqual(['background_check', 'co_facilitation_required']);
  });

  it('names only what a case with a minor asks beyond that', () => {
    const summary = standingSummary(standing([], ['background_check', 'youth_credential', 'barred_list_check']));
    expect(summary.forMinors.map((p) => p.rule)).toEqual(['youth_credential', 'barred_list_check']);
  });
});

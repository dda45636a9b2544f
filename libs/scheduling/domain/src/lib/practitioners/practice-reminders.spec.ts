import { addDays } from './local-day';
import { DEFAULT_PRACTICE_THRESHOLDS as T } from './practice-thresholds';
import { practiceReminders } from './practice-reminders';
import type { PractitionerFacts } from './practitioner-standing';

const TODAY = '2026-12-06';
const facts = (verifiedOn: string, lastSupervisionOn: string | null = null): PractitionerFacts => ({
  credentials: [{ kind: 'basic_mediation', hours: 30, expiresOn: null, categories: [], verifiedOn }],
  backgroundChecks: [],
  lastSupervisionOn,
  coFacilitatedCases: 3,
  openCaseload: 0,
});

describe('practice reminders to the partner admin (issue 22)', () => {
  it('announces a verified record expiring within 60 days, today included, and nothing further out, past or unverified', () => {
    const records = [
      { recordId: 'today', expiresOn: TODAY, verifiedOn: TODAY },
      { recordId: 'day-60', expiresOn: addDays(TODAY, 60), verifiedOn: TODAY },
      { recordId: 'day-61', expiresOn: addDays(TODAY, 61), verifiedOn: TODAY },
      { recordId: 'expired', expiresOn: addDays(TODAY, -1), verifiedOn: TODAY },
      { recordId: 'unverified', expiresOn: addDays(TODAY, 5), verifiedOn: null },
      { recordId: 'never', expiresOn: null, verifiedOn: TODAY },
    ];
    const reminders = practiceReminders(records, facts(TODAY), T, TODAY);
    expect(reminders).toEqual([
      { kind: 'record_expiring', recordId: 'today', expiresOn: TODAY },
      { kind: 'record_expiring', recordId: 'day-60', expiresOn: addDays(TODAY, 60) },
    ]);
  });

  it('announces supervision due within 14 days, or already due, but not 15 days out', () => {
    const dueIn = (days: number) =>
      practiceReminders([], facts(addDays(TODAY, days - T.supervisionIntervalDays)), T, TODAY);
    expect(dueIn(14)).toEqual([{ kind: 'supervision_due', dueOn: addDays(TODAY, 14) }]);
    expect(dueIn(-3)).toEqual([{ kind: 'supervision_due', dueOn: addDays(TODAY, -3) }]);
    expect(dueIn(15)).toEqual([]);
  });
});

import { isMinorOn, referralRuleProblems, type ReferralRuleInput } from './referral-rules';

const clock = () => new Date('2025-03-03T23:30:00Z');
const valid: ReferralRuleInput = {
  incidentDate: '2025-01-15',
  reportBackBy: '2025-09-30',
  parties: [
    { role: 'harmed', minor: false },
    { role: 'responsible', minor: true, guardian: { fullName: 'G' } },
  ],
};

describe('referralRuleProblems', () => {
  it('finds nothing wrong with a valid referral', () => {
    expect(referralRuleProblems(valid, clock)).toEqual([]);
  });

  it('needs at least one harmed and one responsible party', () => {
    expect(referralRuleProblems({ ...valid, parties: [{ role: 'harmed', minor: false }] }, clock)).toEqual([
      { field: 'parties', message: 'needs at least one party with role responsible' },
    ]);
    expect(referralRuleProblems({ ...valid, parties: [] }, clock)).toHaveLength(2);
  });

  it('needs a guardian for a minor', () => {
    expect(
      referralRuleProblems(
        {
          ...valid,
          parties: [
            { role: 'harmed', minor: true },
            { role: 'responsible', minor: false },
          ],
        },
        clock,
      ),
    ).toEqual([{ field: 'parties[0].guardian', message: 'a minor needs a guardian' }]);
  });

  it('refuses an incident date in the future, by the injected clock', () => {
    expect(referralRuleProblems({ ...valid, incidentDate: '2025-03-04' }, clock)).toEqual([
      { field: 'incidentDate', message: 'must not be in the future' },
    ]);
    expect(referralRuleProblems({ ...valid, incidentDate: '2025-03-03' }, clock)).toEqual([]);
  });

  it('needs the report-back date after today', () => {
    expect(referralRuleProblems({ ...valid, reportBackBy: '2025-03-03' }, clock)).toEqual([
      { field: 'reportBackBy', message: 'must be after today' },
    ]);
    expect(referralRuleProblems({ ...valid, reportBackBy: '2025-03-04' }, clock)).toEqual([]);
  });

  it('names dates that are not dates', () => {
    expect(
      referralRuleProblems({ ...valid, incidentDate: '2025-02-30', reportBackBy: 'soon' }, clock).map((p) => p.field),
    ).toEqual(['incidentDate', 'reportBackBy']);
  });

  it('refuses a date of birth in the future', () => {
    const parties = [
      { role: 'harmed', minor: false, dateOfBirth: '2025-03-04' },
      { role: 'responsible', minor: false },
    ];
    expect(referralRuleProblems({ ...valid, parties }, clock)).toEqual([
      { field: 'parties[0].dateOfBirth', message: 'must not be in the future' },
    ]);
  });

  it('needs the minor flag to agree with the date of birth, so no minor goes without a guardian', () => {
    const adultAsMinor = [
      { role: 'harmed', minor: true, guardian: {}, dateOfBirth: '1980-01-01' },
      { role: 'responsible', minor: false },
    ];
    expect(referralRuleProblems({ ...valid, parties: adultAsMinor }, clock)).toEqual([
      { field: 'parties[0].minor', message: 'must be false for this dateOfBirth' },
    ]);
    const minorAsAdult = [
      { role: 'harmed', minor: false },
      { role: 'responsible', minor: false, dateOfBirth: '2010-06-01' },
    ];
    expect(referralRuleProblems({ ...valid, parties: minorAsAdult }, clock)).toEqual([
      { field: 'parties[1].minor', message: 'must be true for this dateOfBirth' },
    ]);
  });

  it('counts a party a minor until the 18th birthday', () => {
    expect(isMinorOn('2007-03-04', '2025-03-03')).toBe(true);
    expect(isMinorOn('2007-03-03', '2025-03-03')).toBe(false);
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('gives defence counsel to the person responsible only', () => {
    const parties = [
      { role: 'harmed', minor: false, counsel: { fullName: 'C' } },
      { role: 'responsible', minor: false, counsel: { fullName: 'D' } },
    ];
    expect(referralRuleProblems({ ...valid, parties }, clock)).toEqual([
      { field: 'parties[0].counsel', message: 'only the person responsible has defence counsel' },
    ]);
  });
});

import { eligibleView, equityTables, stageHeadings, type EquityAnswer } from './equity-view';

const answer: EquityAnswer = {
  period: '2025',
  minimum: 5,
  stages: ['referred', 'completed'],
  total: { referred: 26, completed: null },
  tables: [
    {
      dimension: 'preferredLanguage',
      rows: [
        { value: 'es', counts: { referred: null, completed: null } },
        { value: 'nl', counts: { referred: 19, completed: null } },
      ],
    },
    {
      dimension: 'gender',
      rows: [
        { value: 'not_declared', counts: { referred: 20, completed: 6 } },
        { value: 'prefer_not_to_say', counts: { referred: 6, completed: null } },
      ],
    },
  ],
  eligibleNotReferred: {
    period: '2025',
    officesSupplying: 2,
    total: 31,
    byOffice: [
      { officeId: 'office-a', supplied: true, count: null },
      { officeId: 'office-b', supplied: false, count: null },
    ],
  },
};

describe('equity of access in the console', () => {
  it('shows each attribute as its own table, withheld cells as words and never as a number', () => {
    const [language, gender] = equityTables(answer);
    expect(language.title).toBe('Preferred language');
    expect(language.rows.map((row) => row.label)).toEqual(['Spanish', 'Dutch', 'Everyone']);
    expect(language.rows[0].cells).toEqual([
      { text: 'withheld', withheld: true },
      { text: 'withheld', withheld: true },
    ]);
    expect(language.rows[2].cells[0]).toEqual({ text: '26', withheld: false });
    expect(language.selfDeclared).toBe(false);
    expect(gender).toMatchObject({ title: 'Gender (self-declared)', selfDeclared: true });
    expect(gender.rows.map((row) => row.label)).toEqual(['Not declared', 'Prefer not to say', 'Everyone']);
  });

  it('names the stages in words', () => {
    expect(stageHeadings(answer)).toEqual(['Referred', 'Completed']);
  });

  it('tells a withheld office from one that supplied nothing', () => {
    expect(eligibleView(answer, new Map([['office-a', 'North office']]))).toEqual({
      total: { text: '31', withheld: false },
      offices: [
        { label: 'North office', cell: { text: 'withheld', withheld: true } },
        { label: 'office-b', cell: { text: 'not supplied', withheld: false } },
      ],
    });
  });

  it('has nothing to show when no office supplied counts', () => {
    expect(
      eligibleView(
        { ...answer, eligibleNotReferred: { ...answer.eligibleNotReferred!, officesSupplying: 0 } },
        new Map(),
      ),
    ).toBeNull();
  });
});

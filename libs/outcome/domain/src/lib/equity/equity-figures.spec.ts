import { parsePeriod } from '../disclosure/calendar-periods';
import { computeEquityFigures } from './equity-figures';
import { stagesReached, type PersonFacts } from './equity-facts';
import { offenceGroup } from './offence-groups';

const none = { screenedEligible: false, offered: false, accepted: false, dialogueHeld: false, completed: false };
const all = { screenedEligible: true, offered: true, accepted: true, dialogueHeld: true, completed: true };

function person(overrides: Partial<PersonFacts> & { on: string; stages?: typeof none }): PersonFacts {
  const { on, stages, ...rest } = overrides;
  return {
    jurisdiction: 'north',
    source: 'prosecutor',
    offenceCategory: 'theft',
    submittedAt: `${on}T10:00:00Z`,
    role: 'harmed',
    preferredLanguage: 'en',
    interpreter: false,
    minor: false,
    declared: null,
    reached: stagesReached(stages ?? all),
    ...rest,
  };
}

const times = (n: number, make: (i: number) => PersonFacts) => Array.from({ length: n }, (_, i) => make(i));

describe('equity of access', () => {
  const AFTER_THE_YEAR = '2027-01-10';
  // A year with people every month from April, so no row is withheld for being empty elsewhere.
  const restOfYear = ['04', '05', '06', '07', '08', '09', '10', '11', '12'].flatMap((month) => [
    ...times(5, () => person({ on: `2026-${month}-05` })),
    ...times(5, () =>
      person({ on: `2026-${month}-06`, preferredLanguage: 'es', interpreter: true, role: 'responsible' }),
    ),
  ]);

  describe('hand-computed counts (no small cell)', () => {
    // 2026-Q1: 20 English speakers in February, all completing; 12 Spanish speakers with an
    // interpreter in March, 6 reaching every stage and 6 referred only; 7 in January.
    const people = [
      ...times(7, () => person({ on: '2026-01-20', role: 'responsible' })),
      ...times(20, () => person({ on: '2026-02-10' })),
      ...times(6, () => person({ on: '2026-03-11', preferredLanguage: 'es', interpreter: true })),
      ...times(6, () => person({ on: '2026-03-12', preferredLanguage: 'es', interpreter: true, stages: none })),
      ...restOfYear,
    ];
    const q1 = computeEquityFigures(people, parsePeriod('2026-Q1')!, AFTER_THE_YEAR);
    const row = (id: string, value: string) =>
      q1.tables.find((t) => t.dimension === id)!.rows.find((r) => r.value === value)!.counts;

    it('counts people per stage, by each attribute on its own', () => {
      expect(q1.total).toEqual({
        referred: 39,
        screenedEligible: 33,
        offered: 33,
        accepted: 33,
        dialogueHeld: 33,
        completed: 33,
      });
      expect(row('preferredLanguage', 'en')).toEqual({
        referred: 27,
        screenedEligible: 27,
        offered: 27,
        accepted: 27,
        dialogueHeld: 27,
        completed: 27,
      });
      expect(row('preferredLanguage', 'es')).toEqual({
        referred: 12,
        screenedEligible: 6,
        offered: 6,
        accepted: 6,
        dialogueHeld: 6,
        completed: 6,
      });
      expect(row('interpreter', 'needed').referred).toBe(12);
      expect(row('ageBand', 'adult').referred).toBe(39);
      expect(row('role', 'responsible').completed).toBe(7);
      expect(row('role', 'harmed')).toEqual({
        referred: 32,
        screenedEligible: 26,
        offered: 26,
        accepted: 26,
        dialogueHeld: 26,
        completed: 26,
      });
    });

    it('never crosses attributes: one table per attribute', () => {
      expect(q1.tables.map((t) => t.dimension)).toEqual([
        'preferredLanguage',
        'interpreter',
        'ageBand',
        'role',
        'offenceGroup',
        'referralSource',
        'jurisdiction',
        'ethnicity',
        'gender',
        'disability',
      ]);
    });

    it('counts only the people of the requested year', () => {
      const later = computeEquityFigures(
        [...people, person({ on: '2027-01-05' })],
        parsePeriod('2026-Q1')!,
        AFTER_THE_YEAR,
      );
      expect(later.total).toEqual(q1.total);
    });
  });

  describe('suppression', () => {
    // The same year, plus 2 Polish speakers in March: referred, nothing more.
    const people = [
      ...times(7, () => person({ on: '2026-01-20' })),
      ...times(20, () => person({ on: '2026-02-10' })),
      ...times(12, () => person({ on: '2026-03-11', preferredLanguage: 'es', interpreter: true })),
      ...times(2, () => person({ on: '2026-03-01', preferredLanguage: 'pl', stages: none })),
      ...restOfYear,
    ];
    const language = (f: ReturnType<typeof computeEquityFigures>, value: string) =>
      f.tables.find((t) => t.dimension === 'preferredLanguage')!.rows.find((r) => r.value === value)!.counts;
    const q1 = computeEquityFigures(people, parsePeriod('2026-Q1')!, AFTER_THE_YEAR);

    it('withholds a small row, and a second row so the total cannot give it away', () => {
      expect(language(q1, 'pl').referred).toBeNull();
      expect(q1.total.referred).toBe(41);
      // Without the second withheld row, 41 − en − es would give pl's 2 back.
      expect([language(q1, 'en').referred, language(q1, 'es').referred]).toContain(null);
    });

    it('withholds across periods: no month can be had from its quarter minus the other months', () => {
      const months = ['2026-01', '2026-02', '2026-03'].map((p) =>
        computeEquityFigures(people, parsePeriod(p)!, AFTER_THE_YEAR),
      );
      const pl = months.map((m) => language(m, 'pl').referred);
      expect(pl[2]).toBeNull();
      // Without a second withheld month, Q1's Polish row minus January and February gives March's 2.
      const known = [language(q1, 'pl').referred, ...pl].filter((n) => n !== null);
      expect(known.length).toBeLessThan(3);
    });

    it('lists the same rows for every period of a year, so an absent row reveals nothing', () => {
      const may = computeEquityFigures(people, parsePeriod('2026-05')!, AFTER_THE_YEAR);
      expect(may.tables.find((t) => t.dimension === 'preferredLanguage')!.rows.map((r) => r.value)).toEqual([
        'en',
        'es',
        'pl',
      ]);
      expect(language(may, 'pl').referred).toBeNull();
    });

    it('leaves periods yet to come out of the sums instead of withholding the year for them', () => {
      const early = computeEquityFigures(
        people.filter((p) => p.submittedAt < '2026-04'),
        parsePeriod('2026')!,
        '2026-03-20',
      );
      expect(early.total.referred).toBe(41);
    });
  });
});

describe('stages reached', () => {
  it('counts an offered referral as screened eligible', () => {
    expect(stagesReached({ ...none, offered: true }).screenedEligible).toBe(true);
  });
});

describe('offence groups', () => {
  it.each([
    ['property_damage', 'property'],
    ['domestic_violence', 'domestic_abuse'],
    ['unheard_of_code', 'other'],
    [null, 'not_recorded'],
  ])('%s is in %s', (category, group) => {
    expect(offenceGroup(category)).toBe(group);
  });
});

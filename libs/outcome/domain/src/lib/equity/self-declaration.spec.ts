import { parsePeriod } from '../disclosure/calendar-periods';
import { computeEquityFigures } from './equity-figures';
import { stagesReached, type PersonFacts } from './equity-facts';
import {
  declaredValue,
  isDeclarableAnswer,
  normaliseSelfDeclaration,
  parseSelfDeclaration,
  type SelfDeclaration,
} from './self-declaration';

const reachedAll = stagesReached({
  screenedEligible: true,
  offered: true,
  accepted: true,
  dialogueHeld: true,
  completed: true,
});
const person = (declared: SelfDeclaration | null, role = 'harmed'): PersonFacts => ({
  jurisdiction: 'north',
  source: 'prosecutor',
  offenceCategory: 'theft',
  submittedAt: '2026-02-10T10:00:00Z',
  role,
  preferredLanguage: 'en',
  interpreter: false,
  minor: false,
  declared,
  reached: reachedAll,
});
const times = (n: number, make: () => PersonFacts) => Array.from({ length: n }, make);

describe('self-declared special-category data', () => {
  it('takes only the answers offered, prefer not to say included', () => {
    expect(isDeclarableAnswer('gender', 'woman')).toBe(true);
    expect(isDeclarableAnswer('gender', 'prefer_not_to_say')).toBe(true);
    expect(isDeclarableAnswer('gender', 'female')).toBe(false);
    expect(isDeclarableAnswer('disability', 'yes')).toBe(true);
    expect(isDeclarableAnswer('disability', 'sometimes')).toBe(false);
    expect(isDeclarableAnswer('ethnicity', 'mixed_white_black_caribbean')).toBe(true);
    expect(isDeclarableAnswer('ethnicity', 'Not A Code')).toBe(false);
    expect(isDeclarableAnswer('ethnicity', 'not_declared')).toBe(false);
  });

  it('counts a person who declared nothing, or not that attribute, as not declared — never inferred', () => {
    expect(declaredValue(null, 'ethnicity')).toBe('not_declared');
    expect(declaredValue({ gender: 'man' }, 'ethnicity')).toBe('not_declared');
    expect(declaredValue({ gender: 'man' }, 'gender')).toBe('man');
  });

  it('stores only the attributes the person answered, and reads nothing else back', () => {
    expect(normaliseSelfDeclaration({ disability: 'no', gender: undefined })).toEqual({ disability: 'no' });
    expect(parseSelfDeclaration('{"gender":"woman","religion":"x","disability":"perhaps"}')).toEqual({
      gender: 'woman',
    });
    expect(parseSelfDeclaration(null)).toBeNull();
  });

  it('gives each attribute a table of its own, never crossed, with small rows suppressed', () => {
    const people = [
      ...times(6, () => person({ gender: 'woman', ethnicity: 'group_a' })),
      ...times(7, () => person({ gender: 'man' }, 'responsible')),
      ...times(2, () => person({ gender: 'non_binary', disability: 'yes' })),
      ...times(8, () => person(null)),
    ];
    const figures = computeEquityFigures(people, parsePeriod('2026')!, '2027-01-10');
    const table = (id: string) =>
      Object.fromEntries(figures.tables.find((t) => t.dimension === id)!.rows.map((r) => [r.value, r.counts.referred]));
    // 2 non-binary people: withheld, and with them the next smallest (woman, 6), or 23 − 7 − 8 gives 2.
    expect(table('gender')).toEqual({ man: 7, non_binary: null, not_declared: 8, woman: null });
    expect(table('ethnicity')).toEqual({ group_a: 6, not_declared: 17 });
    // disability: 2 said yes — withheld with the rest of the table's only other row.
    expect(table('disability')).toEqual({ not_declared: null, yes: null });
    expect(figures.total.referred).toBe(23);
  });
});

import { recordDateProblems } from './record-dates';

const TODAY = '2026-12-06';
const held = (day: string) => ({ field: 'heldOn', day });

describe('the dates of a practice record (issue 22)', () => {
  it.each([
    ['yesterday', '2026-12-05'],
    ['today', TODAY],
    ['tomorrow (a partner east of the reference day, on its own today)', '2026-12-07'],
  ])('takes a session held %s', (_when, day) => {
    expect(recordDateProblems({ happened: held(day) }, TODAY)).toEqual([]);
  });

  it('refuses a day after tomorrow, naming the field', () => {
    expect(recordDateProblems({ happened: held('2026-12-08') }, TODAY)).toEqual([
      { field: 'heldOn', message: 'must be today or earlier: record it once it has happened' },
    ]);
  });

  it('refuses an expiry before the day obtained, and takes one on that very day or none', () => {
    const obtained = { field: 'obtainedOn', day: '2026-03-02' };
    expect(recordDateProblems({ happened: obtained, expiresOn: '2026-03-01' }, TODAY).map((p) => p.field)).toEqual([
      'expiresOn',
    ]);
    expect(recordDateProblems({ happened: obtained, expiresOn: '2026-03-02' }, TODAY)).toEqual([]);
    expect(recordDateProblems({ happened: obtained, expiresOn: null }, TODAY)).toEqual([]);
  });
});

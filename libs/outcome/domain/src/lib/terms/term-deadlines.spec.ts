import { allTermsFulfilled, overdueTerms } from './term-deadlines';
import { apology, restitution, service } from './term.fixtures';

describe('term deadlines', () => {
  const today = '2026-07-01';
  it.each([
    ['due yesterday, unfulfilled', { ...apology(), dueBy: '2026-06-30' }, true],
    ['due today', { ...apology(), dueBy: today }, false],
    ['due yesterday but fulfilled', { ...apology(), dueBy: '2026-06-30', fulfilled: true }, false],
    ['due yesterday, already flagged', { ...apology(), dueBy: '2026-06-30', overdueFlagged: true }, false],
  ])('overdueTerms: %s → %s', (_name, term, overdue) => {
    expect(overdueTerms([term], today)).toEqual(overdue ? [term] : []);
  });

  it('counts an agreement fulfilled only when it has terms and all are fulfilled', () => {
    expect(allTermsFulfilled([])).toBe(false);
    expect(allTermsFulfilled([{ ...restitution(), fulfilled: true }, service()])).toBe(false);
    expect(
      allTermsFulfilled([
        { ...restitution(), fulfilled: true },
        { ...service(), fulfilled: true },
      ]),
    ).toBe(true);
  });
});

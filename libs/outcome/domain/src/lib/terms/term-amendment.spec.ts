import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { amendTerm } from './term-amendment';
import { apology, PARTICIPANTS, restitution, service, TODAY } from './term.fixtures';

describe('amendTerm', () => {
  it('moves the due date with every participant consenting, and watches the new date afresh', () => {
    const amended = amendTerm(
      { ...apology(), overdueFlagged: true },
      { dueBy: '2026-07-01' },
      PARTICIPANTS,
      PARTICIPANTS,
      TODAY,
    );
    expect(amended).toMatchObject({ dueBy: '2026-07-01', overdueFlagged: false });
  });

  it('refuses without every participant consenting', () => {
    const attempt = () => amendTerm(apology(), { dueBy: '2026-07-01' }, ['p-harmed'], PARTICIPANTS, TODAY);
    expect(attempt).toThrow(RuleViolation);
    expect(attempt).toThrow(expect.objectContaining({ rule: 'every_participant_consents' }));
  });

  it('refuses a due date before today', () => {
    expect(() => amendTerm(apology(), { dueBy: '2026-04-09' }, PARTICIPANTS, PARTICIPANTS, TODAY)).toThrow(
      InvalidInput,
    );
  });

  it('refuses an amount or hours below what is already recorded', () => {
    expect(() =>
      amendTerm(
        restitution('200.00'),
        { amount: { amount: '150', currency: 'EUR' } },
        PARTICIPANTS,
        PARTICIPANTS,
        TODAY,
      ),
    ).toThrow(expect.objectContaining({ rule: 'amendment_below_progress' }));
    expect(() => amendTerm(service(10), { hours: 9.5 }, PARTICIPANTS, PARTICIPANTS, TODAY)).toThrow(
      expect.objectContaining({ rule: 'amendment_below_progress' }),
    );
  });

  it('fulfils the term when lowered to exactly what is recorded', () => {
    expect(
      amendTerm(
        restitution('200.00'),
        { amount: { amount: '200', currency: 'EUR' } },
        PARTICIPANTS,
        PARTICIPANTS,
        TODAY,
      ),
    ).toMatchObject({
      amount: { amount: '200.00' },
      fulfilled: true,
    });
    expect(amendTerm(service(10), { hours: 15 }, PARTICIPANTS, PARTICIPANTS, TODAY)).toMatchObject({
      hours: 15,
      fulfilled: false,
    });
  });

  it.each([
    ['nothing to change', apology(), {}],
    ['hours on restitution', restitution(), { hours: 3 }],
    ['another currency', restitution(), { amount: { amount: '300', currency: 'USD' } }],
    ['an amount on an apology', apology(), { amount: { amount: '3', currency: 'EUR' } }],
  ])('refuses %s', (_name, term, amendment) => {
    expect(() => amendTerm(term, amendment, PARTICIPANTS, PARTICIPANTS, TODAY)).toThrow(InvalidInput);
  });

  it('refuses to amend a fulfilled term', () => {
    expect(() =>
      amendTerm({ ...apology(), fulfilled: true }, { dueBy: '2026-07-01' }, PARTICIPANTS, PARTICIPANTS, TODAY),
    ).toThrow(expect.objectContaining({ rule: 'term_already_fulfilled' }));
  });
});

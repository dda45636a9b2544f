import { InvalidInput } from '@rj/shared/contracts';
import { recordAgreement } from './agreement';
import type { TermInput } from './term';
import { validateAgreement } from './term-validation';
import { PARTICIPANTS, TODAY } from './term.fixtures';

const valid: TermInput[] = [
  {
    kind: 'restitution',
    dueBy: '2026-06-30',
    amount: { amount: '300', currency: 'EUR' },
    instalments: 3,
    recipient: 'harmed',
  },
  { kind: 'community_service', dueBy: TODAY, hours: 12.5 },
  { kind: 'apology_letter', dueBy: '2026-05-01' },
];

describe('validateAgreement', () => {
  it('accepts terms every participant consented to, due today or later', () => {
    expect(validateAgreement({ terms: valid, consentedBy: PARTICIPANTS }, PARTICIPANTS, TODAY)).toEqual([]);
  });

  it.each([
    ['no terms', [], 'terms'],
    ['a zero amount', [{ ...valid[0], amount: { amount: '0.00', currency: 'EUR' } }], 'terms[0].amount.amount'],
    ['a lowercase currency', [{ ...valid[0], amount: { amount: '10', currency: 'eur' } }], 'terms[0].amount.currency'],
    ['a missing amount', [{ kind: 'restitution', dueBy: TODAY, recipient: 'harmed' }], 'terms[0].amount'],
    ['no recipient', [{ ...valid[0], recipient: undefined }], 'terms[0].recipient'],
    ['zero instalments', [{ ...valid[0], instalments: 0 }], 'terms[0].instalments'],
    ['zero hours', [{ ...valid[1], hours: 0 }], 'terms[0].hours'],
    ['hours on an apology', [{ ...valid[2], hours: 2 }], 'terms[0].hours'],
    [
      'an amount on a programme',
      [{ kind: 'programme', dueBy: TODAY, amount: { amount: '1', currency: 'EUR' } }],
      'terms[0].amount',
    ],
    ['a due date in the past', [{ ...valid[2], dueBy: '2026-04-09' }], 'terms[0].dueBy'],
    ['an impossible date', [{ ...valid[2], dueBy: '2026-02-30' }], 'terms[0].dueBy'],
    ['an unknown kind', [{ kind: 'fine', dueBy: TODAY }], 'terms[0].kind'],
  ] as [string, TermInput[], string][])('reports %s', (_name, terms, field) => {
    const problems = validateAgreement({ terms, consentedBy: PARTICIPANTS }, PARTICIPANTS, TODAY);
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  it('requires the consent of every participant and nobody else', () => {
    const problems = validateAgreement({ terms: valid, consentedBy: ['p-harmed', 'stranger'] }, PARTICIPANTS, TODAY);
    expect(problems).toEqual([
      { field: 'consentedBy', message: 'participant p-responsible has not consented' },
      { field: 'consentedBy', message: 'stranger is not a participant of this case' },
    ]);
  });

  it('records valid terms with nothing yet done, and throws every problem at once otherwise', () => {
    let n = 0;
    const terms = recordAgreement({ terms: valid, consentedBy: PARTICIPANTS }, PARTICIPANTS, TODAY, () => `t${++n}`);
    expect(terms[0]).toMatchObject({
      id: 't1',
      amount: { amount: '300.00', currency: 'EUR' },
      paid: { amount: '0.00', currency: 'EUR' },
      instalments: 3,
      fulfilled: false,
    });
    expect(terms[1]).toMatchObject({ id: 't2', hours: 12.5, hoursDone: 0 });
    expect(terms[2]).toEqual({
      id: 't3',
      kind: 'apology_letter',
      dueBy: '2026-05-01',
      fulfilled: false,
      overdueFlagged: false,
    });
    expect(() => recordAgreement({ terms: [], consentedBy: [] }, PARTICIPANTS, TODAY)).toThrow(InvalidInput);
  });
});

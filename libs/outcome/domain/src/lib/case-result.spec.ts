import { RuleViolation } from '@rj/shared/contracts';
import { assertCloseAllowed, caseResultAfterConclusion } from './case-result';
import type { Term } from './terms/term';

const open: Term = { id: 't1', kind: 'apology_letter', dueBy: '2026-05-01', fulfilled: false, overdueFlagged: false };
const done: Term = { ...open, id: 't2', fulfilled: true };

describe('case result', () => {
  it.each([
    [{ agreementReached: true }, 'awaiting_agreement'],
    [{ agreementReached: false, reasonCode: 'no_agreement' }, { returned: 'no_agreement' }],
    [{ agreementReached: false, reasonCode: 'dialogue_not_held' }, { returned: 'dialogue_not_held' }],
    [{ agreementReached: false, reasonCode: 'not_suitable' }, { returned: 'not_suitable' }],
    [{ agreementReached: false, reasonCode: 'referral_withdrawn' }, 'nothing'],
  ])('after %j the case is %j', (concluded, expected) => {
    expect(caseResultAfterConclusion(concluded)).toEqual(expected);
  });

  it('refuses an unknown reason code rather than returning a case with it', () => {
    expect(() => caseResultAfterConclusion({ agreementReached: false, reasonCode: 'party_refused' })).toThrow(
      /unknown reason/,
    );
  });

  it('closes as agreement_not_completed only while a term is unfulfilled', () => {
    expect(() => assertCloseAllowed([open, done], 'agreement_not_completed')).not.toThrow();
    expect(() => assertCloseAllowed([done], 'agreement_not_completed')).toThrow(RuleViolation);
    expect(() => assertCloseAllowed([], 'agreement_not_completed')).toThrow(/no agreement/);
    expect(() => assertCloseAllowed([open], 'no_agreement')).toThrow(/agreement_not_completed/);
  });
});

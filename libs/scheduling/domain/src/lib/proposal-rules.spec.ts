import { Conflict, RuleViolation } from '@rj/shared/contracts';
import { assignedMediator, readyCase } from '../test/case-fixtures';
import { assertMediatorMayBeProposed } from './proposal-rules';

describe('proposing mediators', () => {
  it('accepts a second mediator for a case', () => {
    expect(() => assertMediatorMayBeProposed(readyCase(), 'second')).not.toThrow();
  });

  it('refuses a third mediator while two are on the case', () => {
    const state = readyCase({
      mediators: [assignedMediator(), assignedMediator({ mediatorId: 'second', declared: false })],
    });
    expect(() => assertMediatorMayBeProposed(state, 'third')).toThrow(
      expect.objectContaining({ rule: 'too_many_mediators' }),
    );
  });

  it('does not count a conflicted mediator against the limit, but never proposes them again', () => {
    const state = readyCase({
      mediators: [assignedMediator(), assignedMediator({ mediatorId: 'gone', conflicted: true })],
    });
    expect(() => assertMediatorMayBeProposed(state, 'third')).not.toThrow();
    expect(() => assertMediatorMayBeProposed(state, 'gone')).toThrow(RuleViolation);
  });

  it('refuses proposing the same mediator twice, and any proposal on a concluded case', () => {
    expect(() => assertMediatorMayBeProposed(readyCase(), 'mediator-sub-1')).toThrow(Conflict);
    expect(() => assertMediatorMayBeProposed(readyCase({ status: 'concluded' }), 'other')).toThrow(
      expect.objectContaining({ rule: 'case_concluded' }),
    );
  });
});

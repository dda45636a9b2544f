import { Conflict, Forbidden, NotFound } from '@rj/shared/contracts';
import { assertMediatorMayAct, assertMediatorMayDeclare } from './mediator-rules';
import { assignedMediator, MEDIATOR, readyCase } from '../test/case-fixtures';

describe('mediator rules (product.md, Neutral facilitators)', () => {
  it('lets an assigned mediator act', () => {
    expect(() => assertMediatorMayAct(readyCase(), MEDIATOR)).not.toThrow();
  });

  it('forbids a proposed mediator anything before the declaration', () => {
    const state = readyCase({ mediators: [assignedMediator({ declared: false })] });
    expect(() => assertMediatorMayAct(state, MEDIATOR)).toThrow(Forbidden);
    expect(() => assertMediatorMayAct(state, MEDIATOR)).toThrow('declaration_required');
  });

  it('does not reveal the case to a conflicted or unknown mediator', () => {
    expect(() =>
      assertMediatorMayAct(readyCase({ mediators: [assignedMediator({ conflicted: true })] }), MEDIATOR),
    ).toThrow(NotFound);
    expect(() => assertMediatorMayAct(readyCase(), 'someone-else')).toThrow(NotFound);
  });

  it('takes one declaration from a proposed mediator', () => {
    expect(() =>
      assertMediatorMayDeclare(readyCase({ mediators: [assignedMediator({ declared: false })] }), MEDIATOR),
    ).not.toThrow();
    expect(() => assertMediatorMayDeclare(readyCase(), MEDIATOR)).toThrow(Conflict);
    expect(() => assertMediatorMayDeclare(readyCase(), 'someone-else')).toThrow(NotFound);
  });
});

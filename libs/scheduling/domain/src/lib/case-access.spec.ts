import { assignedMediator, readyCase } from '../test/case-fixtures';
import { caseStandingOf, participantDisclosureFor } from './case-access';

const state = readyCase({
  mediators: [
    assignedMediator(),
    assignedMediator({ mediatorId: 'proposed', declared: false }),
    assignedMediator({ mediatorId: 'gone', conflicted: true }),
  ],
});
const partner = state.partnerId as string;

describe('who stands where to a case (need to know)', () => {
  it.each([
    ['the partner admin', { sub: 'a', role: 'partner_admin', org: partner }, 'partner_admin'],
    ['an assigned mediator', { sub: 'mediator-sub-1', role: 'mediator', org: partner }, 'assigned'],
    ['a proposed mediator', { sub: 'proposed', role: 'mediator', org: partner }, 'proposed'],
    ['a conflicted mediator', { sub: 'gone', role: 'mediator', org: partner }, null],
    ['a mediator of the partner not on the case', { sub: 'other', role: 'mediator', org: partner }, null],
    [
      "the assigned mediator's sub under another org",
      { sub: 'mediator-sub-1', role: 'mediator', org: 'elsewhere' },
      null,
    ],
    ['another partner admin', { sub: 'a', role: 'partner_admin', org: 'elsewhere' }, null],
    ['a prosecutor', { sub: 'p', role: 'prosecutor', org: partner }, null],
    ['an auditor', { sub: 'x', role: 'auditor', org: null }, null],
  ] as const)('%s → %s', (_who, viewer, standing) => {
    expect(caseStandingOf(state, viewer)).toBe(standing);
  });
});

describe('participantDisclosureFor', () => {
  it('gives a proposed mediator the parties\u2019 names and roles only, everyone else with a standing the full case', () => {
    expect(participantDisclosureFor('proposed')).toBe('names_and_roles');
    expect(participantDisclosureFor('assigned')).toBe('full');
    expect(participantDisclosureFor('partner_admin')).toBe('full');
  });
});

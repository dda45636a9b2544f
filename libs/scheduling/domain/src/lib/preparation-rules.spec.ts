import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { HARMED, readyCase, RESPONSIBLE } from '../test/case-fixtures';
import { assertAcknowledgementAllowed, assertParticipantRecordable, holdNeeded } from './preparation-rules';

describe('preparation rules', () => {
  it('records nothing more on a concluded case', () => {
    expect(() => assertParticipantRecordable(readyCase({ status: 'concluded' }), HARMED)).toThrow(RuleViolation);
  });

  it('still records on a case on hold, where a reassessment decides the way on', () => {
    expect(
      assertParticipantRecordable(readyCase({ status: 'on_hold', holdReason: 'risk_stop' }), HARMED).participantId,
    ).toBe(HARMED);
  });

  it('refuses a participant who is not on the case as invalid input', () => {
    expect(() => assertParticipantRecordable(readyCase(), '0190a000-0000-7000-8000-000000000999')).toThrow(
      InvalidInput,
    );
  });

  it('lets only the person responsible acknowledge the basic facts', () => {
    const state = readyCase();
    expect(() => assertAcknowledgementAllowed(assertParticipantRecordable(state, HARMED))).toThrow(
      'only the person responsible',
    );
    expect(() => assertAcknowledgementAllowed(assertParticipantRecordable(state, RESPONSIBLE))).not.toThrow();
  });

  it.each([
    ['open', null, 'participation_withdrawn', true],
    ['open', null, 'risk_stop', true],
    ['on_hold', 'participation_withdrawn', 'participation_withdrawn', false],
    ['on_hold', 'participation_withdrawn', 'risk_stop', true],
    ['on_hold', 'risk_stop', 'participation_withdrawn', false],
    ['on_hold', 'risk_stop', 'risk_stop', false],
    ['concluded', null, 'risk_stop', false],
  ] as const)('announces a hold on a %s case (held for %s) for %s: %s', (status, holdReason, reason, expected) => {
    expect(holdNeeded(readyCase({ status, holdReason }), reason)).toBe(expected);
  });
});

import { everyPartyConsented, hasConsented, type LatestConsent } from './consent-state';

const consent = (participantId: string, decision: string, byGuardian = false): LatestConsent => ({
  participantId,
  purpose: 'receive_outcome',
  byGuardian,
  decision,
});

describe('hasConsented', () => {
  it.each([
    ['own consent given', [consent('a', 'given')], true],
    ['own consent withdrawn', [consent('a', 'withdrawn')], false],
    ['declined', [consent('a', 'declined')], false],
    ['nothing recorded', [], false],
    ['a minor with the guardian agreeing', [consent('a', 'given'), consent('a', 'given', true)], true],
    ['a minor whose guardian withdrew', [consent('a', 'given'), consent('a', 'withdrawn', true)], false],
    ["only the guardian's consent", [consent('a', 'given', true)], false],
  ])('%s → %s', (_name, consents, expected) => {
    expect(hasConsented(consents, 'a', 'receive_outcome')).toBe(expected);
  });

  it('looks only at the purpose asked about', () => {
    expect(hasConsented([{ ...consent('a', 'given'), purpose: 'participation' }], 'a', 'receive_outcome')).toBe(false);
  });
});

describe('everyPartyConsented', () => {
  it('needs every party, and at least one', () => {
    expect(everyPartyConsented([consent('a', 'given'), consent('b', 'given')], ['a', 'b'], 'receive_outcome')).toBe(
      true,
    );
    expect(everyPartyConsented([consent('a', 'given')], ['a', 'b'], 'receive_outcome')).toBe(false);
    expect(everyPartyConsented([], [], 'receive_outcome')).toBe(false);
  });
});

import { riskEffect } from './risk-rules';

describe('risk effects (product.md, Safety first)', () => {
  it('puts the case on hold on stop, cancels every session and leaves only conclusion', () => {
    expect(riskEffect('stop')).toMatchObject({
      putOnHold: true,
      holdReason: 'risk_stop',
      onlyConclusionRemains: true,
      jointDialogueAllowed: false,
    });
    expect(riskEffect('stop').cancelSessionKinds).toEqual(
      expect.arrayContaining(['preparation', 'joint_dialogue', 'indirect_dialogue', 'follow_up']),
    );
  });

  it('forbids only a joint meeting on indirect_only', () => {
    expect(riskEffect('indirect_only')).toEqual({
      putOnHold: false,
      holdReason: null,
      cancelSessionKinds: ['joint_dialogue'],
      jointDialogueAllowed: false,
      onlyConclusionRemains: false,
    });
  });

  it('changes nothing on proceed', () => {
    expect(riskEffect('proceed')).toMatchObject({
      putOnHold: false,
      cancelSessionKinds: [],
      jointDialogueAllowed: true,
    });
  });
});

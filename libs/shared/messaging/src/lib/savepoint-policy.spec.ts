import { SavepointPolicy } from './savepoint-policy';

describe('SavepointPolicy', () => {
  it('tries every run without savepoints until a run of several events throws', () => {
    const policy = new SavepointPolicy(2);
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(true);
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(true);
  });

  it("gives that topic's next runs of several events savepoints, as many as it was told", () => {
    const policy = new SavepointPolicy(2);
    policy.threw('rj.matching.v1');
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(false);
    // A run of one event goes without all the same, and does not count.
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 1)).toBe(true);
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(false);
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(true);
  });

  it("leaves the other topics' runs without savepoints (issue 15: offers parked on the matching topic)", () => {
    const policy = new SavepointPolicy(2);
    policy.threw('rj.matching.v1');
    expect(policy.tryWithoutSavepoints('rj.referral.v1', 5)).toBe(true);
    expect(policy.tryWithoutSavepoints('rj.matching.v1', 5)).toBe(false);
  });
});

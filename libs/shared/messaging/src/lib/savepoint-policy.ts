/** After a run without savepoints had to be done again, this many runs of its topic go with them from the start. */
const RUNS_WITH_SAVEPOINTS_AFTER_A_THROW = 20;

/**
 * Whether a consumer tries a run without a savepoint per event first (applyEventsWithoutSavepoints).
 * Most runs have no handler that throws and go without. When one does throw (a prerequisite that
 * has not arrived is the common case), the next runs of several events on that topic take
 * savepoints from the start, since such events come together on their topic: in a catch-up,
 * outcome-tracking's offers run ahead of their referrals on the matching topic, while the referral
 * topic's runs never park (issue 15). Counted per topic, so those runs do not pay for the others.
 * A run of one event always goes without: if it throws, doing it again costs about what its
 * savepoint would have.
 */
export class SavepointPolicy {
  private readonly runsWithSavepointsLeft = new Map<string, number>();

  constructor(private readonly runsAfterAThrow = RUNS_WITH_SAVEPOINTS_AFTER_A_THROW) {}

  tryWithoutSavepoints(topic: string, events: number): boolean {
    if (events === 1) return true;
    const left = this.runsWithSavepointsLeft.get(topic) ?? 0;
    if (left === 0) return true;
    if (left === 1) this.runsWithSavepointsLeft.delete(topic);
    else this.runsWithSavepointsLeft.set(topic, left - 1);
    return false;
  }

  /** A run of several events on the topic had to be done again with savepoints. */
  threw(topic: string): void {
    this.runsWithSavepointsLeft.set(topic, this.runsAfterAThrow);
  }
}

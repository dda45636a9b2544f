/** How many personal-data reads one actor made: in the recent window, and per window before it. */
export interface ReadVolume {
  actor: string;
  role: string;
  org: string | null;
  recent: number;
  /** Reads in the baseline period (several windows' length, just before the recent one). */
  baseline: number;
}

export interface UnusualReads {
  actor: string;
  role: string;
  org: string | null;
  recent: number;
  /** The actor's usual volume per window (baseline reads divided by the number of windows). */
  usual: number;
  /** recent ÷ usual; null when the actor had no reads before (a first-time reader). */
  ratio: number | null;
}

export interface UnusualReadsRule {
  /** How many windows of the same length the baseline spans. */
  baselineWindows: number;
  /** Reads at least this many times the usual are unusual. */
  factor: number;
  /** Below this many recent reads nothing is unusual (a handful of reads is ordinary work). */
  minimumRecent: number;
}

export const DEFAULT_UNUSUAL_READS_RULE: UnusualReadsRule = { baselineWindows: 4, factor: 3, minimumRecent: 10 };

/**
 * Actors whose reads of personal data in the recent window stand out against their own usual
 * volume: at least `minimumRecent` reads, and `factor` times their average per window — or
 * any such volume from an actor who read nothing before. Most unusual first.
 */
export function unusualReads(
  volumes: readonly ReadVolume[],
  rule: UnusualReadsRule = DEFAULT_UNUSUAL_READS_RULE,
): UnusualReads[] {
  return volumes
    .filter((volume) => volume.recent >= rule.minimumRecent)
    .map((volume) => {
      const usual = Math.round((volume.baseline / rule.baselineWindows) * 10) / 10;
      return {
        actor: volume.actor,
        role: volume.role,
        org: volume.org,
        recent: volume.recent,
        usual,
        ratio: usual > 0 ? Math.round((volume.recent / usual) * 10) / 10 : null,
      };
    })
    .filter((reads) => reads.ratio === null || reads.ratio >= rule.factor)
    .sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || b.recent - a.recent);
}

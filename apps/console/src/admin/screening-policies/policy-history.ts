import type { ScreeningPolicyView } from '../api-shapes';
import { policyChanges } from './policy-form';

export interface HistoryRow {
  version: number;
  createdAt?: string;
  /** Saved by the administrator reading the page (the service names admins by account id only). */
  byYou: boolean;
  changes: string[];
  current: boolean;
}

/**
 * The history table: the stored versions newest first, each with what it changed from the one
 * before — version 1 from the built-in policy (version 0) it replaced, when that is listed. When
 * the version before is not among those fetched, its changes are not guessed.
 */
export function historyRows(versions: readonly ScreeningPolicyView[], readerSub?: string): HistoryRow[] {
  const ascending = [...versions].sort((a, b) => a.version - b.version);
  const stored = ascending.filter((one) => one.version > 0);
  const latest = stored[stored.length - 1]?.version;
  return stored
    .map((version) => {
      const before = ascending.find((one) => one.version === version.version - 1);
      return {
        version: version.version,
        createdAt: version.createdAt,
        byYou: readerSub !== undefined && version.createdBy === readerSub,
        changes: changesOf(before, version),
        current: version.version === latest,
      };
    })
    .reverse();
}

function changesOf(before: ScreeningPolicyView | undefined, version: ScreeningPolicyView): string[] {
  if (version.version === 1)
    return before
      ? [
          'First version of its own, replacing the built-in policy.',
          ...policyChanges(before, version).filter((change) => change !== 'No change to the rules.'),
        ]
      : ['First version of its own.'];
  return before ? policyChanges(before, version) : ['Changes not shown: the version before is not listed here.'];
}

import type { ConsentDecision, ConsentPurpose, InformedResult } from '@rj/shared/contracts';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  /** When recorded; records without it keep their order in the list. */
  recordedAt?: string;
}

/**
 * Whether the person harmed is told if the terms were completed (product.md step 8; R15): only
 * if they asked to be, i.e. their latest `receive_outcome` decision is `given`. A later
 * withdrawal wins over an earlier consent — consent is withdrawable at any time (R2).
 */
export function shouldInformHarmedParty(consents: readonly ConsentRecord[]): boolean {
  const decisions = consents
    .map((consent, index) => ({ consent, index }))
    .filter(({ consent }) => consent.purpose === 'receive_outcome')
    .sort((a, b) => {
      const [x, y] = [Date.parse(a.consent.recordedAt ?? ''), Date.parse(b.consent.recordedAt ?? '')];
      return Number.isNaN(x) || Number.isNaN(y) || x === y ? a.index - b.index : x - y;
    });
  return decisions.at(-1)?.consent.decision === 'given';
}

/**
 * What a person harmed who asked is told about a case, from the case's end as outcome-tracking
 * keeps it: completed, or returned because the terms were not kept. Any other end (no agreement,
 * withdrawn, still running) has no agreement outcome to tell, so nothing.
 */
export function informedResultOf(kase: { status: string; returnReason?: string | null }): InformedResult | null {
  if (kase.status === 'completed') return 'completed';
  if (kase.status === 'returned' && kase.returnReason === 'agreement_not_completed') return 'not_completed';
  return null;
}

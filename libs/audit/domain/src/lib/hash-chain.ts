import { hash } from 'node:crypto';

/** prevHash of the first ledger entry: 32 zero bytes, as 64 hex digits. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * One link of the ledger's chain (architecture.md, Audit ledger):
 *
 *   hash = lowercase hex of SHA-256( ASCII(prevHash) || UTF-8(canonical) )
 *
 * where ASCII(prevHash) is the 64 lowercase hex characters of the previous entry's hash (64
 * bytes, not the 32 raw bytes) and canonical is the entry's canonical JSON (canonical-json.ts).
 * No separator is needed: prevHash has a fixed length. Hashing the hex text rather than raw
 * bytes lets any auditor recompute a link with `printf '%s%s' "$prev" "$json" | sha256sum`.
 *
 * Computed as one-shot `crypto.hash` over the concatenated string: hex is ASCII, so its UTF-8
 * bytes are the layout above, and the one-shot call is about 3× faster than a Hash object.
 */
export function chainHash(prevHash: string, canonical: string): string {
  return hash('sha256', prevHash + canonical, 'hex');
}

export interface ChainEntry {
  sequence: number;
  canonical: string;
  prevHash: string;
  hash: string;
  /**
   * Whether the row's indexed columns (type, referral, time) agree with its canonical event,
   * when the reader checked (the database does, LEDGER_COLUMNS_MATCH); false breaks the chain.
   */
  columnsMatch?: boolean;
}

/** A point the chain is known to pass through: a signed checkpoint, or the genesis. */
export interface ChainPoint {
  sequence: number;
  hash: string;
}

/** Before the first entry: sequences start at 1 and link to the genesis hash. */
export const GENESIS_POINT: ChainPoint = { sequence: 0, hash: GENESIS_HASH };

export interface ChainVerification {
  ok: boolean;
  /** Entries verified as intact before the first break (all of them when ok). */
  checked: number;
  /** The first sequence at which the ledger no longer matches the chain. */
  firstBrokenSequence?: number;
}

import type { LedgerRow } from '@rj/audit/domain';
import type { EventEnvelope } from '@rj/shared/contracts';

/** An entry in the JSON answers: ledger metadata and the envelope exactly as stored (ciphertext stays ciphertext). */
export type LedgerItem = Omit<LedgerRow, 'sequence' | 'canonical'> & {
  sequence: number;
  event: EventEnvelope;
};

export function ledgerItem(row: LedgerRow): LedgerItem {
  const { canonical, sequence, ...rest } = row;
  return { sequence: Number(sequence), ...rest, event: JSON.parse(canonical) as EventEnvelope };
}

import type { LedgerRow } from '@rj/audit/domain';
import type { EventEnvelope } from '@rj/shared/contracts';

/** An entry in the JSON answers: ledger metadata and the envelope exactly as stored (ciphertext stays ciphertext). */
export interface LedgerItem {
  sequence: number;
  eventId: string;
  topic: string;
  partition: number | null;
  offset: string | null;
  eventType: string;
  aggregateId: string;
  referralId: string | null;
  occurredAt: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
  event: EventEnvelope;
}

export function ledgerItem(row: LedgerRow): LedgerItem {
  const { canonical, sequence, ...rest } = row;
  return { sequence: Number(sequence), ...rest, event: JSON.parse(canonical) as EventEnvelope };
}

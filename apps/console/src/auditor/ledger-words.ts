import { describeCode } from '../messages/describe';
import type { LedgerActor, LedgerItem } from './api-shapes';

/** Reads of personal data and of the ledger itself: shown apart from what happened to the case. */
export const ACCESS_EVENT_TYPES: readonly string[] = ['personal_data.read', 'audit.read'];

export interface EventLine {
  sequence: number;
  type: string;
  sentence: string;
  actor: string;
  occurredAt: string;
  recordedAt: string;
  referralId: string | null;
  hash: string;
  prevHash: string;
  access: boolean;
}

/** Who acted, in words: `Prosecutor prosecutor-1 (organisation 0b9d…)`, or the platform itself. */
export function actorInWords(actor: LedgerActor | undefined): string {
  if (!actor) return 'Unknown';
  if (actor.role === 'service') return `The platform (${actor.sub.replace(/^system:/, '')})`;
  const organisation = actor.org ? `, organisation ${actor.org}` : '';
  return `${describeCode('role', actor.role)} ${actor.sub}${organisation}`;
}

/** One ledger entry as a line an auditor reads: what happened, who did it, and its place in the chain. */
export function eventLine(item: LedgerItem): EventLine {
  return {
    sequence: item.sequence,
    type: item.eventType,
    sentence: describeCode('eventType', item.eventType),
    actor: actorInWords(item.event?.actor),
    occurredAt: item.occurredAt,
    recordedAt: item.recordedAt,
    referralId: item.referralId,
    hash: item.hash,
    prevHash: item.prevHash,
    access: ACCESS_EVENT_TYPES.includes(item.eventType),
  };
}

/** A timeline in two parts: the case's story, and who looked at it. */
export function splitAccess(lines: readonly EventLine[]): { story: EventLine[]; access: EventLine[] } {
  return { story: lines.filter((line) => !line.access), access: lines.filter((line) => line.access) };
}

/** What audit-ledger's API answers, as far as the auditor's pages read it. */

export interface LedgerActor {
  sub: string;
  role: string;
  org: string | null;
}

export interface LedgerItem {
  sequence: number;
  eventId: string;
  topic: string;
  eventType: string;
  aggregateId: string;
  referralId: string | null;
  occurredAt: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
  event: { type: string; actor: LedgerActor; data: unknown };
}

export interface LedgerPage {
  items: LedgerItem[];
  nextCursor: number | null;
}

export interface VerificationView {
  id: string;
  status: 'running' | 'passed' | 'failed';
  fromSequence: number;
  checked: number;
  total: number;
  ratePerSecond: number;
  secondsLeft: number | null;
  firstBrokenSequence?: number;
  error?: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface Overview {
  lastVerification: VerificationView | null;
  unusualReads: {
    windowDays: number;
    rule: { baselineWindows: number; factor: number; minimumRecent: number };
    actors: { actor: string; role: string; org: string | null; recent: number; usual: number; ratio: number | null }[];
  };
  exceptions: {
    sinceDays: number | null;
    items: {
      sequence: number;
      kind: 'disclosure' | 'screening_override' | 'erasure' | 'back_dated_session';
      eventType: string;
      referralId: string | null;
      occurredAt: string;
      actorRole: string;
    }[];
  };
  sample: { referralId: string; events: number; lastOccurredAt: string }[];
}

export interface Checkpoint {
  sequence: number;
  hash: string;
  at: string;
  signature: string;
  publicKeyId: string;
  signatureValid: boolean;
  matchesLedger: boolean;
}

export interface StateAt {
  referralId: string;
  at: string;
  eventsApplied: number;
  lastEventId: string | null;
  state: Record<string, unknown>;
}

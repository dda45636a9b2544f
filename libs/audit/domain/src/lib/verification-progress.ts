/** A verification run of the chain, as the API shows it. */
export type VerificationStatus = 'running' | 'passed' | 'failed';

export interface VerificationRecord {
  id: string;
  status: VerificationStatus;
  fromSequence: number;
  checked: number;
  total: number;
  firstBrokenSequence: number | null;
  error: string | null;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
}

export interface VerificationView {
  id: string;
  status: VerificationStatus;
  /** Where it started: 0 is the genesis, otherwise a signed checkpoint's sequence. */
  fromSequence: number;
  checked: number;
  total: number;
  ratePerSecond: number;
  /** null once finished, or before the first batch gives a rate. */
  secondsLeft: number | null;
  firstBrokenSequence?: number;
  error?: string;
  startedAt: string;
  finishedAt: string | null;
}

/** A run whose heartbeat is older than this is taken as dead (its process stopped). */
export const VERIFICATION_STALE_MS = 60_000;

/**
 * What an auditor sees of a run at `now`: the rate so far (entries per second since it
 * started, or over the whole run once finished) and the time left at that rate. A run whose
 * process died reads as failed — never as running forever.
 */
export function verificationView(record: VerificationRecord, now: Date): VerificationView {
  const stale = record.status === 'running' && now.getTime() - Date.parse(record.heartbeatAt) > VERIFICATION_STALE_MS;
  const status: VerificationStatus = stale ? 'failed' : record.status;
  const end = record.finishedAt
    ? Date.parse(record.finishedAt)
    : stale
      ? Date.parse(record.heartbeatAt)
      : now.getTime();
  const elapsedSeconds = Math.max(0.001, (end - Date.parse(record.startedAt)) / 1000);
  const ratePerSecond = record.checked > 0 ? Math.round(record.checked / elapsedSeconds) : 0;
  const remaining = Math.max(0, record.total - record.checked);
  const secondsLeft = status !== 'running' ? null : ratePerSecond > 0 ? Math.ceil(remaining / ratePerSecond) : null;
  const error = stale ? 'the verification stopped before it finished (its process ended); start another' : record.error;
  return {
    id: record.id,
    status,
    fromSequence: record.fromSequence,
    checked: record.checked,
    total: record.total,
    ratePerSecond,
    secondsLeft,
    ...(record.firstBrokenSequence !== null ? { firstBrokenSequence: record.firstBrokenSequence } : {}),
    ...(error ? { error } : {}),
    startedAt: record.startedAt,
    finishedAt: status === 'running' ? null : (record.finishedAt ?? record.heartbeatAt),
  };
}

import { postgresErrorCode } from '@rj/shared/persistence';
import type { ContactRow, RepresentativeRow, ScreeningReasonRow } from '../entities/row-types';

/** Everything a submission stores, already encrypted where it is personal. */
export interface SubmittedReferralRows {
  dataKey: { keyId: string; masterKeyId: string; wrapped: string };
  referral: {
    id: string;
    officeId: string;
    status: string;
    source: string;
    caseNumber: string;
    /**
     * The keyed blind index of the case number, written in the same statement. Intake always
     * sets it; optional only for tools that replay stored rows from before the column existed.
     */
    caseNumberIndex?: string | null;
    jurisdiction: string;
    offenseCode: string;
    offenseCategory: string;
    offenseSeverity: string;
    offenseDescription: string | null;
    incidentDate: string;
    stage: string;
    protectiveOrder: boolean;
    reportBackBy: string;
    notes: string | null;
    screeningOutcome: string;
    screeningReasons: ScreeningReasonRow[];
    screeningPolicyVersion: number;
    screeningDefaultPolicy: boolean;
    submittedBy: string;
    createdAt: string;
  };
  parties: {
    participant_id: string;
    position: number;
    role: string;
    minor: boolean;
    preferred_language: string;
    interpreter: boolean;
    full_name: string;
    date_of_birth: string | null;
    accessibility_needs: string | null;
    contact: ContactRow;
    guardian: RepresentativeRow | null;
    counsel: RepresentativeRow | null;
  }[];
  history: { status: string; at: string; cause: string; event_id: string }[];
}

/** Another write that commits with the submission: SQL whose parameters start where it was told. */
export interface AlongsideWrite {
  sql: string;
  values: unknown[];
}

export interface SubmissionStatementOptions {
  /** The advisory lock the submission holds, shared, until it commits (the bulk import takes it alone). */
  sharedLock: string;
  /** Writes committed with the rows (the outbox's, an idempotency answer's), numbered from `firstParameter`. */
  alongside: (firstParameter: number) => AlongsideWrite[];
  /** The channel NOTIFYed at commit (the outbox relay's). */
  notifyChannel: string;
}

/**
 * A whole submission as one statement, one round trip (issue 15), and so its own transaction
 * when sent outside one: the shared advisory lock, the wrapped data key, the referral, its
 * parties, its first status changes, the writes alongside (its events in the outbox) and the
 * NOTIFY that wakes the relay, delivered at commit. The referral's row is selected from the
 * lock's CTE, so Postgres holds the lock before it writes the row a bulk import may be looking
 * for, and the lock's from the context check's, so the statement also checks that the office may
 * still submit for the jurisdiction and that the policy version that screened it is still the
 * latest: if not, it fails with SUBMISSION_CONTEXT_CHANGED and nothing is written (the caller
 * may therefore prepare from a context it kept in memory). Foreign keys are checked at the end
 * of the statement, so the referral may reference the data key inserted beside it. A case number the office already referred fails the statement
 * on the unique index (referral_office_case_number_uq) and nothing is written.
 */
export function submissionStatement(
  rows: SubmittedReferralRows,
  { sharedLock, alongside, notifyChannel }: SubmissionStatementOptions,
): { sql: string; parameters: unknown[] } {
  const parameters = submittedReferralParameters(rows);
  parameters.push(sharedLock, notifyChannel);
  const [lock, channel] = [parameters.length - 1, parameters.length];
  const writes = alongside(parameters.length + 1).map((write, i) => {
    parameters.push(...write.values);
    return `, alongside_${i} as (${write.sql})`;
  });
  const sql = `
with context_check as (
  select check_submission_context($5, $9, $21)
), submissions_lock as (
  select pg_advisory_xact_lock_shared(hashtext($${lock})) from context_check
), data_key_row as (
  insert into data_key (key_id, referral_id, master_key_id, wrapped, created_at) values ($1, $2, $3, $4, $22)
), referral_row as (
  insert into referral (id, office_id, data_key_id, status, source, case_number, jurisdiction, offense_code, offense_category,
    offense_severity, offense_description, incident_date, stage, protective_order, report_back_by, notes, screening_outcome,
    screening_reasons, screening_policy_version, screening_default_policy, submitted_by, created_at, updated_at, case_number_index)
  select $2, $5, $1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $23, $24, $22, $22, $27
  from submissions_lock
), party_rows as (
  insert into party (participant_id, referral_id, position, role, minor, preferred_language, interpreter, full_name, date_of_birth,
    accessibility_needs, contact, guardian, counsel)
  select p.participant_id, $2, p.position, p.role, p.minor, p.preferred_language, p.interpreter, p.full_name, p.date_of_birth,
    p.accessibility_needs, p.contact, p.guardian, p.counsel
  from jsonb_to_recordset($25::jsonb) as p(participant_id uuid, position smallint, role text, minor boolean, preferred_language text,
    interpreter boolean, full_name text, date_of_birth text, accessibility_needs text, contact jsonb, guardian jsonb, counsel jsonb)
), status_change_rows as (
  insert into referral_status_change (referral_id, status, at, cause, event_id)
  select $2, h.status, h.at, h.cause, h.event_id
  from jsonb_to_recordset($26::jsonb) as h(status text, at timestamptz, cause text, event_id uuid)
)${writes.join('')}
select pg_notify($${channel}, '')`;
  return { sql, parameters };
}

/** SQLSTATE of check_submission_context: the office's jurisdictions or the policy changed since preparing. */
export const SUBMISSION_CONTEXT_CHANGED = 'RJC01';

export function isSubmissionContextChanged(error: unknown): boolean {
  return postgresErrorCode(error) === SUBMISSION_CONTEXT_CHANGED;
}

export function submittedReferralParameters({
  dataKey,
  referral: r,
  parties,
  history,
}: SubmittedReferralRows): unknown[] {
  return [
    dataKey.keyId,
    r.id,
    dataKey.masterKeyId,
    dataKey.wrapped,
    r.officeId,
    r.status,
    r.source,
    r.caseNumber,
    r.jurisdiction,
    r.offenseCode,
    r.offenseCategory,
    r.offenseSeverity,
    r.offenseDescription,
    r.incidentDate,
    r.stage,
    r.protectiveOrder,
    r.reportBackBy,
    r.notes,
    r.screeningOutcome,
    JSON.stringify(r.screeningReasons),
    r.screeningPolicyVersion,
    r.createdAt,
    r.screeningDefaultPolicy,
    r.submittedBy,
    JSON.stringify(parties),
    JSON.stringify(history),
    r.caseNumberIndex ?? null,
  ];
}

import type { SubmittedReferralRows } from '@rj/referral/data-access';

/**
 * The ceiling's statements, frozen (issue 15): the one-statement insert of a submission (data
 * key, referral, parties, status changes) as the service sent it on 2026-12-06, before it folded
 * its lock, outbox and NOTIFY into one statement. pgbench runs these however the service's own
 * SQL changes, so the ratio compares the service with the same fixed ceiling run after run.
 */
export const FROZEN_INSERT_SQL = `
with data_key_row as (
  insert into data_key (key_id, referral_id, master_key_id, wrapped, created_at) values ($1, $2, $3, $4, $22)
), referral_row as (
  insert into referral (id, office_id, data_key_id, status, source, case_number, jurisdiction, offense_code, offense_category,
    offense_severity, offense_description, incident_date, stage, protective_order, report_back_by, notes, screening_outcome,
    screening_reasons, screening_policy_version, screening_default_policy, submitted_by, created_at, updated_at, case_number_index)
  values ($2, $5, $1, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $23, $24, $22, $22, $27)
), party_rows as (
  insert into party (participant_id, referral_id, position, role, minor, preferred_language, interpreter, full_name, date_of_birth,
    accessibility_needs, contact, guardian, counsel)
  select p.participant_id, $2, p.position, p.role, p.minor, p.preferred_language, p.interpreter, p.full_name, p.date_of_birth,
    p.accessibility_needs, p.contact, p.guardian, p.counsel
  from jsonb_to_recordset($25::jsonb) as p(participant_id uuid, position smallint, role text, minor boolean, preferred_language text,
    interpreter boolean, full_name text, date_of_birth text, accessibility_needs text, contact jsonb, guardian jsonb, counsel jsonb)
)
insert into referral_status_change (referral_id, status, at, cause, event_id)
select $2, h.status, h.at, h.cause, h.event_id
from jsonb_to_recordset($26::jsonb) as h(status text, at timestamptz, cause text, event_id uuid)`;

export function frozenInsertParameters({ dataKey, referral: r, parties, history }: SubmittedReferralRows): unknown[] {
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

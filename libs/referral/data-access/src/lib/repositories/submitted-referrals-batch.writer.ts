import type { EntityManager } from 'typeorm';
import type { SubmittedReferralRows } from './submitted-referral.writer';

/**
 * Many submissions in one statement, one round trip (the bulk import writes hundreds at a
 * time): the same rows as a single submissionStatement, each table fed from a JSON array.
 * Foreign keys are checked at the end of the statement, as there.
 */
export const INSERT_SUBMITTED_REFERRALS_SQL = `
with data_key_rows as (
  insert into data_key (key_id, referral_id, master_key_id, wrapped, created_at)
  select k.key_id, k.referral_id, k.master_key_id, k.wrapped, k.created_at
  from jsonb_to_recordset($1::jsonb) as k(key_id uuid, referral_id uuid, master_key_id text, wrapped text, created_at timestamptz)
), referral_rows as (
  insert into referral (id, office_id, data_key_id, status, source, case_number, jurisdiction, offense_code, offense_category,
    offense_severity, offense_description, incident_date, stage, protective_order, report_back_by, notes, screening_outcome,
    screening_reasons, screening_policy_version, screening_default_policy, submitted_by, created_at, updated_at, case_number_index)
  select r.id, r.office_id, r.data_key_id, r.status, r.source, r.case_number, r.jurisdiction, r.offense_code, r.offense_category,
    r.offense_severity, r.offense_description, r.incident_date, r.stage, r.protective_order, r.report_back_by, r.notes, r.screening_outcome,
    r.screening_reasons, r.screening_policy_version, r.screening_default_policy, r.submitted_by, r.created_at, r.created_at, r.case_number_index
  from jsonb_to_recordset($2::jsonb) as r(id uuid, office_id uuid, data_key_id uuid, status text, source text, case_number text,
    jurisdiction text, offense_code text, offense_category text, offense_severity text, offense_description text, incident_date date,
    stage text, protective_order boolean, report_back_by date, notes text, screening_outcome text, screening_reasons jsonb,
    screening_policy_version integer, screening_default_policy boolean, submitted_by text, created_at timestamptz, case_number_index text)
), party_rows as (
  insert into party (participant_id, referral_id, position, role, minor, preferred_language, interpreter, full_name, date_of_birth,
    accessibility_needs, contact, guardian, counsel)
  select p.participant_id, p.referral_id, p.position, p.role, p.minor, p.preferred_language, p.interpreter, p.full_name, p.date_of_birth,
    p.accessibility_needs, p.contact, p.guardian, p.counsel
  from jsonb_to_recordset($3::jsonb) as p(participant_id uuid, referral_id uuid, position smallint, role text, minor boolean,
    preferred_language text, interpreter boolean, full_name text, date_of_birth text, accessibility_needs text, contact jsonb, guardian jsonb, counsel jsonb)
)
insert into referral_status_change (referral_id, status, at, cause, event_id)
select h.referral_id, h.status, h.at, h.cause, h.event_id
from jsonb_to_recordset($4::jsonb) as h(referral_id uuid, status text, at timestamptz, cause text, event_id uuid)`;

export async function insertSubmittedReferrals(
  manager: EntityManager,
  submissions: readonly SubmittedReferralRows[],
): Promise<void> {
  if (submissions.length === 0) return;
  const keys = submissions.map(({ dataKey, referral }) => ({
    key_id: dataKey.keyId,
    referral_id: referral.id,
    master_key_id: dataKey.masterKeyId,
    wrapped: dataKey.wrapped,
    created_at: referral.createdAt,
  }));
  const referrals = submissions.map(({ dataKey, referral: r }) => ({
    id: r.id,
    office_id: r.officeId,
    data_key_id: dataKey.keyId,
    status: r.status,
    source: r.source,
    case_number: r.caseNumber,
    jurisdiction: r.jurisdiction,
    offense_code: r.offenseCode,
    offense_category: r.offenseCategory,
    offense_severity: r.offenseSeverity,
    offense_description: r.offenseDescription,
    incident_date: r.incidentDate,
    stage: r.stage,
    protective_order: r.protectiveOrder,
    report_back_by: r.reportBackBy,
    notes: r.notes,
    screening_outcome: r.screeningOutcome,
    screening_reasons: r.screeningReasons,
    screening_policy_version: r.screeningPolicyVersion,
    screening_default_policy: r.screeningDefaultPolicy,
    submitted_by: r.submittedBy,
    created_at: r.createdAt,
    case_number_index: r.caseNumberIndex ?? null,
  }));
  const parties = submissions.flatMap(({ referral, parties: list }) =>
    list.map((party) => ({ ...party, referral_id: referral.id })),
  );
  const history = submissions.flatMap(({ referral, history: list }) =>
    list.map((change) => ({ ...change, referral_id: referral.id })),
  );
  await manager.query(INSERT_SUBMITTED_REFERRALS_SQL, [
    JSON.stringify(keys),
    JSON.stringify(referrals),
    JSON.stringify(parties),
    JSON.stringify(history),
  ]);
}

import type { DataSource } from 'typeorm';

/** The 20 partners the referrals go to, as ids the API accepts in a `partnerId` filter. */
export const seededPartnerId = (n: number) => `0190c0de-0000-7000-9000-${String(n).padStart(12, '0')}`;
const PARTNER_OF_N = `('0190c0de-0000-7000-9000-' || lpad((n % 20)::text, 12, '0'))::uuid`;

/**
 * An office's outcome history in outcome-tracking's own tables, written by Postgres itself
 * (generate_series) so 100,000 referrals take seconds: two parties each with their consent, an
 * offer each, and for a share of them a case, an agreement with a term, and a follow-up — every
 * table /api/metrics reads holds rows in proportion to the referrals.
 */
export async function seedOutcomeHistory(dataSource: DataSource, officeId: string, referrals: number): Promise<void> {
  const q = (sql: string) => dataSource.query(sql, [officeId, referrals]);
  await q(`insert into referral (id, office_id, jurisdiction, source, data_key_id, submitted_at, status, partner_id, accepted_at, first_contact_at, first_dialogue_at)
    select md5('r' || n)::uuid, $1, case when n % 3 = 0 then 'NL-ZH' else 'NL-NH' end, case when n % 4 = 0 then 'court' else 'prosecutor' end, gen_random_uuid(),
      timestamptz '2026-01-01' + (n % 300 || ' days')::interval, case when n % 5 < 3 then 'in_case' else 'submitted' end,
      case when n % 5 < 3 then ${PARTNER_OF_N} end,
      case when n % 5 < 3 then timestamptz '2026-01-03' + (n % 300 || ' days')::interval end,
      case when n % 5 < 3 then timestamptz '2026-01-05' + (n % 300 || ' days')::interval end,
      case when n % 5 < 2 then timestamptz '2026-01-20' + (n % 300 || ' days')::interval end
    from generate_series(1, $2::int) as n`);
  await q(`insert into participant (id, referral_id, role, email, position)
    select md5('p' || n || '-' || pos)::uuid, md5('r' || n)::uuid, case when pos = 0 then 'harmed' else 'responsible' end, null, pos
    from generate_series(1, $2::int) as n, generate_series(0, 1) as pos where $1::uuid is not null`);
  await q(`insert into consent (participant_id, purpose, by_guardian, referral_id, decision, ever_given, recorded_at)
    select md5('p' || n || '-' || pos)::uuid, 'participation', false, md5('r' || n)::uuid, 'given', true, timestamptz '2026-01-10'
    from generate_series(1, $2::int) as n, generate_series(0, 1) as pos where n % 5 < 3 and $1::uuid is not null`);
  await q(`insert into offer (id, referral_id, partner_id, made_at, answer, answered_at)
    select md5('o' || n)::uuid, md5('r' || n)::uuid, ${PARTNER_OF_N}, timestamptz '2026-01-02' + (n % 300 || ' days')::interval,
      case when n % 5 < 3 then 'accepted' else 'declined' end, timestamptz '2026-01-03' + (n % 300 || ' days')::interval
    from generate_series(1, $2::int) as n where $1::uuid is not null`);
  await q(`insert into "case" (id, referral_id, partner_id, status, dialogue_held, agreement_reached, conclusion_reason)
    select md5('c' || n)::uuid, md5('r' || n)::uuid, ${PARTNER_OF_N}, case when n % 5 < 2 then 'completed' else 'open' end,
      n % 5 < 2, case when n % 5 < 2 then true end, null
    from generate_series(1, $2::int) as n where n % 5 < 3 and $1::uuid is not null`);
  await q(`insert into agreement (id, case_id, referral_id, recorded_at, consented_by)
    select md5('a' || n)::uuid, md5('c' || n)::uuid, md5('r' || n)::uuid, timestamptz '2026-02-01', '{}'
    from generate_series(1, $2::int) as n where n % 5 < 2 and $1::uuid is not null`);
  await q(`insert into term (id, agreement_id, position, kind, due_by, hours_hundredths, hours_done_hundredths, fulfilled)
    select md5('t' || n)::uuid, md5('a' || n)::uuid, 0, 'community_service', date '2026-06-30', 1000, 1000, true
    from generate_series(1, $2::int) as n where n % 5 < 2 and $1::uuid is not null`);
  await q(`insert into follow_up (id, case_id, referral_id, office_id, months_after, due_on, status, reoffended)
    select md5('f' || n)::uuid, md5('c' || n)::uuid, md5('r' || n)::uuid, $1, 6, date '2026-08-01', 'recorded', n % 10 = 0
    from generate_series(1, $2::int) as n where n % 5 < 2`);
  await dataSource.query('analyze');
}

import {
  computeOutcomeFigures,
  outcomeFiguresFromTallies,
  scopeFacts,
  type MetricsFilter,
  type MiddleValues,
  type ReferralFacts,
} from '@rj/outcome/domain';
import { loadReferralFacts, OUTCOME_DATABASE, outcomeTallies } from '@rj/outcome/data-access';
import { createScratchDatabase, type ScratchDatabase } from '@rj/shared/testing';

/**
 * Issue 15: /api/metrics counts in Postgres (outcomeTallies) instead of loading an office's
 * history into fact records. The figures must stay the ones METRIC_DEFINITIONS compute from
 * those records: on a varied history (parties without consent or consenting through a
 * guardian, offers never made or expired, several currencies, dropped and unanswered
 * follow-ups, ties and even counts in the medians, sub-millisecond timestamps), both ways give
 * the same figures, unsuppressed, for every scope the API can ask for.
 */
const OFFICE = '0190c0de-0000-7000-8000-00000000000a';
const OTHER_OFFICE = '0190c0de-0000-7000-8000-00000000000b';
const partner = (k: number) => `0190c0de-0000-7000-9000-00000000000${k}`;
const PARTNER_OF_N = `('0190c0de-0000-7000-9000-00000000000' || (n % 3))::uuid`;

async function seedVariedHistory(db: ScratchDatabase['dataSource'], referrals: number): Promise<void> {
  const q = (sql: string) => db.query(sql, [referrals]);
  await q(`insert into referral (id, office_id, jurisdiction, source, data_key_id, submitted_at, status, partner_id, accepted_at, first_contact_at, first_dialogue_at)
    select md5('r' || n)::uuid, case when n % 7 = 0 then '${OTHER_OFFICE}'::uuid else '${OFFICE}'::uuid end,
      (array['NL-ZH', 'NL-NH', 'BE-VAN'])[1 + n % 3], (array['prosecutor', 'police', 'court', 'probation', 'victim_request'])[1 + n % 5],
      gen_random_uuid(), timestamptz '2026-01-01' + n * interval '97 minutes' + (n % 1000) * interval '1.37 milliseconds',
      (array['submitted', 'matching', 'offered', 'assigned', 'in_progress', 'completed', 'returned', 'withdrawn'])[1 + n % 8],
      case when n % 4 <> 0 then ${PARTNER_OF_N} end,
      case when n % 4 <> 0 then timestamptz '2026-01-01' + n * interval '97 minutes' + (n % 13) * interval '1 day' end,
      case when n % 6 <> 0 then timestamptz '2026-01-01' + n * interval '97 minutes' + (n % 11) * interval '7 hours' + interval '0.3 ms' end,
      case when n % 3 <> 0 and n % 4 <> 0 then timestamptz '2026-01-01' + n * interval '97 minutes' + ((n * 7919) % 9973) * interval '7 minutes' end
    from generate_series(1, $1::int) as n`);
  await q(`insert into participant (id, referral_id, role, position)
    select md5('p' || n || '-' || pos)::uuid, md5('r' || n)::uuid, case when pos = 0 then 'harmed' else 'responsible' end, pos
    from generate_series(1, $1::int) as n, generate_series(0, 2) as pos where pos < n % 4`);
  await q(`insert into consent (participant_id, purpose, by_guardian, referral_id, decision, ever_given, recorded_at)
    select md5('p' || n || '-' || pos)::uuid, case when (n + pos) % 9 = 0 then 'feedback' else 'participation' end, n % 10 = 0,
      md5('r' || n)::uuid, 'given', (n + pos) % 5 <> 0, timestamptz '2026-02-01'
    from generate_series(1, $1::int) as n, generate_series(0, 2) as pos where pos < n % 4 and (n + pos) % 6 <> 0`);
  // A guardian's consent alone is not the party's own: these parties stay unconsented.
  await q(`insert into consent (participant_id, purpose, by_guardian, referral_id, decision, ever_given, recorded_at)
    select md5('p' || n || '-' || pos)::uuid, 'participation', true, md5('r' || n)::uuid, 'given', true, timestamptz '2026-02-01'
    from generate_series(1, $1::int) as n, generate_series(0, 2) as pos where pos < n % 4 and (n + pos) % 6 = 0 and n % 2 = 0`);
  await q(`insert into offer (id, referral_id, partner_id, made_at, answer, answered_at, decline_reason)
    select md5('o' || n || '-' || k)::uuid, md5('r' || n)::uuid, ('0190c0de-0000-7000-9000-00000000000' || ((n + k) % 3))::uuid,
      case when (n + k) % 10 <> 0 then timestamptz '2026-01-01' + n * interval '97 minutes' + interval '1 hour' end,
      (array['accepted', 'declined', 'declined', 'expired', 'withdrawn', null])[1 + (n + k) % 6],
      case when (n + k) % 7 <> 0 then timestamptz '2026-01-01' + n * interval '97 minutes' + ((n * 7919 + k * 104729) % 9973) * interval '1 minute' + interval '2 hours' end,
      (array['no_capacity', 'conflict', null, 'outside_scope'])[1 + n % 4]
    from generate_series(1, $1::int) as n, generate_series(0, 1) as k where k < 1 + n % 2`);
  await q(`insert into "case" (id, referral_id, partner_id, status, dialogue_held, agreement_reached, conclusion_reason)
    select md5('c' || n)::uuid, md5('r' || n)::uuid, ${PARTNER_OF_N},
      (array['open', 'agreement', 'completed', 'returned', 'withdrawn'])[1 + n % 5], n % 2 = 0,
      (array[true, false, null])[1 + n % 3], case when n % 3 = 1 then 'no_agreement' end
    from generate_series(1, $1::int) as n where n % 4 <> 0`);
  await q(`insert into agreement (id, case_id, referral_id, recorded_at, consented_by)
    select md5('a' || n)::uuid, md5('c' || n)::uuid, md5('r' || n)::uuid, timestamptz '2026-03-01', '{}'
    from generate_series(1, $1::int) as n where n % 4 <> 0 and n % 3 <> 2`);
  await q(`insert into term (id, agreement_id, position, kind, due_by, currency, amount_minor, paid_minor, hours_hundredths, hours_done_hundredths)
    select md5('t' || n || '-' || k)::uuid, md5('a' || n)::uuid, k, (array['restitution', 'community_service', 'apology_letter'])[1 + (n + k) % 3],
      date '2026-09-30', case when (n + k) % 3 = 0 then (array['EUR', 'GBP', null])[1 + (n / 3) % 3] end,
      case when (n + k) % 3 = 0 then 1000 + n * 7 end, case when (n + k) % 3 = 0 then (1000 + n * 7) * (n % 3) / 2 end,
      case when (n + k) % 3 = 1 then 150 + n % 40 end, case when (n + k) % 3 = 1 then n % 40 end
    from generate_series(1, $1::int) as n, generate_series(0, 2) as k where n % 4 <> 0 and n % 3 <> 2 and k < 1 + n % 3`);
  await q(`insert into follow_up (id, case_id, referral_id, office_id, months_after, due_on, status, reoffended)
    select md5('f' || n || '-' || m)::uuid, md5('c' || n)::uuid, md5('r' || n)::uuid, r.office_id, m, date '2027-01-01',
      (array['recorded', 'recorded', 'scheduled', 'dropped'])[1 + (n + m) % 4], (array[true, false, false, null])[1 + (n * m) % 4]
    from generate_series(1, $1::int) as n join referral r on r.id = md5('r' || n)::uuid, unnest(array[6, 12, 24]) as m
    where n % 4 <> 0 and (n + m) % 5 <> 0`);
}

function middlesOf(values: number[]): MiddleValues {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return n === 0
    ? { n, lowerMiddle: null, upperMiddle: null }
    : { n, lowerMiddle: sorted[(n - 1) >> 1], upperMiddle: sorted[n >> 1] };
}

describe('outcome figures counted by Postgres equal the metric definitions over fact records', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase('metrics_tallies', {
      migrations: OUTCOME_DATABASE.migrations,
      entities: OUTCOME_DATABASE.entities,
    });
    await seedVariedHistory(database.dataSource, 3000);
  });
  afterAll(() => database?.drop());

  const scopes: [string, MetricsFilter, string | null][] = [
    ['every office', {}, null],
    ["one office's prosecutor", {}, OFFICE],
    ['a jurisdiction', { jurisdiction: 'NL-ZH' }, null],
    ['a period', { from: '2026-02-10', to: '2026-04-20' }, null],
    ['a partner', { partnerId: partner(1) }, null],
    ['an office, a partner and a period', { partnerId: partner(2), from: '2026-03-01', to: '2026-06-30' }, OFFICE],
    ['a period with no referrals', { from: '2030-01-01', to: '2030-12-31' }, OFFICE],
  ];

  it.each(scopes)('%s', async (_name, filter, officeId) => {
    const facts = await loadReferralFacts(database.dataSource, filter, officeId);
    const expected = computeOutcomeFigures(facts, filter, { suppressBelow: 0 });
    const tallies = await outcomeTallies(database.dataSource, filter, officeId);
    const counted = outcomeFiguresFromTallies(tallies, { suppressBelow: 0 });
    // The middle values themselves, not only the rounded medians they give.
    const { referrals, offers } = scopeFacts(facts, filter);
    const days = (at: (r: ReferralFacts) => string | null) =>
      referrals.flatMap((r) => {
        const to = at(r);
        return to === null ? [] : [(Date.parse(to) - Date.parse(r.submittedAt)) / 86_400_000];
      });
    expect(tallies.medians).toEqual({
      daysToFirstContact: middlesOf(days((r) => r.firstContactAt)),
      daysToAcceptance: middlesOf(days((r) => r.acceptedAt)),
      daysToDialogue: middlesOf(days((r) => r.firstDialogueAt)),
      partnerResponseHours: middlesOf(
        offers.flatMap((o) =>
          o.answeredAt !== null && (o.answer === 'accepted' || o.answer === 'declined')
            ? [(Date.parse(o.answeredAt) - Date.parse(o.madeAt)) / 3_600_000]
            : [],
        ),
      ),
    });
    expect(counted).toEqual(expected);
    // Key order too: the answer lists codes and currencies the same way.
    expect(JSON.stringify(counted)).toBe(JSON.stringify(expected));
  });

  it('has a history varied enough to tell the two apart', async () => {
    const all = outcomeFiguresFromTallies(await outcomeTallies(database.dataSource, {}, null), { suppressBelow: 0 });
    expect(Object.keys(all.restitutionAgreed)).toEqual(['EUR', 'GBP']);
    expect(all.participationRate.numerator).toBeGreaterThan(0);
    expect(all.participationRate.numerator).toBeLessThan(all.participationRate.denominator as number);
    expect(all.reoffenceRate['24m'].denominator).toBeGreaterThan(0);
    expect(Object.keys(all.declineReasons)).toEqual(['conflict', 'no_capacity', 'other', 'outside_scope']);
    expect(all.partnerResponseHours.n).toBeGreaterThan(0);
    // An even number of distinct middle values, so picking the wrong middle would show.
    const { partnerResponseHours } = (await outcomeTallies(database.dataSource, {}, null)).medians;
    expect(partnerResponseHours.n % 2).toBe(0);
    expect(partnerResponseHours.lowerMiddle).not.toBe(partnerResponseHours.upperMiddle);
  });
});

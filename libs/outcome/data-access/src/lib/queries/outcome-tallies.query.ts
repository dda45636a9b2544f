import type { EntityManager } from 'typeorm';
import type { MetricsFilter, MiddleValues, OutcomeTallies } from '@rj/outcome/domain';
import { referralScope } from './referral-facts.query';

type Queryable = Pick<EntityManager, 'query'>;
type CodeCount = { code: string; n: number };

/** Exact epoch milliseconds of a timestamp, truncated as a JavaScript Date truncates them. */
const epochMs = (column: string) => `trunc(extract(epoch from ${column}) * 1000)`;
/** The fact records' duration in days or hours: whole milliseconds apart, divided as a double. */
const between = (from: string, to: string, unitMs: number) =>
  `((${epochMs(to)} - ${epochMs(from)})::float8 / ${unitMs})`;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const tally = (rows: CodeCount[]) => Object.fromEntries(rows.map((row) => [row.code, row.n]));

/**
 * The tallies of the outcome figures (docs/metrics.md) for one filter, counted by Postgres in a
 * few set-based statements over the scope (office, jurisdiction, period as a where clause with a
 * handful of parameters; never a list of ids): an office's whole history is never loaded to be
 * counted (issue 15: 100,000 referrals in < 1 s). Each statement mirrors one group of
 * `METRIC_DEFINITIONS`; the int spec metrics-tallies.int-spec.ts keeps them equal on the same rows.
 */
export async function outcomeTallies(
  db: Queryable,
  filter: MetricsFilter,
  officeId: string | null,
): Promise<OutcomeTallies> {
  // Offers are scoped by the referral filters only and narrowed to the partner's own offers;
  // every other figure counts the referrals the partner accepted (metric-filter.ts).
  const offerScope = referralScope(filter, officeId);
  const scope = referralScope(filter, officeId);
  if (filter.partnerId) {
    scope.params.push(filter.partnerId);
    scope.where += ` and r.partner_id = $${scope.params.length}`;
  }
  const offerPartner = filter.partnerId ? ` and o.partner_id = $${offerScope.params.push(filter.partnerId)}` : '';
  const inScope = <T>(sql: string): Promise<T[]> => db.query(sql, scope.params);
  const offersInScope = <T>(sql: string): Promise<T[]> => db.query(sql, offerScope.params);
  const offers = `offer o join referral r on r.id = o.referral_id
    where ${offerScope.where}${offerPartner} and o.made_at is not null`;

  const [counted, [cases], terms, [days], [hours], followUps, declined] = await Promise.all([
    inScope<
      CodeCount & { by: 'status' | 'source' }
    >(`select case when grouping(r.status) = 0 then 'status' else 'source' end as by,
        coalesce(r.status, r.source) as code, count(*)::int as n
      from referral r where ${scope.where} group by grouping sets ((r.status), (r.source))`),
    // One row per opened case with its parties and their own participation consents counted
    // (a consent's primary key makes it one per party), then every case figure from those rows.
    inScope<CaseTallyRow>(`select count(*)::int as "casesOpened",
        count(*) filter (where x.parties > 0 and x.consented = x.parties)::int as "casesEveryPartyConsented",
        count(*) filter (where x.dialogue_held and x.agreement_reached is not null)::int as "concludedAfterDialogue",
        count(*) filter (where x.dialogue_held and x.agreement_reached)::int as "agreedAfterDialogue",
        count(x.agreement_id) filter (where x.status in ('completed', 'returned'))::int as "agreementsInFinalState",
        count(x.agreement_id) filter (where x.status = 'completed')::int as "agreementsCompleted"
      from (
        select c.status, c.dialogue_held, c.agreement_reached, a.id as agreement_id,
          count(p.id) as parties, count(k.participant_id) as consented
        from referral r join "case" c on c.referral_id = r.id
        left join agreement a on a.case_id = c.id
        left join participant p on p.referral_id = r.id
        left join consent k on k.participant_id = p.id and k.referral_id = r.id
          and k.purpose = 'participation' and not k.by_guardian and k.ever_given
        where ${scope.where}
        group by c.id, a.id) as x`),
    inScope<TermTallyRow>(`select t.kind, case when t.kind = 'restitution' then coalesce(t.currency, 'EUR') end as currency,
        count(distinct a.id)::int as agreements,
        sum(coalesce(t.amount_minor, 0))::text as "agreedMinor", sum(coalesce(t.paid_minor, 0))::text as "paidMinor",
        sum(coalesce(t.hours_hundredths, 0))::int8 as "hoursHundredths", sum(coalesce(t.hours_done_hundredths, 0))::int8 as "hoursDoneHundredths"
      from referral r join "case" c on c.referral_id = r.id join agreement a on a.case_id = c.id join term t on t.agreement_id = a.id
      where ${scope.where} and t.kind in ('restitution', 'community_service')
      group by 1, 2`),
    inScope<Record<string, number | number[] | null>>(
      `select ${[
        middleValues('daysToFirstContact', between('r.submitted_at', 'r.first_contact_at', DAY_MS)),
        middleValues('daysToAcceptance', between('r.submitted_at', 'r.accepted_at', DAY_MS)),
        middleValues('daysToDialogue', between('r.submitted_at', 'r.first_dialogue_at', DAY_MS)),
      ].join(', ')} from referral r where ${scope.where}`,
    ),
    offersInScope<Record<string, number | number[] | null>>(
      `select ${middleValues('partnerResponseHours', between('o.made_at', 'o.answered_at', HOUR_MS))}
       from ${offers} and o.answered_at is not null and o.answer in ('accepted', 'declined')`,
    ),
    inScope<FollowUpTallyRow>(`select f.months_after as months, count(*)::int as answered, count(*) filter (where f.reoffended)::int as reoffended
      from follow_up f join referral r on r.id = f.referral_id
      where ${scope.where} and f.status <> 'dropped' and f.reoffended is not null group by 1`),
    offersInScope<CodeCount>(
      `select coalesce(o.decline_reason, 'other') as code, count(*)::int as n from ${offers} and o.answer = 'declined' group by 1`,
    ),
  ]);

  const medianOf = (figure: keyof OutcomeTallies['medians']): MiddleValues => {
    const row = figure === 'partnerResponseHours' ? hours : days;
    const [lowerMiddle, upperMiddle] = (row[`${figure}Middles`] as number[] | null) ?? [null, null];
    return { n: row[`${figure}N`] as number, lowerMiddle, upperMiddle };
  };
  const communityService = terms.find((t) => t.kind === 'community_service');
  return {
    referralsByStatus: tally(counted.filter((row) => row.by === 'status')),
    referralsBySource: tally(counted.filter((row) => row.by === 'source')),
    ...cases,
    restitution: terms
      .filter((t) => t.kind === 'restitution')
      .map((t) => ({
        currency: t.currency as string,
        agreements: t.agreements,
        agreedMinor: BigInt(t.agreedMinor),
        paidMinor: BigInt(t.paidMinor),
      })),
    communityService: {
      agreements: communityService?.agreements ?? 0,
      hoursHundredths: Number(communityService?.hoursHundredths ?? 0),
      hoursDoneHundredths: Number(communityService?.hoursDoneHundredths ?? 0),
    },
    medians: {
      daysToFirstContact: medianOf('daysToFirstContact'),
      daysToAcceptance: medianOf('daysToAcceptance'),
      daysToDialogue: medianOf('daysToDialogue'),
      partnerResponseHours: medianOf('partnerResponseHours'),
    },
    followUpsAnswered: Object.fromEntries(
      followUps.map((f) => [f.months, { answered: f.answered, reoffended: f.reoffended }]),
    ),
    declinedByReason: tally(declined),
  };
}

/**
 * A median's observations as two columns, `<figure>N` and `<figure>Middles`: how many there are
 * (nulls are not observations) and the values at the 1-based positions floor((n + 1) / 2) and
 * floor(n / 2) + 1 of their sorted order — the two middle ones, the same one when n is odd.
 * percentile_disc(f) takes position ceil(f × n): f = 0.5 gives the first; 0.5 plus less than
 * 1 / (2n) gives the second (exact for any n below 500 million). One sort per figure in
 * Postgres; one row comes back.
 */
function middleValues(figure: string, observation: string): string {
  return `count(${observation})::int as "${figure}N",
    percentile_disc(array[0.5, 0.5 + 1e-9]) within group (order by ${observation}) as "${figure}Middles"`;
}

type CaseTallyRow = Pick<
  OutcomeTallies,
  | 'casesOpened'
  | 'casesEveryPartyConsented'
  | 'concludedAfterDialogue'
  | 'agreedAfterDialogue'
  | 'agreementsInFinalState'
  | 'agreementsCompleted'
>;
interface TermTallyRow {
  kind: 'restitution' | 'community_service';
  currency: string | null;
  agreements: number;
  agreedMinor: string;
  paidMinor: string;
  hoursHundredths: string;
  hoursDoneHundredths: string;
}
interface FollowUpTallyRow {
  months: number;
  answered: number;
  reoffended: number;
}

import type { EntityManager } from 'typeorm';
import type { MetricsFilter, ReferralFacts } from '@rj/outcome/domain';
import type { TermEntity } from '../entities/term.entity';
import { termFromRow } from '../term-mapping';

/** Epoch milliseconds (as Postgres computed them) to the ISO text the facts carry. */
const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const group = map.get(key(row));
    if (group) group.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * The referrals a request may count, as a where clause on alias `r` with positional parameters:
 * a handful of values whatever the number of referrals.
 */
export function referralScope(filter: MetricsFilter, officeId: string | null): { where: string; params: string[] } {
  const clauses = ['true'];
  const params: string[] = [];
  const add = (clause: (n: string) => string, value: string | undefined | null) => {
    if (!value) return;
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  add((n) => `r.office_id = ${n}`, officeId);
  add((n) => `r.jurisdiction = ${n}`, filter.jurisdiction);
  // The UTC date of submission between from and to, inclusive, written as a range of instants
  // so the (office_id, submitted_at) index narrows a period instead of every row being converted.
  add((n) => `r.submitted_at >= (${n}::date)::timestamp at time zone 'UTC'`, filter.from);
  add((n) => `r.submitted_at < (${n}::date + 1)::timestamp at time zone 'UTC'`, filter.to);
  return { where: clauses.join(' and '), params };
}

interface ReferralRow {
  id: string;
  jurisdiction: string;
  source: string;
  status: string;
  submittedAt: number;
  partnerId: string | null;
  firstContactAt: number | null;
  acceptedAt: number | null;
  firstDialogueAt: number | null;
}
interface CaseRow {
  id: string;
  referralId: string;
  status: string;
  dialogueHeld: boolean;
  agreementReached: boolean | null;
  conclusionReason: string | null;
}
interface ParticipantRow {
  id: string;
  referralId: string;
}
interface ConsentRow {
  participantId: string;
  referralId: string;
  everGiven: boolean;
}
interface OfferRow {
  referralId: string;
  partnerId: string;
  madeAt: number | null;
  answeredAt: number | null;
  answer: string | null;
  declineReason: string | null;
}
interface FollowUpRow {
  referralId: string;
  status: string;
  monthsAfter: number;
  reoffended: boolean | null;
}
interface AgreementRow {
  id: string;
  caseId: string;
}
/** bigint columns come as text, so no amount loses precision on the way. */
type TermRow = Omit<TermEntity, 'amountMinor' | 'paidMinor'> & { amountMinor: string | null; paidMinor: string | null };

/**
 * Projects the per-referral fact records the metric definitions read (docs/metrics.md) from
 * what the consumed and emitted events left in the tables. Office and period narrow the rows
 * in SQL; the domain applies the same filters again, so a figure means one thing.
 *
 * Plain SQL of the columns the facts need, not entities: an office's whole history is
 * hundreds of thousands of rows, and TypeORM's hydration of them took longer than the figures
 * may (issue 15: 100,000 referrals in < 1 s). Times come as epoch milliseconds, dates as text.
 */
export async function loadReferralFacts(
  db: Pick<EntityManager, 'query'>,
  filter: MetricsFilter,
  officeId: string | null,
): Promise<ReferralFacts[]> {
  const { where, params } = referralScope(filter, officeId);
  const query = <T>(sql: string): Promise<T[]> => db.query(sql, params);
  const ms = (column: string, as: string) => `(extract(epoch from ${column}) * 1000)::float8 as "${as}"`;
  const referrals = await query<ReferralRow>(
    `select r.id, r.jurisdiction, r.source, r.status, ${ms('r.submitted_at', 'submittedAt')}, r.partner_id as "partnerId",
        ${ms('r.first_contact_at', 'firstContactAt')}, ${ms('r.accepted_at', 'acceptedAt')}, ${ms('r.first_dialogue_at', 'firstDialogueAt')}
       from referral r where ${where}`,
  );
  if (!referrals.length) return [];
  // Every related table is narrowed by the same scope as a subquery, never by a list of ids:
  // one bind parameter per referral would stop working past Postgres' 65,535 parameters and
  // make each call's plan and message as large as the office's history.
  const inScope = (column: string) => `${column} in (select r.id from referral r where ${where})`;
  const casesInScope = `select c.id from "case" c join referral r on r.id = c.referral_id where ${where}`;
  const [cases, participants, consents, offers, followUps, agreements, terms] = await Promise.all([
    query<CaseRow>(`select x.id, x.referral_id as "referralId", x.status, x.dialogue_held as "dialogueHeld", x.agreement_reached as "agreementReached",
        x.conclusion_reason as "conclusionReason" from "case" x where ${inScope('x.referral_id')}`),
    query<ParticipantRow>(
      `select x.id, x.referral_id as "referralId" from participant x where ${inScope('x.referral_id')}`,
    ),
    query<ConsentRow>(`select x.participant_id as "participantId", x.referral_id as "referralId", x.ever_given as "everGiven" from consent x
        where ${inScope('x.referral_id')} and x.purpose = 'participation' and x.by_guardian = false`),
    query<OfferRow>(`select x.referral_id as "referralId", x.partner_id as "partnerId", ${ms('x.made_at', 'madeAt')}, ${ms('x.answered_at', 'answeredAt')},
        x.answer, x.decline_reason as "declineReason" from offer x where ${inScope('x.referral_id')}`),
    query<FollowUpRow>(
      `select x.referral_id as "referralId", x.status, x.months_after as "monthsAfter", x.reoffended from follow_up x where ${inScope('x.referral_id')}`,
    ),
    query<AgreementRow>(`select x.id, x.case_id as "caseId" from agreement x where x.case_id in (${casesInScope})`),
    query<TermRow>(`select x.id, x.agreement_id as "agreementId", x.position, x.kind, x.due_by::text as "dueBy", x.currency, x.amount_minor::text as "amountMinor",
        x.paid_minor::text as "paidMinor", x.instalments, x.recipient, x.hours_hundredths as "hoursHundredths", x.hours_done_hundredths as "hoursDoneHundredths",
        x.description, x.fulfilled, x.overdue_flagged as "overdueFlagged"
        from term x where x.agreement_id in (select a.id from agreement a where a.case_id in (${casesInScope}))`),
  ]);
  const caseOf = new Map(cases.map((c) => [c.referralId as string, c]));
  const agreementOf = new Map(agreements.map((a) => [a.caseId as string, a]));
  const [participantsOf, consentsOf, offersOf, followUpsOf, termsOf] = [
    groupBy(participants, (p) => p.referralId),
    groupBy(consents, (c) => c.referralId),
    groupBy(offers, (o) => o.referralId),
    groupBy(followUps, (f) => f.referralId),
    groupBy(terms, (t) => t.agreementId),
  ];
  return referrals.map((r): ReferralFacts => {
    const kase = caseOf.get(r.id);
    const agreement = kase && agreementOf.get(kase.id);
    const consentedIds = new Set((consentsOf.get(r.id) ?? []).filter((c) => c.everGiven).map((c) => c.participantId));
    const parties = participantsOf.get(r.id) ?? [];
    return {
      referralId: r.id,
      jurisdiction: r.jurisdiction,
      source: r.source,
      status: r.status,
      submittedAt: new Date(r.submittedAt).toISOString(),
      partnerId: r.partnerId,
      firstContactAt: iso(r.firstContactAt),
      acceptedAt: iso(r.acceptedAt),
      firstDialogueAt: iso(r.firstDialogueAt),
      case: kase
        ? {
            everyPartyConsented: parties.length > 0 && parties.every((p) => consentedIds.has(p.id)),
            dialogueHeld: kase.dialogueHeld,
            concluded:
              kase.agreementReached === null
                ? null
                : { agreementReached: kase.agreementReached, reasonCode: kase.conclusionReason },
            agreement: agreement
              ? {
                  terms: (termsOf.get(agreement.id) ?? []).map(termOf),
                  result: kase.status === 'completed' ? 'completed' : kase.status === 'returned' ? 'returned' : null,
                }
              : null,
          }
        : null,
      offers: (offersOf.get(r.id) ?? []).flatMap((o) =>
        o.madeAt !== null
          ? [
              {
                partnerId: o.partnerId,
                madeAt: iso(o.madeAt) as string,
                answeredAt: iso(o.answeredAt),
                answer: o.answer as 'accepted' | 'declined' | 'expired' | 'withdrawn' | null,
                declineReason: o.declineReason,
              },
            ]
          : [],
      ),
      followUps: (followUpsOf.get(r.id) ?? [])
        .filter((f) => f.status !== 'dropped')
        .map((f) => ({ offsetMonths: f.monthsAfter, reoffended: f.reoffended })),
    };
  });
}

/** A term row as the entity would hold it (bigint columns as numbers), read by the domain's mapping. */
function termOf(row: TermRow) {
  return termFromRow({
    ...row,
    amountMinor: row.amountMinor === null ? null : Number(row.amountMinor),
    paidMinor: row.paidMinor === null ? null : Number(row.paidMinor),
  });
}

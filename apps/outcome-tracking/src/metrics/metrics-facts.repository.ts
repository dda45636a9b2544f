import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { MetricsFilter, ReferralFacts } from '@rj/outcome/domain';
import {
  AgreementEntity, CaseEntity, ConsentEntity, FollowUpEntity, OfferEntity, ParticipantEntity, ReferralEntity, TermEntity, termFromRow,
} from '@rj/outcome/data-access';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * Projects the per-referral fact records the metric definitions read (docs/metrics.md) from
 * what the consumed and emitted events left in the tables. Office and period narrow the rows
 * in SQL; the domain applies the same filters again, so a figure means one thing.
 */
@Injectable()
export class MetricsFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(filter: MetricsFilter, officeId: string | null): Promise<ReferralFacts[]> {
    const m = this.dataSource.manager;
    const query = m.createQueryBuilder(ReferralEntity, 'r');
    if (officeId) query.andWhere('r.office_id = :officeId', { officeId });
    if (filter.jurisdiction) query.andWhere('r.jurisdiction = :jurisdiction', { jurisdiction: filter.jurisdiction });
    if (filter.from) query.andWhere(`(r.submitted_at at time zone 'UTC')::date >= :from`, { from: filter.from });
    if (filter.to) query.andWhere(`(r.submitted_at at time zone 'UTC')::date <= :to`, { to: filter.to });
    const referrals = await query.getMany();
    if (!referrals.length) return [];
    const ids = referrals.map((r) => r.id);
    const [cases, participants, consents, offers, followUps] = await Promise.all([
      m.findBy(CaseEntity, { referralId: In(ids) }),
      m.findBy(ParticipantEntity, { referralId: In(ids) }),
      m.findBy(ConsentEntity, { referralId: In(ids), purpose: 'participation', byGuardian: false }),
      m.findBy(OfferEntity, { referralId: In(ids) }),
      m.findBy(FollowUpEntity, { referralId: In(ids) }),
    ]);
    const agreements = cases.length ? await m.findBy(AgreementEntity, { caseId: In(cases.map((c) => c.id)) }) : [];
    const terms = agreements.length ? await m.findBy(TermEntity, { agreementId: In(agreements.map((a) => a.id)) }) : [];
    const caseOf = new Map(cases.map((c) => [c.referralId, c]));
    const agreementOf = new Map(agreements.map((a) => [a.caseId, a]));
    const [participantsOf, consentsOf, offersOf, followUpsOf, termsOf] = [
      groupBy(participants, (p) => p.referralId), groupBy(consents, (c) => c.referralId), groupBy(offers, (o) => o.referralId),
      groupBy(followUps, (f) => f.referralId), groupBy(terms, (t) => t.agreementId),
    ];
    return referrals.map((r): ReferralFacts => {
      const kase = caseOf.get(r.id);
      const agreement = kase && agreementOf.get(kase.id);
      const consentedIds = new Set((consentsOf.get(r.id) ?? []).filter((c) => c.everGiven).map((c) => c.participantId));
      const parties = participantsOf.get(r.id) ?? [];
      return {
        referralId: r.id, jurisdiction: r.jurisdiction, source: r.source, status: r.status, submittedAt: r.submittedAt.toISOString(),
        partnerId: r.partnerId, firstContactAt: iso(r.firstContactAt), acceptedAt: iso(r.acceptedAt), firstDialogueAt: iso(r.firstDialogueAt),
        case: kase ? {
          everyPartyConsented: parties.length > 0 && parties.every((p) => consentedIds.has(p.id)),
          dialogueHeld: kase.dialogueHeld,
          concluded: kase.agreementReached === null ? null : { agreementReached: kase.agreementReached, reasonCode: kase.conclusionReason },
          agreement: agreement ? {
            terms: (termsOf.get(agreement.id) ?? []).map(termFromRow),
            result: kase.status === 'completed' ? 'completed' : kase.status === 'returned' ? 'returned' : null,
          } : null,
        } : null,
        offers: (offersOf.get(r.id) ?? []).flatMap((o) => (o.madeAt ? [{
          partnerId: o.partnerId, madeAt: o.madeAt.toISOString(), answeredAt: iso(o.answeredAt),
          answer: o.answer as 'accepted' | 'declined' | 'expired' | 'withdrawn' | null, declineReason: o.declineReason }] : [])),
        followUps: (followUpsOf.get(r.id) ?? []).filter((f) => f.status !== 'dropped').map((f) => ({ offsetMonths: f.monthsAfter, reoffended: f.reoffended })),
      };
    });
  }
}

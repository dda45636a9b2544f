import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { everyPartyConsented, termStatus, type LatestConsent, type Term } from '@rj/outcome/domain';
import {
  agreementOfCase,
  consentsOfReferral,
  outcomeNoticesOwed,
  termsOfAgreement,
  type CaseEntity,
} from '@rj/outcome/data-access';
import type { ConsentPurpose } from '@rj/shared/contracts';

/** A term as the API shows it: kind, dates, amounts and status, never the description. */
export function termView(term: Term) {
  const base = { id: term.id, kind: term.kind, dueBy: term.dueBy, status: termStatus(term) };
  if (term.kind === 'restitution') {
    return {
      ...base,
      amount: term.amount,
      paid: term.paid,
      recipient: term.recipient,
      instalments: term.instalments ?? null,
    };
  }
  if (term.kind === 'community_service') return { ...base, hours: term.hours, hoursDone: term.hoursDone };
  return base;
}

function resultOf(kase: CaseEntity) {
  if (kase.status === 'completed')
    return { result: 'completed', reasonCode: null, at: kase.resultAt?.toISOString() ?? null };
  if (kase.status === 'returned')
    return { result: 'returned', reasonCode: kase.returnReason, at: kase.resultAt?.toISOString() ?? null };
  return { result: null, reasonCode: null, at: null };
}

@Injectable()
export class CaseOutcomeView {
  /** `GET /api/cases/{id}/outcome`: the partner's own view, every term and its status. */
  async forCase(manager: EntityManager, kase: CaseEntity) {
    const agreement = await agreementOfCase(manager, kase.id);
    const terms = agreement ? await termsOfAgreement(manager, agreement.id) : [];
    return {
      caseId: kase.id,
      referralId: kase.referralId,
      status: kase.status,
      ...resultOf(kase),
      agreement: agreement && {
        id: agreement.id,
        recordedAt: agreement.recordedAt.toISOString(),
        consentedBy: agreement.consentedBy,
        terms: terms.map(termView),
      },
      // People harmed who asked for the outcome and have no recently confirmed safe channel: the mediator phones them.
      harmedPartyNoticesOwed: await outcomeNoticesOwed(manager, kase.referralId),
    };
  }

  /**
   * `GET /api/referrals/{referralId}/outcome`: result and dates for the prosecutor; term
   * statuses only if every party consented to sharing (api.md; domain research R16). Never
   * amounts' recipients' names or anything said in the dialogue.
   */
  async forReferral(manager: EntityManager, referralId: string, kase: CaseEntity | null) {
    if (!kase)
      return {
        referralId,
        caseId: null,
        result: null,
        reasonCode: null,
        at: null,
        agreementRecordedAt: null,
        termDetailsShared: false,
        terms: null,
      };
    const agreement = await agreementOfCase(manager, kase.id);
    const { participantIds, consents } = await consentsOfReferral(manager, referralId, 'share_outcome_with_referrer');
    const latest: LatestConsent[] = consents.map((c) => ({ ...c, purpose: c.purpose as ConsentPurpose }));
    const shared = everyPartyConsented(latest, participantIds, 'share_outcome_with_referrer');
    const terms =
      shared && agreement
        ? (await termsOfAgreement(manager, agreement.id)).map((t) => ({
            id: t.id,
            kind: t.kind,
            dueBy: t.dueBy,
            status: termStatus(t),
          }))
        : null;
    return {
      referralId,
      caseId: kase.id,
      ...resultOf(kase),
      agreementRecordedAt: agreement?.recordedAt.toISOString() ?? null,
      termDetailsShared: shared,
      terms,
    };
  }
}

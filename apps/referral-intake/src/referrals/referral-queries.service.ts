import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AgreementTermEntity,
  partiesOf,
  ReferralEntity,
  SharingConsentEntity,
  statusHistoryOf,
  type PartyEntity,
} from '@rj/referral/data-access';
import { buildProsecutorReport, type ProsecutorReport } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { type ConsentDecision, type ReferralStatus, type TermStatus } from '@rj/shared/contracts';
import { decryptField, type DataKey } from '@rj/shared/pii';
import { KeyStore } from '../key-store/key-store';
import { AccessLog } from '../personal-data/access-log';
import { personalDataOf, revealedPartyFields, revealPartyPersonalData } from './personal-fields';
import { assertVisibleTo } from './referral-access';
import { detailView, type PartyView, type ReferralDetailView } from './referral-views';

export const READ_REFERRAL_ENDPOINT = 'GET /api/referrals/{id}';

/** Reads of one referral: the referral (logged when decrypted) and the report. Lists: ReferralListService. */
@Injectable()
export class ReferralQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * The owning prosecutor and the admin read the personal fields in plaintext, and the read
   * is logged; an auditor reads them as ciphertext (api.md: auditors never receive personal
   * data in plaintext); once erased they read null for everyone.
   */
  async get(principal: Principal, id: string): Promise<ReferralDetailView> {
    const manager = this.dataSource.manager;
    const referral = await manager.findOneBy(ReferralEntity, { id });
    assertVisibleTo(principal, referral);
    const [parties, history] = await Promise.all([partiesOf(manager, id), statusHistoryOf(manager, id)]);
    if (principal.role === 'auditor') return detailView(referral, asStored(referral, parties), history);

    const dataKey = referral.personalDataErasedAt ? null : await this.keys.usableKey(manager, referral.dataKeyId);
    const revealed = reveal(referral, parties, dataKey);
    await this.accessLog.recordRead(principal, id, READ_REFERRAL_ENDPOINT, dataKey ? revealedFields(revealed) : []);
    return detailView(referral, revealed, history);
  }

  /** `GET /api/referrals/{id}/report` (api.md): result, reason code, dates; terms only with every sharing consent. */
  async report(principal: Principal, id: string): Promise<ProsecutorReport> {
    const manager = this.dataSource.manager;
    const referral = await manager.findOneBy(ReferralEntity, { id });
    assertVisibleTo(principal, referral);
    const [parties, consents, terms] = await Promise.all([
      partiesOf(manager, id),
      manager.find(SharingConsentEntity, { where: { referralId: id }, order: { recordedAt: 'ASC' } }),
      manager.find(AgreementTermEntity, { where: { referralId: id }, order: { position: 'ASC' } }),
    ]);
    return buildProsecutorReport({
      referralId: id,
      status: referral.status as ReferralStatus,
      reasonCode: referral.returnReasonCode,
      dates: {
        referredAt: referral.createdAt.toISOString(),
        acceptedAt: referral.acceptedAt?.toISOString() ?? null,
        firstSessionAt: referral.firstSessionAt?.toISOString() ?? null,
        agreementAt: referral.agreementAt?.toISOString() ?? null,
        concludedAt: referral.concludedAt?.toISOString() ?? null,
      },
      participants: parties.map((party) => ({ participantId: party.participantId, minor: party.minor })),
      consents: consents.map((consent) => ({
        participantId: consent.participantId,
        purpose: 'share_outcome_with_referrer',
        decision: consent.decision as ConsentDecision,
        byGuardian: consent.byGuardian,
        recordedAt: consent.recordedAt.toISOString(),
      })),
      terms: terms.map((term) => ({
        termId: term.termId,
        kind: term.kind,
        dueBy: term.dueBy,
        status: term.status as TermStatus,
      })),
    });
  }
}

type PersonalValues = Parameters<typeof detailView>[1];

function partyView(party: PartyEntity, personal: ReturnType<typeof personalDataOf>): PartyView {
  return {
    participantId: party.participantId,
    role: party.role,
    minor: party.minor,
    preferredLanguage: party.preferredLanguage,
    interpreter: party.interpreter,
    ...personal,
  };
}

function asStored(referral: ReferralEntity, parties: PartyEntity[]): PersonalValues {
  return {
    caseNumber: referral.caseNumber,
    description: referral.offenseDescription,
    notes: referral.notes,
    reviewReason: referral.reviewReason,
    parties: parties.map((party) => partyView(party, personalDataOf(party))),
  };
}

function reveal(referral: ReferralEntity, parties: PartyEntity[], dataKey: DataKey | null): PersonalValues {
  const open = (value: string | null) => (value !== null && dataKey ? decryptField(value, dataKey) : null);
  return {
    caseNumber: open(referral.caseNumber),
    description: open(referral.offenseDescription),
    notes: open(referral.notes),
    reviewReason: open(referral.reviewReason),
    parties: parties.map((party) => partyView(party, revealPartyPersonalData(personalDataOf(party), dataKey))),
  };
}

function revealedFields(values: PersonalValues): string[] {
  return [
    values.caseNumber !== null ? 'caseNumber' : null,
    values.description !== null ? 'offense.description' : null,
    values.notes !== null ? 'notes' : null,
    values.reviewReason !== null ? 'review.reason' : null,
    ...values.parties.flatMap(revealedPartyFields),
  ].filter((field): field is string => field !== null);
}

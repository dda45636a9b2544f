import type { EntityManager } from 'typeorm';
import type { Term } from '@rj/outcome/domain';
import { AgreementEntity } from '../entities/agreement.entity';
import { ConsentEntity } from '../entities/consent.entity';
import { ParticipantEntity } from '../entities/participant.entity';
import { TermEntity } from '../entities/term.entity';
import { termFromRow } from '../term-mapping';

/** A case's agreement, if one was recorded. */
export function agreementOfCase(manager: EntityManager, caseId: string): Promise<AgreementEntity | null> {
  return manager.findOneBy(AgreementEntity, { caseId });
}

/** An agreement's terms in their order. */
export async function termsOfAgreement(manager: EntityManager, agreementId: string): Promise<Term[]> {
  return (await manager.find(TermEntity, { where: { agreementId }, order: { position: 'ASC' } })).map(termFromRow);
}

/** People harmed who asked for the outcome and have no recently confirmed safe channel. */
export function outcomeNoticesOwed(manager: EntityManager, referralId: string): Promise<number> {
  return manager.countBy(ParticipantEntity, { referralId, outcomeNotice: 'owed' });
}

/** A referral's participants and their consents for one purpose, for an every-party rule. */
export async function consentsOfReferral(
  manager: EntityManager,
  referralId: string,
  purpose: string,
): Promise<{ participantIds: string[]; consents: ConsentEntity[] }> {
  const participants = await manager.find(ParticipantEntity, { where: { referralId }, select: { id: true } });
  const consents = await manager.find(ConsentEntity, { where: { referralId, purpose } });
  return { participantIds: participants.map((p) => p.id), consents };
}

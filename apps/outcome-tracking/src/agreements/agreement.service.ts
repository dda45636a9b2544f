import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAgreement, type AgreementInput } from '@rj/outcome/domain';
import { AgreementEntity, CaseEntity, ParticipantEntity, TermEntity, termColumns } from '@rj/outcome/data-access';
import { AgreementRecorded, RuleViolation, uuidv7, type AgreementTerm } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { actorOf, type Principal } from '@rj/shared/auth';
import { Clock } from '@rj/shared/service';
import { requestCause } from '@rj/shared/service';
import type { RecordAgreementDto } from './agreement.dto';
import { caseForMediator } from './case-access';
import { FreeTextCipher } from './free-text-cipher';
import { CaseOutcomeView } from '../views/case-outcome.view';

export async function participantIdsOf(manager: EntityManager, referralId: string): Promise<string[]> {
  const rows = await manager.find(ParticipantEntity, { where: { referralId }, order: { position: 'ASC' } });
  return rows.map((row) => row.id);
}

/** The case is running its agreement: terms may be amended, progress recorded, the case closed. */
export function assertAgreementRunning(kase: CaseEntity): void {
  if (kase.status !== 'agreement')
    throw new RuleViolation('agreement_not_running', `the case is ${kase.status}: its agreement can no longer change`);
}

/** `POST /api/cases/{id}/agreement` (product.md step 7). */
@Injectable()
export class AgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly cipher: FreeTextCipher,
    private readonly views: CaseOutcomeView,
  ) {}

  async record(principal: Principal, caseId: string, dto: RecordAgreementDto) {
    const descriptions = await this.cipher.encryptForCase(
      this.dataSource,
      principal,
      caseId,
      dto.terms.map((t) => t.description),
    );
    return withTransaction(this.dataSource, async (manager) => {
      const kase = await caseForMediator(manager, principal, caseId);
      // An agreement follows a conclusion with agreement (api.md, case.concluded).
      if (kase.status === 'open')
        throw new RuleViolation('agreement_needs_conclusion', 'the case has not been concluded with an agreement');
      if (kase.status !== 'awaiting_agreement')
        throw new RuleViolation('agreement_not_expected', `the case is ${kase.status}: no agreement can be recorded`);
      const participantIds = await participantIdsOf(manager, kase.referralId);
      const input: AgreementInput = {
        terms: dto.terms.map(({ description: _d, ...term }) => term),
        consentedBy: dto.consentedBy,
      };
      const terms = recordAgreement(input, participantIds, this.clock.today());
      const agreementId = uuidv7();
      await manager.insert(AgreementEntity, {
        id: agreementId,
        caseId,
        referralId: kase.referralId,
        recordedAt: new Date(),
        consentedBy: dto.consentedBy,
      });
      await manager.insert(
        TermEntity,
        terms.map((term, position) => ({
          ...termColumns(term),
          agreementId,
          position,
          description: descriptions[position],
        })),
      );
      await manager.update(CaseEntity, { id: caseId }, { status: 'agreement' });
      await publishEvent(manager, AgreementRecorded, {
        aggregateId: agreementId,
        referralId: kase.referralId,
        ...requestCause(actorOf(principal)),
        data: { agreementId, caseId, terms: terms.map(eventTerm), consentedBy: dto.consentedBy },
      });
      return this.views.forCase(manager, { ...kase, status: 'agreement' });
    });
  }
}

function eventTerm(term: ReturnType<typeof recordAgreement>[number]): AgreementTerm {
  const base = { termId: term.id, kind: term.kind, dueBy: term.dueBy };
  if (term.kind === 'restitution')
    return {
      ...base,
      amount: term.amount,
      recipient: term.recipient,
      ...(term.instalments ? { instalments: term.instalments } : {}),
    };
  if (term.kind === 'community_service') return { ...base, hours: term.hours };
  return base;
}

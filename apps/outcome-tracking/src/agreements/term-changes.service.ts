import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allTermsFulfilled,
  amendTerm,
  applyProgress,
  assertCloseAllowed,
  parseMoney,
  toHundredths,
  toMinorUnits,
  type Term,
} from '@rj/outcome/domain';
import {
  AgreementEntity,
  TermEntity,
  TermProgressEntity,
  termColumns,
  termFromRow,
  type CaseEntity,
} from '@rj/outcome/data-access';
import { NotFound, TermAmended, TermFulfilled, TermProgressRecorded, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { actorOf, type Principal } from '@rj/shared/auth';
import { Clock } from '@rj/shared/service';
import { requestCause, type Cause } from '@rj/shared/service';
import { CaseOutcomeService } from '../outcome/case-outcome.service';
import type { AmendTermDto, CloseCaseDto, RecordProgressDto } from './agreement.dto';
import { agreementForMediator, caseForMediator } from './case-access';
import { assertAgreementRunning, participantIdsOf } from './agreement.service';
import { FreeTextCipher } from './free-text-cipher';

interface Scope {
  manager: EntityManager;
  agreement: AgreementEntity;
  kase: CaseEntity;
  term: Term;
  cause: Cause;
}

/** Amendments, progress and closing (product.md steps 7 and 8); the rules are the domain's. */
@Injectable()
export class TermChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outcomes: CaseOutcomeService,
    private readonly cipher: FreeTextCipher,
  ) {}

  amend(principal: Principal, agreementId: string, termId: string, dto: AmendTermDto) {
    return this.onTerm(principal, agreementId, termId, async ({ manager, agreement, kase, term, cause }) => {
      const amended = amendTerm(
        term,
        { dueBy: dto.dueBy, amount: dto.amount, hours: dto.hours },
        dto.consentedBy,
        await participantIdsOf(manager, kase.referralId),
        this.clock.today(),
      );
      await manager.update(TermEntity, { id: termId }, termColumns(amended));
      await publishEvent(manager, TermAmended, {
        aggregateId: agreementId,
        referralId: kase.referralId,
        ...cause,
        data: {
          agreementId,
          termId,
          consentedBy: dto.consentedBy,
          ...(dto.dueBy !== undefined ? { dueBy: amended.dueBy } : {}),
          ...(dto.amount !== undefined && amended.kind === 'restitution' ? { amount: amended.amount } : {}),
          ...(dto.hours !== undefined && amended.kind === 'community_service' ? { hours: amended.hours } : {}),
        },
      });
      return this.afterChange(manager, agreement, kase, amended, cause);
    });
  }

  async progress(principal: Principal, agreementId: string, termId: string, dto: RecordProgressDto) {
    const agreementRow = await this.dataSource.manager.findOneBy(AgreementEntity, { id: agreementId });
    // No agreement: onTerm answers 404; encrypt nothing meanwhile.
    const [note] = agreementRow
      ? await this.cipher.encryptForCase(this.dataSource, principal, agreementRow.caseId, [dto.note])
      : [null];
    return this.onTerm(principal, agreementId, termId, async ({ manager, agreement, kase, term, cause }) => {
      const { term: updated } = applyProgress(term, { amount: dto.amount, hours: dto.hours, done: dto.done });
      await manager.update(TermEntity, { id: termId }, termColumns(updated));
      await manager.insert(TermProgressEntity, {
        id: uuidv7(),
        termId,
        note,
        recordedBy: principal.sub,
        recordedAt: new Date(),
        done: dto.done ?? null,
        amountMinor: dto.amount ? Number(toMinorUnits(dto.amount.amount, dto.amount.currency)) : null,
        hoursHundredths: dto.hours === undefined ? null : toHundredths(dto.hours),
      });
      const running =
        updated.kind === 'restitution' && dto.amount
          ? { amount: parseMoney(dto.amount), totalAmount: updated.paid }
          : updated.kind === 'community_service' && dto.hours !== undefined
            ? { hours: dto.hours, totalHours: updated.hoursDone }
            : {};
      await publishEvent(manager, TermProgressRecorded, {
        aggregateId: agreementId,
        referralId: kase.referralId,
        ...cause,
        data: { agreementId, termId, ...running, ...(dto.done !== undefined ? { done: dto.done } : {}) },
      });
      return this.afterChange(manager, agreement, kase, updated, cause, term.fulfilled);
    });
  }

  async close(
    principal: Principal,
    caseId: string,
    dto: CloseCaseDto,
  ): Promise<{ caseId: string; status: 'returned' }> {
    await withTransaction(this.dataSource, async (manager) => {
      const kase = await caseForMediator(manager, principal, caseId);
      assertAgreementRunning(kase);
      const terms = (
        await manager.find(TermEntity, { where: { agreementId: (await this.agreementOf(manager, caseId)).id } })
      ).map(termFromRow);
      assertCloseAllowed(terms, dto.reasonCode);
      await this.outcomes.return(manager, kase, 'agreement_not_completed', requestCause(actorOf(principal)));
    });
    return { caseId, status: 'returned' };
  }

  private async onTerm(
    principal: Principal,
    agreementId: string,
    termId: string,
    change: (scope: Scope) => Promise<void>,
  ) {
    await withTransaction(this.dataSource, async (manager) => {
      const { agreement, kase } = await agreementForMediator(manager, principal, agreementId);
      assertAgreementRunning(kase);
      const row = await manager.findOneBy(TermEntity, { id: termId, agreementId });
      if (!row) throw new NotFound('term not found');
      return change({ manager, agreement, kase, term: termFromRow(row), cause: requestCause(actorOf(principal)) });
    });
    const row = await this.dataSource.manager.findOneByOrFail(TermEntity, { id: termId });
    return { agreementId, term: termFromRow(row) };
  }

  /** term.fulfilled when a term flips; case.completed when it was the last (product.md step 8). */
  private async afterChange(
    manager: EntityManager,
    agreement: AgreementEntity,
    kase: CaseEntity,
    term: Term,
    cause: Cause,
    wasFulfilled = false,
  ): Promise<void> {
    if (!term.fulfilled || wasFulfilled) return;
    await publishEvent(manager, TermFulfilled, {
      aggregateId: agreement.id,
      referralId: kase.referralId,
      ...cause,
      data: { agreementId: agreement.id, termId: term.id },
    });
    const terms = (await manager.find(TermEntity, { where: { agreementId: agreement.id } })).map(termFromRow);
    if (allTermsFulfilled(terms)) await this.outcomes.complete(manager, kase, agreement.id, cause);
  }

  private async agreementOf(manager: EntityManager, caseId: string): Promise<AgreementEntity> {
    return manager.findOneByOrFail(AgreementEntity, { caseId });
  }
}

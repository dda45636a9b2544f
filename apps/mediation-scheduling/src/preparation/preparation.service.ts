import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import {
  AcknowledgementRecorded,
  CaseOnHold,
  ConsentRecorded,
  InformationRecorded,
  MediatorDeclared,
  NotFound,
  RiskAssessed,
  uuidv7,
} from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import {
  CaseMediatorEntity,
  ParticipantRecordEntity,
  type MediationCaseEntity,
  type ParticipantRecordKind,
  type RecordDetails,
} from '@rj/scheduling/data-access';
import {
  assertAcknowledgementAllowed,
  assertConsentAllowed,
  assertMediatorMayDeclare,
  assertParticipantRecordable,
  consentEffect,
  holdNeeded,
  riskEffect,
  sessionsToCancel,
  ALL_SESSION_KINDS,
} from '@rj/scheduling/domain';
import { caseSummary } from '../cases/case-view';
import { lockCase, recordCaseEvent, saveCase } from '../cases/case-store';
import { cancelSessions } from '../sessions/session-cancellation';
import { CaseChange } from './case-change';
import type { AcknowledgementDto, ConsentDto, InformationDto, RiskAssessmentDto } from './preparation.dto';
import { Clock, requestCause, type Cause } from '@rj/shared/service';

/** Preparation (product.md step 5): the declaration, then per party information, risk, acknowledgement, consents. */
@Injectable()
export class PreparationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly change: CaseChange,
    private readonly clock: Clock,
  ) {}

  /** Neutral facilitators: the proposed mediator's own statement, before anything else. */
  async declare(principal: Principal, caseId: string, conflictOfInterest: boolean) {
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      if (principal.org !== row.partnerId) throw new NotFound('case not found');
      assertMediatorMayDeclare(row.state, principal.sub);
      await manager.update(
        CaseMediatorEntity,
        { caseId, mediatorId: principal.sub },
        { status: conflictOfInterest ? 'conflicted' : 'assigned', declaredAt: now },
      );
      await recordCaseEvent(
        manager,
        row,
        MediatorDeclared,
        { caseId, mediatorId: principal.sub, conflictOfInterest },
        requestCause(actorOf(principal)),
      );
      await saveCase(manager, row, now);
      return { caseId, mediatorId: principal.sub, conflictOfInterest, assigned: !conflictOfInterest };
    });
  }

  information(principal: Principal, caseId: string, body: InformationDto) {
    return this.change.byMediator(principal, caseId, async (manager, row, now) => {
      assertParticipantRecordable(row.state, body.participantId);
      const { participantId, informationVersion, language } = body;
      const id = await this.keep(
        manager,
        row,
        participantId,
        'information',
        { informationVersion, language },
        principal,
        now,
      );
      await recordCaseEvent(
        manager,
        row,
        InformationRecorded,
        { caseId, participantId, informationVersion, language },
        requestCause(actorOf(principal)),
      );
      return { result: { id, ...this.after(row) } };
    });
  }

  /** Safety first: the latest assessment counts; `stop` holds the case, `indirect_only` ends joint meetings. */
  riskAssessment(principal: Principal, caseId: string, body: RiskAssessmentDto) {
    return this.change.byMediator(principal, caseId, async (manager, row, now) => {
      assertParticipantRecordable(row.state, body.participantId);
      const { participantId, outcome, factors } = body;
      const id = await this.keep(manager, row, participantId, 'risk_assessment', { outcome, factors }, principal, now);
      const cause = requestCause(actorOf(principal));
      await recordCaseEvent(manager, row, RiskAssessed, { caseId, participantId, outcome }, cause);
      const effect = riskEffect(outcome);
      const reason = outcome === 'stop' ? 'risk_stop' : 'mediator_cancelled';
      const cancelled = await cancelSessions(
        manager,
        row,
        sessionsToCancel(row.state, now, effect.cancelSessionKinds),
        reason,
        cause,
        now,
      );
      await this.hold(manager, row, effect.holdReason, cause);
      return { result: { id, ...this.after(row) }, cancelled };
    });
  }

  /** Privileged: only the fact travels (acknowledgement.recorded), never content. */
  acknowledgement(principal: Principal, caseId: string, body: AcknowledgementDto) {
    return this.change.byMediator(principal, caseId, async (manager, row, now) => {
      assertAcknowledgementAllowed(assertParticipantRecordable(row.state, body.participantId));
      const id = await this.keep(manager, row, body.participantId, 'acknowledgement', {}, principal, now);
      await recordCaseEvent(
        manager,
        row,
        AcknowledgementRecorded,
        { caseId, participantId: body.participantId },
        requestCause(actorOf(principal)),
      );
      return { result: { id, ...this.after(row) } };
    });
  }

  /** Voluntary, informed consent per purpose; a participation withdrawal stops scheduling at once. */
  consent(principal: Principal, caseId: string, body: ConsentDto) {
    return this.change.byMediator(principal, caseId, async (manager, row, now) => {
      const { participantId, purpose, decision } = body;
      const byGuardian = body.byGuardian ?? false;
      assertConsentAllowed(assertParticipantRecordable(row.state, participantId), purpose, decision, byGuardian);
      const id = await this.keep(
        manager,
        row,
        participantId,
        'consent',
        { purpose, decision, byGuardian },
        principal,
        now,
      );
      const cause = requestCause(actorOf(principal));
      await recordCaseEvent(
        manager,
        row,
        ConsentRecorded,
        { caseId, participantId, purpose, decision, byGuardian },
        cause,
      );
      const effect = consentEffect(purpose, decision);
      const toCancel = effect.cancelFutureSessions ? sessionsToCancel(row.state, now, ALL_SESSION_KINDS) : [];
      const cancelled = await cancelSessions(manager, row, toCancel, 'participation_withdrawn', cause, now);
      await this.hold(manager, row, effect.holdReason, cause);
      return { result: { id, ...this.after(row) }, cancelled };
    });
  }

  private async hold(
    manager: EntityManager,
    row: MediationCaseEntity,
    reason: 'risk_stop' | 'participation_withdrawn' | null,
    cause: Cause,
  ) {
    if (reason !== null && holdNeeded(row.state, reason))
      await recordCaseEvent(manager, row, CaseOnHold, { caseId: row.id, reasonCode: reason }, cause);
  }

  private async keep(
    manager: EntityManager,
    row: MediationCaseEntity,
    participantId: string,
    kind: ParticipantRecordKind,
    details: RecordDetails,
    principal: Principal,
    now: Date,
  ) {
    const id = uuidv7(now.getTime());
    await manager.insert(ParticipantRecordEntity, {
      id,
      caseId: row.id,
      participantId,
      kind,
      details,
      recordedBy: principal.sub,
      recordedAt: now,
    });
    return id;
  }

  private after(row: MediationCaseEntity) {
    const { id, status, holdReason } = caseSummary(row);
    return { caseId: id, caseStatus: status, holdReason };
  }
}

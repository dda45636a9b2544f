import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { MediatorProposed, NotFound } from '@rj/shared/contracts';
import { KeyStoreClient } from '@rj/shared/pii';
import { withTransaction } from '@rj/shared/persistence';
import {
  CaseMediatorEntity,
  ContactConfirmationEntity,
  MediationCaseEntity,
  MediatorEntity,
  ReferralSnapshotEntity,
} from '@rj/scheduling/data-access';
import { assertMediatorMayBeProposed, dialogueGateChecklist, participantDisclosureFor } from '@rj/scheduling/domain';
import { recordPersonalDataRead } from '../platform/personal-data-read';
import { assertMediatorActive } from '../mediators/mediator-activity';
import { assertPractitionerProposable } from '../practitioners/proposal-check';
import { assertMayView, assertMediatorActs, assertPartnerAdminOf } from './case-access';
import { findCase, lockCase, recordCaseEvent, saveCase } from './case-store';
import { caseBeforeDeclaration, caseDetail, caseSummary } from './case-view';
import {
  decryptName,
  decryptParticipant,
  DECRYPTED_FIELDS,
  DECRYPTED_NAME_FIELDS,
  type PlainParticipant,
} from './participant-decryptor';
import { Clock, pageOf, pageSizeOf, requestCause, type PageQuery } from '@rj/shared/service';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyStore: KeyStoreClient,
    private readonly clock: Clock,
  ) {}

  /** The partner's admin: all of its cases; a mediator: those proposed for or assigned to. */
  async list(principal: Principal, query: PageQuery) {
    const limit = pageSizeOf(query);
    let qb: SelectQueryBuilder<MediationCaseEntity> = this.dataSource
      .getRepository(MediationCaseEntity)
      .createQueryBuilder('c')
      .where('c.partner_id = :org', { org: principal.org })
      .orderBy('c.id', 'ASC')
      .take(limit + 1);
    if (principal.role === 'mediator') {
      qb = qb.innerJoin(
        CaseMediatorEntity,
        'cm',
        `cm.case_id = c.id and cm.mediator_id = :sub and cm.status <> 'conflicted'`,
        { sub: principal.sub },
      );
    }
    if (query.cursor) qb = qb.andWhere('c.id > :cursor', { cursor: query.cursor });
    const rows = principal.org === null ? [] : await qb.getMany();
    return pageOf(rows, limit, caseSummary);
  }

  /**
   * One case with the parties' names and contacts decrypted — only their names for a mediator
   * who has not declared yet (participantDisclosureFor); the read is logged with what was read.
   */
  async get(principal: Principal, caseId: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    const standing = assertMayView(row, principal);
    const snapshot = await this.dataSource
      .getRepository(ReferralSnapshotEntity)
      .findOneBy({ referralId: row.referralId });
    const participants = snapshot?.participants ?? [];
    const erased = snapshot?.personalDataErasedAt != null;
    const referral = { participants, personalDataErasedAt: snapshot?.personalDataErasedAt ?? null };
    let body: ReturnType<typeof caseDetail> | ReturnType<typeof caseBeforeDeclaration>;
    let fields: string[];
    if (participantDisclosureFor(standing) === 'names_and_roles') {
      const names = new Map<string, string | null>();
      for (const participant of participants)
        names.set(participant.participantId, await decryptName(this.keyStore, participant, erased));
      body = caseBeforeDeclaration(row, referral, names);
      fields = DECRYPTED_NAME_FIELDS;
    } else {
      const plain = new Map<string, PlainParticipant>();
      for (const participant of participants)
        plain.set(participant.participantId, await decryptParticipant(this.keyStore, participant, erased));
      const confirmations = await this.dataSource.getRepository(ContactConfirmationEntity).findBy({ caseId: row.id });
      body = caseDetail(
        row,
        referral,
        plain,
        new Map(confirmations.map((c) => [c.participantId, c.confirmedAt.toISOString()])),
      );
      fields = DECRYPTED_FIELDS;
    }
    if (!erased && participants.length > 0) {
      await withTransaction(this.dataSource, (manager) =>
        recordPersonalDataRead(manager, principal, row.referralId, 'GET /api/cases/{id}', fields),
      );
    }
    return body;
  }

  /**
   * The dialogue gate per participant, for the case's assigned mediators and the partner's admin
   * (a proposed mediator declares first: 403 declaration_required). Ids and codes only.
   */
  async gate(principal: Principal, caseId: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    if (assertMayView(row, principal) === 'proposed') assertMediatorActs(row, principal);
    const assigned = row.state.mediators.filter((m) => m.declared && !m.conflicted).map((m) => m.mediatorId);
    return {
      caseId: row.id,
      status: row.status,
      holdReason: row.holdReason,
      mediatorIds: assigned,
      ...dialogueGateChecklist(row.state, assigned, this.clock.now()),
    };
  }

  /** A partner_admin proposes a registered mediator of its own organisation (api.md). */
  async proposeMediator(principal: Principal, caseId: string, mediatorId: string) {
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertPartnerAdminOf(row, principal);
      const mediator = await manager.findOneBy(MediatorEntity, { sub: mediatorId });
      if (!mediator || mediator.partnerId !== principal.org) throw new NotFound('mediator not found');
      assertMediatorActive(mediator);
      assertMediatorMayBeProposed(row.state, mediatorId);
      await assertPractitionerProposable(manager, row.state, row.referralId, mediatorId, now);
      await manager.insert(CaseMediatorEntity, {
        caseId,
        mediatorId,
        status: 'proposed',
        proposedBy: principal.sub,
        proposedAt: now,
        declaredAt: null,
      });
      await recordCaseEvent(manager, row, MediatorProposed, { caseId, mediatorId }, requestCause(actorOf(principal)));
      await saveCase(manager, row, now);
      return caseSummary(row);
    });
  }
}

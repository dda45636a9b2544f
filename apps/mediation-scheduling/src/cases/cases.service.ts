import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@rj/shared/auth';
import { MediatorProposed, NotFound } from '@rj/shared/contracts';
import { KeyStoreClient } from '@rj/shared/pii';
import { withTransaction } from '@rj/shared/persistence';
import { CaseMediatorEntity, MediationCaseEntity, MediatorEntity, ReferralSnapshotEntity } from '@rj/scheduling/data-access';
import { assertMediatorMayBeProposed } from '@rj/scheduling/domain';
import { CLOCK, type Clock } from '../platform/clock';
import { page, type ListQueryDto } from '../platform/list-query.dto';
import { recordPersonalDataRead } from '../platform/personal-data-read';
import { originOf } from '../platform/request-origin';
import { assertMayView, assertPartnerAdminOf } from './case-access';
import { findCase, lockCase, recordCaseEvent, saveCase } from './case-store';
import { caseDetail, caseSummary } from './case-view';
import { decryptParticipant, DECRYPTED_FIELDS, type PlainParticipant } from './participant-decryptor';

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyStore: KeyStoreClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The partner's admin: all of its cases; a mediator: those proposed for or assigned to. */
  async list(principal: Principal, query: ListQueryDto) {
    const limit = query.limit ?? 50;
    let qb: SelectQueryBuilder<MediationCaseEntity> = this.dataSource
      .getRepository(MediationCaseEntity)
      .createQueryBuilder('c')
      .where('c.partner_id = :org', { org: principal.org })
      .orderBy('c.id', 'ASC')
      .take(limit + 1);
    if (principal.role === 'mediator') {
      qb = qb.innerJoin(CaseMediatorEntity, 'cm', `cm.case_id = c.id and cm.mediator_id = :sub and cm.status <> 'conflicted'`, { sub: principal.sub });
    }
    if (query.cursor) qb = qb.andWhere('c.id > :cursor', { cursor: query.cursor });
    const rows = principal.org === null ? [] : await qb.getMany();
    return page(rows.map(caseSummary), limit, (item) => item.id);
  }

  /** One case with the parties' names and contacts decrypted; the read is logged. */
  async get(principal: Principal, caseId: string) {
    const row = await findCase(this.dataSource.manager, caseId);
    const standing = assertMayView(row, principal);
    const snapshot = await this.dataSource.getRepository(ReferralSnapshotEntity).findOneBy({ referralId: row.referralId });
    const participants = snapshot?.participants ?? [];
    const erased = snapshot?.personalDataErasedAt != null;
    const plain = new Map<string, PlainParticipant>();
    for (const participant of participants) plain.set(participant.participantId, await decryptParticipant(this.keyStore, participant, erased));
    const body = caseDetail(row, standing, { participants, personalDataErasedAt: snapshot?.personalDataErasedAt ?? null }, plain);
    if (!erased && participants.length > 0) {
      await withTransaction(this.dataSource, (manager) => recordPersonalDataRead(manager, principal, row.referralId, 'GET /api/cases/{id}', DECRYPTED_FIELDS));
    }
    return body;
  }

  /** A partner_admin proposes a registered mediator of its own organisation (api.md). */
  async proposeMediator(principal: Principal, caseId: string, mediatorId: string) {
    const now = this.clock();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertPartnerAdminOf(row, principal);
      const mediator = await manager.findOneBy(MediatorEntity, { sub: mediatorId });
      if (!mediator || mediator.partnerId !== principal.org) throw new NotFound('mediator not found');
      assertMediatorMayBeProposed(row.state, mediatorId);
      await manager.insert(CaseMediatorEntity, { caseId, mediatorId, status: 'proposed', proposedBy: principal.sub, proposedAt: now, declaredAt: null });
      await recordCaseEvent(manager, row, MediatorProposed, { caseId, mediatorId }, originOf(principal));
      await saveCase(manager, row, now);
      return caseSummary(row);
    });
  }
}

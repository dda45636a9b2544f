import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import {
  Conflict,
  InvalidInput,
  MediatorPracticeRecorded,
  MediatorPracticeVerified,
  NotFound,
  uuidv7,
} from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { Clock, pageOf, requestCause } from '@rj/shared/service';
import { MediatorEntity, PartnerEntity, PracticeRecordEntity } from '@rj/scheduling/data-access';
import {
  DEFAULT_PRACTICE_THRESHOLDS,
  localDay,
  mayLead,
  needsVerification,
  practitionerProblems,
  recordDateProblems,
  supervisionStanding,
  type PracticeRecordType,
} from '@rj/scheduling/domain';
import type {
  RecordBackgroundCheckDto,
  RecordCredentialDto,
  RecordLanguageDto,
  RecordPracticeDto,
} from './practice-record.dto';
import { pendingRecordView, practiceRecordView } from './practice-record.view';
import { loadPractitionerFacts, NO_PRACTICE } from './practitioner-facts';

type NewRecord = Pick<PracticeRecordEntity, 'recordType' | 'kind'> &
  Partial<
    Pick<
      PracticeRecordEntity,
      'issuer' | 'hours' | 'obtainedOn' | 'expiresOn' | 'reference' | 'categories' | 'withName'
    >
  >;

/**
 * A mediator's practice (issue 22): recorded by the partner's admin, verified by a platform
 * admin, read by those two only. What a proposal needs of it is decided by the pure rules in
 * libs/scheduling/domain/src/lib/practitioners.
 */
@Injectable()
export class PractitionersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  recordCredential(principal: Principal, sub: string, body: RecordCredentialDto) {
    return this.record(
      principal,
      sub,
      {
        recordType: 'credential',
        kind: body.kind,
        issuer: body.issuer,
        hours: body.hours,
        obtainedOn: body.obtainedOn,
        expiresOn: body.expiresOn ?? null,
        reference: body.certificateReference ?? null,
        categories: body.offenseCategories,
      },
      'obtainedOn',
    );
  }

  recordBackgroundCheck(principal: Principal, sub: string, body: RecordBackgroundCheckDto) {
    return this.record(
      principal,
      sub,
      {
        recordType: 'background_check',
        kind: body.kind,
        issuer: body.issuer,
        obtainedOn: body.checkedOn,
        expiresOn: body.expiresOn,
        reference: body.reference ?? null,
      },
      'checkedOn',
    );
  }

  recordLanguage(principal: Principal, sub: string, body: RecordLanguageDto) {
    return this.record(
      principal,
      sub,
      {
        recordType: 'language',
        kind: body.language,
        withName: body.checkedBy,
        obtainedOn: body.checkedOn,
      },
      'checkedOn',
    );
  }

  recordPractice(principal: Principal, sub: string, body: RecordPracticeDto) {
    return this.record(
      principal,
      sub,
      {
        recordType: 'practice',
        kind: body.kind,
        obtainedOn: body.heldOn,
        withName: body.withName,
      },
      'heldOn',
    );
  }

  /**
   * The mediator's whole record and where they stand under the platform's default thresholds
   * (a jurisdiction's own apply at proposal): the partner's admin for its own, any admin.
   */
  async practiceOf(principal: Principal, sub: string) {
    const manager = this.dataSource.manager;
    const mediator = await this.visibleMediator(manager, principal, sub);
    const records = await manager
      .getRepository(PracticeRecordEntity)
      .find({ where: { mediatorSub: sub }, order: { recordedAt: 'ASC', id: 'ASC' } });
    const facts = (await loadPractitionerFacts(manager, [sub])).get(sub) ?? NO_PRACTICE;
    const thresholds = DEFAULT_PRACTICE_THRESHOLDS;
    const today = localDay(this.clock.now(), thresholds.timeZone);
    const describe = (minorInvolved: boolean, experiencedLeadOnCase: boolean) =>
      practitionerProblems(facts, { minorInvolved, experiencedLeadOnCase }, thresholds, today);
    const supervision = supervisionStanding(facts, thresholds, today);
    return {
      mediator: { sub: mediator.sub, partnerId: mediator.partnerId, fullName: mediator.fullName },
      records: records.map(practiceRecordView),
      standing: {
        today,
        thresholds,
        mayLead: mayLead(facts, thresholds),
        coFacilitatedCases: facts.coFacilitatedCases,
        openCaseload: facts.openCaseload,
        supervision,
        /** Unmet for leading an adult case; empty: proposable. */
        unmet: describe(false, false),
        /** Unmet for a case with a minor, beside an experienced lead. */
        unmetWithMinor: describe(true, true),
      },
    };
  }

  /** Records waiting for an admin's verification, oldest first. */
  async unverified(limit: number, cursor?: string) {
    const qb = this.dataSource
      .getRepository(PracticeRecordEntity)
      .createQueryBuilder('r')
      .where('r.verified_at is null')
      .andWhere(`r.record_type <> 'practice'`)
      .orderBy('r.id', 'ASC')
      .take(limit + 1);
    if (cursor) qb.andWhere('r.id > :cursor', { cursor });
    const rows = await qb.getMany();
    const shown = rows.slice(0, limit);
    const mediators = await this.dataSource
      .getRepository(MediatorEntity)
      .findBy({ sub: In([...new Set(shown.map((row) => row.mediatorSub))]) });
    const bySub = new Map(mediators.map((m) => [m.sub, m]));
    const partners = await this.dataSource
      .getRepository(PartnerEntity)
      .findBy({ id: In([...new Set(shown.map((row) => row.partnerId))]) });
    const byId = new Map(partners.map((p) => [p.id, p]));
    return pageOf(rows, limit, (row) => pendingRecordView(row, bySub.get(row.mediatorSub), byId.get(row.partnerId)));
  }

  /**
   * A platform admin verifies a credential, check or language: it counts from now until its
   * expiry day ends. Verifying again changes nothing and announces nothing.
   */
  async verify(principal: Principal, recordId: string) {
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = isUUID(recordId)
        ? await manager
            .getRepository(PracticeRecordEntity)
            .findOne({ where: { id: recordId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!row) throw new NotFound('record not found');
      if (!needsVerification(row.recordType as PracticeRecordType)) {
        throw new Conflict(
          'Supervision, observed practice and co-facilitated cases count as recorded; only credentials, background checks and languages are verified.',
          { rule: 'not_verifiable' },
        );
      }
      if (row.verifiedAt) return practiceRecordView(row);
      row.verifiedAt = now;
      row.verifiedBy = principal.sub;
      row.verifiedOn = localDay(now, DEFAULT_PRACTICE_THRESHOLDS.timeZone);
      await manager.save(PracticeRecordEntity, row);
      const cause = requestCause(actorOf(principal));
      await publishEvent(manager, MediatorPracticeVerified, {
        aggregateId: row.mediatorSub,
        referralId: null,
        actor: cause.actor,
        causedBy: cause.causedBy,
        data: {
          recordId: row.id,
          mediatorId: row.mediatorSub,
          partnerId: row.partnerId,
          recordType: row.recordType,
          kind: row.kind,
          offenseCategories: row.categories,
          ...(row.expiresOn ? { expiresOn: row.expiresOn } : {}),
        },
      });
      return practiceRecordView(row);
    });
  }

  /** `happenedField`: the request's name for the day it was obtained, checked or held. */
  private async record(principal: Principal, sub: string, input: NewRecord, happenedField: string) {
    const now = this.clock.now();
    const dateProblems = recordDateProblems(
      { happened: { field: happenedField, day: input.obtainedOn as string }, expiresOn: input.expiresOn },
      localDay(now, DEFAULT_PRACTICE_THRESHOLDS.timeZone),
    );
    if (dateProblems.length > 0) throw new InvalidInput('the record’s dates are not possible', [...dateProblems]);
    return withTransaction(this.dataSource, async (manager) => {
      const mediator = await this.ownMediator(manager, principal, sub);
      const row: PracticeRecordEntity = {
        id: uuidv7(),
        mediatorSub: mediator.sub,
        partnerId: mediator.partnerId,
        recordType: input.recordType,
        kind: input.kind,
        issuer: input.issuer ?? null,
        hours: input.hours ?? null,
        obtainedOn: input.obtainedOn ?? null,
        expiresOn: input.expiresOn ?? null,
        reference: input.reference ?? null,
        categories: input.categories ?? [],
        withName: input.withName ?? null,
        recordedBy: principal.sub,
        recordedAt: now,
        verifiedBy: null,
        verifiedAt: null,
        verifiedOn: null,
      };
      await manager.insert(PracticeRecordEntity, row);
      const cause = requestCause(actorOf(principal));
      await publishEvent(manager, MediatorPracticeRecorded, {
        aggregateId: mediator.sub,
        referralId: null,
        actor: cause.actor,
        causedBy: cause.causedBy,
        data: {
          recordId: row.id,
          mediatorId: mediator.sub,
          partnerId: mediator.partnerId,
          recordType: row.recordType,
          kind: row.kind,
          offenseCategories: row.categories,
          ...(row.expiresOn ? { expiresOn: row.expiresOn } : {}),
          ...(row.recordType === 'practice' && row.obtainedOn ? { heldOn: row.obtainedOn } : {}),
        },
      });
      return practiceRecordView(row);
    });
  }

  /** A mediator of the caller's organisation; another organisation's is not found. */
  private async ownMediator(manager: EntityManager, principal: Principal, sub: string): Promise<MediatorEntity> {
    const row = await manager.findOneBy(MediatorEntity, { sub });
    if (!row || principal.org === null || row.partnerId !== principal.org) throw new NotFound('mediator not found');
    return row;
  }

  /** A platform admin sees every mediator's record; a partner's admin only its own mediators'. */
  private async visibleMediator(manager: EntityManager, principal: Principal, sub: string): Promise<MediatorEntity> {
    if (principal.role !== 'admin') return this.ownMediator(manager, principal, sub);
    const row = await manager.findOneBy(MediatorEntity, { sub });
    if (!row) throw new NotFound('mediator not found');
    return row;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { OfficeEntity } from '@rj/referral/data-access';
import { actorOf, assertOwnedBy, type Principal } from '@rj/shared/auth';
import { NotFound, OfficeRegistered, OfficeUpdated, UUID_PATTERN, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { requestCause } from '@rj/shared/service';
import { pageOf, pageSizeOf, type Page, type PageQuery } from '@rj/shared/service';
import { Idempotency, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency';
import type { CreateOfficeDto, OfficeView, UpdateOfficeDto } from './office.dto';

/** Prosecutors' offices: an admin registers them; a prosecutor's `org` is its office's id. */
@Injectable()
export class OfficesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: Idempotency,
  ) {}

  async register(
    principal: Principal,
    dto: CreateOfficeDto,
    idempotent?: IdempotentRequest,
  ): Promise<StoredAnswer<OfficeView>> {
    return withTransaction(this.dataSource, async (manager) => {
      const replay = idempotent && (await this.idempotency.claim<OfficeView>(manager, idempotent));
      if (replay) return replay;
      const office = manager.create(OfficeEntity, {
        id: uuidv7(),
        name: dto.name,
        jurisdictions: dto.jurisdictions,
        contactEmail: dto.contact.email,
      });
      await manager.insert(OfficeEntity, office);
      const saved = await manager.findOneByOrFail(OfficeEntity, { id: office.id });
      await publishEvent(manager, OfficeRegistered, {
        aggregateId: saved.id,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data: officeEventData(saved),
      });
      const answer = { status: 201, body: officeView(saved) };
      if (idempotent) await this.idempotency.record(manager, idempotent, saved.id, answer);
      return answer;
    });
  }

  async update(principal: Principal, id: string, dto: UpdateOfficeDto): Promise<OfficeView> {
    return withTransaction(this.dataSource, async (manager) => {
      const office = await manager.findOne(OfficeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!office) throw new NotFound('no such office');
      await manager.update(
        OfficeEntity,
        { id },
        {
          ...(dto.name !== undefined && { name: dto.name }),
          ...(dto.jurisdictions && { jurisdictions: dto.jurisdictions }),
          ...(dto.contact && { contactEmail: dto.contact.email }),
          updatedAt: new Date(),
        },
      );
      const saved = await manager.findOneByOrFail(OfficeEntity, { id });
      // The whole new state, not a diff: a consumer that missed an update still ends up right.
      await publishEvent(manager, OfficeUpdated, {
        aggregateId: id,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data: officeEventData(saved),
      });
      return officeView(saved);
    });
  }

  /** An admin sees every office; a prosecutor only its own (api.md). */
  async list(principal: Principal, query: PageQuery): Promise<Page<OfficeView>> {
    if (principal.role === 'prosecutor') {
      const own = query.cursor ? null : await this.findOwn(this.dataSource.manager, principal);
      return { items: own ? [officeView(own)] : [], nextCursor: null };
    }
    const limit = pageSizeOf(query);
    const rows = await this.dataSource.manager.find(OfficeEntity, {
      where: query.cursor ? { id: LessThan(query.cursor) } : {},
      order: { id: 'DESC' },
      take: limit + 1,
    });
    return pageOf(rows, limit, officeView);
  }

  async get(principal: Principal, id: string): Promise<OfficeView> {
    if (principal.role === 'prosecutor') assertOwnedBy(principal, id, 'no such office');
    const office = await this.dataSource.manager.findOneBy(OfficeEntity, { id });
    if (!office) throw new NotFound('no such office');
    return officeView(office);
  }

  private async findOwn(manager: EntityManager, principal: Principal): Promise<OfficeEntity | null> {
    // An organisation claim that is no UUID names no office (and must not reach a uuid column).
    return principal.org && UUID_PATTERN.test(principal.org)
      ? manager.findOneBy(OfficeEntity, { id: principal.org })
      : null;
  }
}

function officeEventData(office: OfficeEntity) {
  return {
    officeId: office.id,
    name: office.name,
    jurisdictions: office.jurisdictions,
    contact: { email: office.contactEmail },
  };
}

export function officeView(office: OfficeEntity): OfficeView {
  return {
    id: office.id,
    name: office.name,
    jurisdictions: office.jurisdictions,
    contact: { email: office.contactEmail },
    createdAt: office.createdAt.toISOString(),
    updatedAt: office.updatedAt.toISOString(),
  };
}

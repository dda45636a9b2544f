import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { Conflict, MediatorRegistered, MediatorUpdated, NotFound } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { isUniqueViolation, withTransaction } from '@rj/shared/persistence';
import { MediatorEntity } from '@rj/scheduling/data-access';
import type { RegisterMediatorDto } from './register-mediator.dto';
import type { UpdateMediatorDto } from './update-mediator.dto';
import { isActiveMediator } from './mediator-activity';
import { Clock, pageOf, requestCause } from '@rj/shared/service';

/**
 * A mediator as their partner's administrator reads them: the record, whether they can be
 * proposed for new cases, and their caseload (open cases they are proposed for or assigned to).
 */
const view = (m: MediatorEntity, caseload = 0) => ({
  sub: m.sub,
  partnerId: m.partnerId,
  fullName: m.fullName,
  contact: { email: m.email },
  specialties: m.specialties,
  registeredAt: m.registeredAt.toISOString(),
  active: isActiveMediator(m),
  deactivatedAt: m.deactivatedAt?.toISOString() ?? null,
  caseload,
});

@Injectable()
export class MediatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A partner_admin registers a mediator of its own organisation; mediators are staff (plain data). */
  async register(principal: Principal, body: RegisterMediatorDto) {
    const partnerId = principal.org as string;
    const now = this.clock.now();
    try {
      return await withTransaction(this.dataSource, async (manager) => {
        const row: MediatorEntity = {
          sub: body.sub,
          partnerId,
          fullName: body.fullName,
          email: body.contact.email,
          specialties: body.specialties,
          registeredBy: principal.sub,
          registeredAt: now,
          deactivatedAt: null,
          deactivatedBy: null,
          updatedAt: null,
        };
        await manager.insert(MediatorEntity, row);
        const cause = requestCause(actorOf(principal));
        await publishEvent(manager, MediatorRegistered, {
          aggregateId: body.sub,
          referralId: null,
          actor: cause.actor,
          causedBy: cause.causedBy,
          data: {
            mediatorId: body.sub,
            partnerId,
            fullName: body.fullName,
            contact: { email: body.contact.email },
            specialties: body.specialties,
          },
        });
        return view(row);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new Conflict('a mediator with this sub is already registered', { rule: 'mediator_already_registered' });
      throw error;
    }
  }

  /** The organisation's mediators by `sub`; `active` narrows to those who can (or cannot) be proposed. */
  async list(principal: Principal, limit: number, cursor?: string, active?: boolean) {
    const rows = await this.dataSource.getRepository(MediatorEntity).find({
      where: {
        partnerId: principal.org as string,
        ...(cursor ? { sub: MoreThan(cursor) } : {}),
        ...(active === undefined ? {} : { deactivatedAt: active ? IsNull() : Not(IsNull()) }),
      },
      order: { sub: 'ASC' },
      take: limit + 1,
    });
    const shown = rows.slice(0, limit);
    const caseloads = await this.caseloads(
      this.dataSource.manager,
      shown.map((m) => m.sub),
    );
    return pageOf(
      rows,
      limit,
      (m) => view(m, caseloads.get(m.sub)),
      (m) => m.sub,
    );
  }

  async get(principal: Principal, sub: string) {
    const row = await this.ownMediator(this.dataSource.manager, principal, sub);
    const caseloads = await this.caseloads(this.dataSource.manager, [row.sub]);
    return view(row, caseloads.get(row.sub));
  }

  /** Changes the record; the `sub` stays. Announced with the whole new record. */
  async update(principal: Principal, sub: string, body: UpdateMediatorDto) {
    return this.change(principal, sub, (row) => {
      if (body.fullName !== undefined) row.fullName = body.fullName;
      if (body.contact !== undefined) row.email = body.contact.email;
      if (body.specialties !== undefined) row.specialties = body.specialties;
    });
  }

  /**
   * Deactivates or activates again. A deactivated mediator is proposed for nothing new
   * (assertMediatorActive, checked where proposals are made); their cases and history stay.
   * Repeating it changes nothing and announces nothing.
   */
  async setActive(principal: Principal, sub: string, active: boolean) {
    return this.change(principal, sub, (row, now) => {
      if (isActiveMediator(row) === active) return false;
      row.deactivatedAt = active ? null : now;
      row.deactivatedBy = active ? null : principal.sub;
      return true;
    });
  }

  private async change(principal: Principal, sub: string, apply: (row: MediatorEntity, now: Date) => boolean | void) {
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await this.ownMediator(manager, principal, sub, true);
      if (apply(row, now) !== false) {
        row.updatedAt = now;
        await manager.save(MediatorEntity, row);
        const cause = requestCause(actorOf(principal));
        await publishEvent(manager, MediatorUpdated, {
          aggregateId: row.sub,
          referralId: null,
          actor: cause.actor,
          causedBy: cause.causedBy,
          data: {
            mediatorId: row.sub,
            partnerId: row.partnerId,
            fullName: row.fullName,
            contact: { email: row.email },
            specialties: row.specialties,
            active: isActiveMediator(row),
          },
        });
      }
      const caseloads = await this.caseloads(manager, [row.sub]);
      return view(row, caseloads.get(row.sub));
    });
  }

  /** A mediator of the caller's organisation; another organisation's is not found (its existence not revealed). */
  private async ownMediator(
    manager: EntityManager,
    principal: Principal,
    sub: string,
    lock = false,
  ): Promise<MediatorEntity> {
    const row = await manager
      .getRepository(MediatorEntity)
      .findOne({ where: { sub }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row || principal.org === null || row.partnerId !== principal.org) throw new NotFound('mediator not found');
    return row;
  }

  /** Open cases (not concluded) each mediator is proposed for or assigned to; a conflicted proposal does not count. */
  private async caseloads(manager: EntityManager, subs: string[]): Promise<Map<string, number>> {
    if (subs.length === 0) return new Map();
    const rows = (await manager.query(
      `select cm.mediator_id as sub, count(*)::int as n
         from case_mediator cm join mediation_case c on c.id = cm.case_id
        where cm.mediator_id = any($1) and cm.status <> 'conflicted' and c.status <> 'concluded'
        group by cm.mediator_id`,
      [subs],
    )) as { sub: string; n: number }[];
    return new Map(rows.map((row) => [row.sub, row.n]));
  }
}

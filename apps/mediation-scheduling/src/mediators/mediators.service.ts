import { Inject, Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import type { Principal } from '@rj/shared/auth';
import { Conflict, MediatorRegistered } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { isUniqueViolation, withTransaction } from '@rj/shared/persistence';
import { MediatorEntity } from '@rj/scheduling/data-access';
import { CLOCK, type Clock } from '../platform/clock';
import { originOf } from '../platform/request-origin';
import type { RegisterMediatorDto } from './register-mediator.dto';

const view = (m: MediatorEntity) => ({
  sub: m.sub,
  partnerId: m.partnerId,
  fullName: m.fullName,
  contact: { email: m.email },
  specialties: m.specialties,
  registeredAt: m.registeredAt.toISOString(),
});

@Injectable()
export class MediatorsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A partner_admin registers a mediator of its own organisation; mediators are staff (plain data). */
  async register(principal: Principal, body: RegisterMediatorDto) {
    const partnerId = principal.org as string;
    const now = this.clock();
    try {
      return await withTransaction(this.dataSource, async (manager) => {
        const row: MediatorEntity = { sub: body.sub, partnerId, fullName: body.fullName, email: body.contact.email, specialties: body.specialties, registeredBy: principal.sub, registeredAt: now };
        await manager.insert(MediatorEntity, row);
        const origin = originOf(principal);
        await publishEvent(manager, MediatorRegistered, {
          aggregateId: body.sub,
          referralId: null,
          actor: origin.actor,
          causedBy: origin.causedBy,
          data: { mediatorId: body.sub, partnerId, fullName: body.fullName, contact: { email: body.contact.email }, specialties: body.specialties },
        });
        return view(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new Conflict('a mediator with this sub is already registered', { rule: 'mediator_already_registered' });
      throw error;
    }
  }

  async list(principal: Principal, limit: number, cursor?: string) {
    const rows = await this.dataSource.getRepository(MediatorEntity).find({
      where: { partnerId: principal.org as string, ...(cursor ? { sub: MoreThan(cursor) } : {}) },
      order: { sub: 'ASC' },
      take: limit + 1,
    });
    const shown = rows.slice(0, limit);
    return { items: shown.map(view), nextCursor: rows.length > limit ? shown[shown.length - 1].sub : null };
  }
}

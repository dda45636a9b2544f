import { Clock, requestCause } from '@rj/shared/service';
import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { withRetriedTransaction } from '@rj/shared/persistence';
import { PartnerEntity } from '@rj/matching/data-access';
import { assertActivationAllowed, assertProfileChangeAllowed, PARTNER_PROFILE_FIELDS } from '@rj/matching/domain';
import { actorOf, assertOwnedBy, type Principal } from '@rj/shared/auth';
import { NotFound, PartnerRegistered, PartnerUpdated, uuidv7, type DataOf } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { DEFAULT_PAGE_SIZE, pageOf } from '@rj/shared/service';
import { lockPartner } from '../offers/locks';
import type { CreatePartnerDto, UpdatePartnerDto } from './partner.dto';
import { partnerView, type PartnerPage, type PartnerView } from './partner.view';

/** The whole profile, as partner.registered and partner.updated carry it. */
function profileData(partner: PartnerEntity): DataOf<typeof PartnerRegistered> {
  return {
    partnerId: partner.id,
    name: partner.name,
    jurisdictions: partner.jurisdictions,
    offenseCategories: partner.offenseCategories,
    languages: partner.languages,
    servesMinors: partner.servesMinors,
    capacity: partner.capacity,
    responseHours: partner.responseHours,
    specialties: partner.specialties,
    active: partner.active,
    ...(partner.contactEmail ? { contact: { email: partner.contactEmail } } : {}),
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The partner registry (api.md, partner-matching): an admin registers organisations; a
 * partner_admin reads and keeps its own profile. Every change is announced with the whole new
 * profile, for scheduling and outcome-tracking to keep their copies.
 */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Idempotency-Key is the app's IdempotencyInterceptor's (@rj/shared/service), as for every POST. */
  register(principal: Principal, dto: CreatePartnerDto): Promise<PartnerView> {
    return withRetriedTransaction(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const partner = manager.create(PartnerEntity, {
        id: uuidv7(),
        name: dto.name,
        jurisdictions: dto.jurisdictions,
        offenseCategories: dto.offenseCategories,
        languages: dto.languages,
        servesMinors: dto.servesMinors,
        capacity: dto.capacity,
        responseHours: dto.responseHours,
        specialties: dto.specialties ?? [],
        active: dto.active ?? true,
        // An admin registering a partner inactive has deactivated it: only an admin activates it.
        deactivatedAt: dto.active === false ? now : null,
        deactivatedBy: dto.active === false ? principal.sub : null,
        contactEmail: dto.contact?.email ?? null,
        openCases: 0,
        offersResolved: 0,
        responseHoursTotal: 0,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(PartnerEntity, partner);
      await publishEvent(manager, PartnerRegistered, {
        aggregateId: partner.id,
        referralId: null,
        ...requestCause(actorOf(principal)),
        occurredAt: now,
        data: profileData(partner),
      });
      return partnerView(partner);
    });
  }

  /** An admin pages through every partner (active ones, inactive ones, or all); a partner_admin sees its own. */
  async list(principal: Principal, query: { limit?: number; cursor?: string; active?: boolean }): Promise<PartnerPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const repository = this.dataSource.getRepository(PartnerEntity);
    if (principal.role !== 'admin') {
      const own = principal.org ? await repository.findOneBy({ id: principal.org }) : null;
      return { items: own && (!query.cursor || own.id > query.cursor) ? [partnerView(own)] : [], nextCursor: null };
    }
    const rows = await repository.find({
      where: {
        ...(query.cursor && { id: MoreThan(query.cursor) }),
        ...(query.active !== undefined && { active: query.active }),
      },
      order: { id: 'ASC' },
      take: limit + 1,
    });
    return pageOf(rows, limit, partnerView);
  }

  async get(principal: Principal, id: string): Promise<PartnerView> {
    const partner = await this.dataSource.getRepository(PartnerEntity).findOneBy({ id });
    this.assertVisible(principal, partner);
    return partnerView(partner);
  }

  update(principal: Principal, id: string, dto: UpdatePartnerDto): Promise<PartnerView> {
    return withRetriedTransaction(this.dataSource, async (manager) => {
      const partner = await lockPartner(manager, id);
      this.assertVisible(principal, partner);
      const sent = PARTNER_PROFILE_FIELDS.filter((field) => dto[field] !== undefined);
      assertProfileChangeAllowed(principal.role, sent);
      if (dto.active !== undefined) assertActivationAllowed(principal.role, dto.active, partner.deactivatedAt !== null);
      const before = profileData(partner);
      const deactivatedBefore = partner.deactivatedAt;
      for (const field of sent) {
        if (field === 'contact') partner.contactEmail = dto.contact?.email ?? null;
        else Object.assign(partner, { [field]: dto[field] });
      }
      const now = this.clock.now();
      if (principal.role === 'admin' && dto.active !== undefined) {
        // An admin's `active: false` is a deactivation (it holds until an admin lifts it); `true` lifts it.
        partner.deactivatedAt = dto.active ? null : (partner.deactivatedAt ?? now);
        partner.deactivatedBy = dto.active ? null : (partner.deactivatedBy ?? principal.sub);
      }
      const profileChanged = !sameValue(profileData(partner), before);
      if (!profileChanged && partner.deactivatedAt === deactivatedBefore) return partnerView(partner);
      partner.updatedAt = now;
      await manager.save(partner);
      // Others keep `active` only; an admin taking over a partner's own pause changes nothing they see.
      if (profileChanged) {
        await publishEvent(manager, PartnerUpdated, {
          aggregateId: partner.id,
          referralId: null,
          ...requestCause(actorOf(principal)),
          occurredAt: now,
          data: profileData(partner),
        });
      }
      return partnerView(partner);
    });
  }

  /**
   * An admin deactivates a partner: no new offers (the `inactive` hard constraint), no accepting
   * an offer made before, its history kept; `partner.updated` says `active: false`. Repeating it
   * changes nothing.
   */
  deactivate(principal: Principal, id: string): Promise<PartnerView> {
    return this.update(principal, id, { active: false });
  }

  /** An admin lifts a deactivation (or a partner's own pause). */
  activate(principal: Principal, id: string): Promise<PartnerView> {
    return this.update(principal, id, { active: true });
  }

  /** Admins see every partner; a partner_admin its own, and another's is a 404 (existence not revealed). */
  private assertVisible(principal: Principal, partner: PartnerEntity | null): asserts partner is PartnerEntity {
    if (!partner) throw new NotFound('partner not found');
    if (principal.role !== 'admin') assertOwnedBy(principal, partner.id, 'partner not found');
  }
}

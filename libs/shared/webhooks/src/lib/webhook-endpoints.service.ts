import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { Conflict, InvalidInput, NotFound } from '@rj/shared/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { refusalOf } from './destination-policy';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { encryptSecret, newWebhookSecret } from './webhook-secret';
import {
  deliveryView,
  endpointView,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookSecretView,
} from './webhook-views';
import type { WebhooksConfig } from './webhooks.config';

/** Whose endpoints a caller reaches: its own organisation's, or (an admin) every one. */
export type WebhookScope = { readonly orgId: string } | 'all';

export interface RegisterEndpointInput {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly contactEmail: string;
}

/** `disabledReason` of an endpoint its owner or an admin disabled (the machinery's own: `persistent_failure`, `destination_refused`). */
export const DISABLED_BY_OWNER = 'disabled_by_owner';

export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 7 * 24;

/**
 * Registering, approving, rotating and deleting endpoints, and their delivery logs. Another
 * organisation's endpoint is NotFound (its existence is not revealed). The secret leaves only
 * in the answer to registration and rotation.
 */
export class WebhookEndpoints {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: WebhooksConfig,
    private readonly dispatcher: WebhookDispatcher,
    /** The event types this service offers. */
    private readonly eventTypes: readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(orgId: string, input: RegisterEndpointInput, createdBy: string): Promise<WebhookSecretView> {
    this.assertDestination(input.url);
    const unknown = input.eventTypes.filter((type) => !this.eventTypes.includes(type));
    if (unknown.length || input.eventTypes.length === 0) {
      throw new InvalidInput('unknown event types', [
        { field: 'eventTypes', message: `each of: ${this.eventTypes.join(', ')}` },
      ]);
    }
    const id = randomUUID();
    const secret = newWebhookSecret();
    const row: WebhookEndpointEntity = Object.assign(new WebhookEndpointEntity(), {
      id,
      orgId,
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      status: 'pending_approval' as const,
      contactEmail: input.contactEmail,
      secret: encryptSecret(secret, id, this.config.keys),
      previousSecret: null,
      previousSecretUntil: null,
      createdBy,
      createdAt: this.now(),
      approvedBy: null,
      approvedAt: null,
      disabledAt: null,
      disabledReason: null,
      lastSuccessAt: null,
    });
    await this.dataSource.getRepository(WebhookEndpointEntity).insert(row);
    return { endpoint: endpointView(row, this.now()), secret };
  }

  async list(scope: WebhookScope, status?: string): Promise<WebhookEndpointView[]> {
    const query = this.dataSource
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('e')
      .orderBy('e.created_at', 'DESC')
      .limit(500);
    if (scope !== 'all') query.andWhere('e.org_id = :orgId', { orgId: scope.orgId });
    if (status) query.andWhere('e.status = :status', { status });
    return (await query.getMany()).map((row) => endpointView(row, this.now()));
  }

  async get(scope: WebhookScope, id: string): Promise<WebhookEndpointView> {
    return endpointView(await this.find(this.dataSource.manager, scope, id), this.now());
  }

  /** An admin approves the destination (again, after a disabling): deliveries start, or resume. */
  async approve(id: string, approvedBy: string): Promise<WebhookEndpointView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, 'all', id, true);
      if (endpoint.status === 'active') return endpoint;
      this.assertDestination(endpoint.url);
      Object.assign(endpoint, {
        status: 'active',
        approvedBy,
        approvedAt: this.now(),
        disabledAt: null,
        disabledReason: null,
      });
      await manager.save(endpoint);
      // Deliveries that waited while it was disabled are handed to the queue again.
      await manager.update(WebhookDeliveryEntity, { endpointId: id, status: 'pending' }, { queuedRound: null });
      return endpoint;
    });
    await this.dispatcher.enqueueDue();
    return endpointView(row, this.now());
  }

  /** A new secret; the old one keeps signing alongside it for `overlapHours`, so receivers can switch without a gap. */
  async rotateSecret(
    scope: WebhookScope,
    id: string,
    overlapHours = DEFAULT_OVERLAP_HOURS,
  ): Promise<WebhookSecretView> {
    if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
      throw new InvalidInput('overlapHours out of range', [
        { field: 'overlapHours', message: `a whole number of hours from 0 to ${MAX_OVERLAP_HOURS}` },
      ]);
    }
    const secret = newWebhookSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, scope, id, true);
      const now = this.now();
      Object.assign(endpoint, {
        previousSecret: overlapHours > 0 ? endpoint.secret : null,
        previousSecretUntil: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3600_000) : null,
        secret: encryptSecret(secret, endpoint.id, this.config.keys),
      });
      await manager.save(endpoint);
      return endpoint;
    });
    return { endpoint: endpointView(row, this.now()), secret };
  }

  /**
   * The owner (or an admin) stops deliveries: no event is queued for it, nothing is sent, until
   * an admin approves the destination again; deliveries already owed wait for that approval.
   */
  async disable(scope: WebhookScope, id: string): Promise<WebhookEndpointView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, scope, id, true);
      if (endpoint.status === 'disabled') return endpoint;
      Object.assign(endpoint, { status: 'disabled', disabledAt: this.now(), disabledReason: DISABLED_BY_OWNER });
      await manager.save(endpoint);
      return endpoint;
    });
    return endpointView(row, this.now());
  }

  async remove(scope: WebhookScope, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, scope, id, true);
      await manager.delete(WebhookEndpointEntity, { id: endpoint.id });
    });
  }

  /** The endpoint's delivery log, newest first, each delivery with its tries. */
  async deliveries(scope: WebhookScope, id: string, limit = 50): Promise<WebhookDeliveryView[]> {
    const endpoint = await this.find(this.dataSource.manager, scope, id);
    const rows = await this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: { endpointId: endpoint.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: Math.min(Math.max(limit, 1), 200),
    });
    const attempts = rows.length
      ? await this.dataSource
          .getRepository(WebhookAttemptEntity)
          .createQueryBuilder('a')
          .where('a.delivery_id IN (:...ids)', { ids: rows.map((row) => row.id) })
          .orderBy('a.id', 'ASC')
          .getMany()
      : [];
    return rows.map((row) =>
      deliveryView(
        row,
        attempts.filter((attempt) => attempt.deliveryId === row.id),
      ),
    );
  }

  /**
   * Sends a delivery again, as a new round under the same `webhook-id`. Not for a delivery
   * dropped at erasure (the referral's data is gone) nor one still pending (it is on its way).
   */
  async resend(scope: WebhookScope, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const endpoint = await this.find(manager, scope, endpointId);
      const delivery = await manager.findOne(WebhookDeliveryEntity, {
        where: { id: deliveryId, endpointId: endpoint.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delivery) throw new NotFound('no such delivery');
      if (delivery.status === 'dropped')
        throw new Conflict('the referral’s personal data was erased: this delivery is not sent again');
      if (delivery.status === 'pending') throw new Conflict('this delivery is still on its way');
      Object.assign(delivery, {
        status: 'pending',
        round: delivery.round + 1,
        attempts: 0,
        firstAttemptAt: null,
        queuedRound: null,
        releaseAt: this.now(),
      });
      await manager.save(delivery);
      return delivery;
    });
    await this.dispatcher.enqueueDue();
    return deliveryView(row, []);
  }

  private async find(
    manager: EntityManager,
    scope: WebhookScope,
    id: string,
    lock = false,
  ): Promise<WebhookEndpointEntity> {
    const endpoint = await manager.findOne(WebhookEndpointEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!endpoint || (scope !== 'all' && endpoint.orgId !== scope.orgId))
      throw new NotFound('no such webhook endpoint');
    return endpoint;
  }

  /**
   * Early refusal of what can be judged before sending: not HTTPS, credentials in the URL, or
   * an address literal the SSRF rule refuses. Host names are judged at send time, when resolved.
   */
  private assertDestination(raw: string): void {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidInput('url is not a URL', [{ field: 'url', message: 'must be an https:// URL' }]);
    }
    const problems: string[] = [];
    if (url.protocol !== 'https:') problems.push('must be an https:// URL');
    if (url.username || url.password) problems.push('must not carry credentials');
    if (url.hash) problems.push('must not carry a fragment');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && refusalOf(host, this.config.allowed))
      problems.push(`may not point at a ${refusalOf(host, this.config.allowed)} address`);
    if (/^(localhost|.*\.localhost|.*\.internal|.*\.local)$/i.test(host) && !isIP(host))
      problems.push('may not name a local or internal host');
    if (problems.length)
      throw new InvalidInput(
        'url refused',
        problems.map((message) => ({ field: 'url', message })),
      );
  }
}

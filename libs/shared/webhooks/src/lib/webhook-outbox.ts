import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { releaseTimeOf } from './webhook-schedule';

export interface WebhookEvent {
  /** The organisation whose endpoints hear it. */
  readonly orgId: string;
  /** `referral.status_changed`, `referral.report_ready`, `follow_up.due`. */
  readonly type: string;
  readonly referralId: string | null;
  /** What caused it, unique per cause (`<event id>:<type>`): a redelivered event adds nothing. */
  readonly sourceKey: string;
  /** Ids and codes only. */
  readonly data: Readonly<Record<string, string | number | boolean | null>>;
  /** Outcome changes wait for the daily batch (releaseTimeOf). */
  readonly batched: boolean;
}

/**
 * Writes one delivery per active endpoint of the organisation that subscribed to the event,
 * in the caller's transaction (so it commits with the change it reports, or not at all). The
 * sweep hands due deliveries to BullMQ. Endpoints still awaiting approval get nothing: an
 * endpoint delivers only what happens after an admin approved it.
 */
export async function queueWebhookEvent(
  manager: EntityManager,
  event: WebhookEvent,
  options: { readonly batchHourUtc: number; readonly now?: Date },
): Promise<number> {
  // Asked for every offer and every progress event: a statement of its own, not one the query
  // builder makes anew each time (issue 15).
  const endpoints: { id: string }[] = await manager.query(
    `select id from webhook_endpoint where org_id = $1 and status = 'active' and $2 = any(event_types)`,
    [event.orgId, event.type],
  );
  if (endpoints.length === 0) return 0;
  const now = options.now ?? new Date();
  const releaseAt = releaseTimeOf(event.batched, now, options.batchHourUtc);
  // The body is fixed now, so every attempt signs the same bytes; its timestamp is the release
  // time, never the moment the change happened (which would undo the batching).
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(WebhookDeliveryEntity)
    .values(
      endpoints.map((endpoint) => {
        const id = randomUUID();
        return {
          id,
          endpointId: endpoint.id,
          eventType: event.type,
          referralId: event.referralId,
          sourceKey: event.sourceKey,
          payload: { type: event.type, timestamp: releaseAt.toISOString(), data: { ...event.data } },
          releaseAt,
          status: 'pending' as const,
          round: 1,
          attempts: 0,
          createdAt: now,
        };
      }),
    )
    .orIgnore()
    .execute();
  return result.identifiers.filter(Boolean).length;
}

/** At erasure, in its transaction: what is still owed about the referral is dropped. */
export async function dropWebhookDeliveriesOf(manager: EntityManager, referralId: string): Promise<number> {
  const result = await manager.update(
    WebhookDeliveryEntity,
    { referralId, status: 'pending' },
    { status: 'dropped', lastError: 'personal_data_erased' },
  );
  return result.affected ?? 0;
}

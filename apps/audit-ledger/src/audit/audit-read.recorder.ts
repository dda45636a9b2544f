import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { AUDIT_QUERY_FILTERS, AuditRead, type AuditQueryFilter, type DataOf } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { requestCause } from '@rj/shared/service';

export interface AuditReadDetails {
  /** Route template: `GET /api/audit/referrals/{id}/timeline`. */
  endpoint: string;
  /** The query as given; only the names of known filters are recorded, values only where ids, codes or times. */
  query?: object;
  aggregateId?: string;
  resultCount?: number;
}

/**
 * Records a read through the auditor endpoints as `audit.read` on rj.access.v1, through this
 * service's own outbox — so it comes back through the consumer and lands in the chain like any
 * other event. Streams record before the first byte is sent: no read goes unrecorded.
 */
@Injectable()
export class AuditReadRecorder {
  constructor(private readonly dataSource: DataSource) {}

  async record(principal: Principal, details: AuditReadDetails): Promise<void> {
    const query = (details.query ?? {}) as Record<string, unknown>;
    const filters = Object.keys(query).filter(
      (name): name is AuditQueryFilter =>
        query[name] !== undefined && (AUDIT_QUERY_FILTERS as readonly string[]).includes(name),
    );
    const data: DataOf<typeof AuditRead> = {
      reader: { sub: principal.sub, role: principal.role, org: principal.org },
      endpoint: details.endpoint,
      filters,
      ...pick(query, details),
    };
    await withTransaction(this.dataSource, (manager) =>
      publishEvent(manager, AuditRead, {
        aggregateId: principal.sub,
        referralId: null,
        ...requestCause(actorOf(principal)),
        data,
      }),
    );
  }
}

function pick(query: Record<string, unknown>, details: AuditReadDetails): Partial<DataOf<typeof AuditRead>> {
  const out: Partial<DataOf<typeof AuditRead>> = {};
  const aggregateId = details.aggregateId ?? query.aggregateId;
  if (typeof aggregateId === 'string') out.aggregateId = aggregateId;
  if (typeof query.type === 'string') out.eventType = query.type;
  for (const name of ['from', 'to', 'at'] as const) {
    const value = query[name];
    if (typeof value === 'string') out[name] = value;
  }
  if (details.resultCount !== undefined) out.resultCount = details.resultCount;
  return out;
}

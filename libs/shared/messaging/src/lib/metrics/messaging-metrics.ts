import { Counter, Gauge, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { serviceMetrics } from '@rj/shared/service';

/**
 * The event backbone's metrics, in the service's one registry. Labels are topic names, reason
 * codes and partitions only: never a referral id, an event id or anything from a payload.
 * Backlog and parked figures are read from Postgres when Prometheus scrapes (two indexed
 * aggregate queries), so they are true even while the relay or the consumer is stuck — a
 * counter kept by the stuck component itself would not move.
 */
export interface MessagingMetrics {
  relayPublished: Counter<'topic'>;
  relayErrors: Counter;
  applyDuration: Histogram<'topic'>;
  deadLettered: Counter<'topic' | 'reason'>;
  waitsForOtherTopics: Histogram<'topic' | 'ended'>;
}

const watchedDatabases = new Set<DataSource>();
let metrics: MessagingMetrics | undefined;

interface BacklogRow {
  rows: number;
  oldest_seconds: number | null;
}

async function sumOver(query: string): Promise<BacklogRow> {
  let rows = 0;
  let oldest = 0;
  for (const dataSource of watchedDatabases) {
    if (!dataSource.isInitialized) continue;
    try {
      const [row]: BacklogRow[] = await dataSource.query(query);
      rows += Number(row.rows);
      oldest = Math.max(oldest, Number(row.oldest_seconds ?? 0));
    } catch {
      // A scrape must not fail because the database is down: readiness reports that.
    }
  }
  return { rows, oldest_seconds: oldest };
}

const OUTBOX_QUERY = `select count(*)::int as rows, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
  from outbox where sent_at is null`;
const PARKED_QUERY = `select count(*)::int as rows, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
  from pending_event`;

export function messagingMetrics(): MessagingMetrics {
  if (metrics) return metrics;
  const registers = [serviceMetrics().registry];
  new Gauge({
    name: 'rj_outbox_backlog_rows',
    help: 'Outbox rows committed but not yet published to Kafka',
    registers,
    async collect() {
      this.set((await sumOver(OUTBOX_QUERY)).rows);
    },
  });
  new Gauge({
    name: 'rj_outbox_oldest_age_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when the outbox is empty)',
    registers,
    async collect() {
      this.set((await sumOver(OUTBOX_QUERY)).oldest_seconds ?? 0);
    },
  });
  new Gauge({
    name: 'rj_parked_events',
    help: 'Events parked until their prerequisite arrives',
    registers,
    async collect() {
      this.set((await sumOver(PARKED_QUERY)).rows);
    },
  });
  new Gauge({
    name: 'rj_parked_oldest_age_seconds',
    help: 'Age of the oldest parked event (0 when none is parked)',
    registers,
    async collect() {
      this.set((await sumOver(PARKED_QUERY)).oldest_seconds ?? 0);
    },
  });
  metrics = {
    relayPublished: new Counter({
      name: 'rj_relay_published_total',
      help: 'Outbox events the relay published to Kafka (acknowledged by all in-sync replicas)',
      labelNames: ['topic'] as const,
      registers,
    }),
    relayErrors: new Counter({
      name: 'rj_relay_publish_errors_total',
      help: 'Relay loop failures (Kafka or Postgres unreachable); the relay reconnects and retries',
      registers,
    }),
    applyDuration: new Histogram({
      name: 'rj_inbox_apply_duration_seconds',
      help: 'Duration of one inbox transaction applying a run of consecutive events of a partition',
      labelNames: ['topic'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    deadLettered: new Counter({
      name: 'rj_dlq_messages_total',
      help: 'Messages moved to a dead-letter topic, by original topic and reason code',
      labelNames: ['topic', 'reason'] as const,
      registers,
    }),
    waitsForOtherTopics: new Histogram({
      name: 'rj_consumer_topic_wait_seconds',
      help: "How long a partition waited for the consumer's other topics to reach its next event's time (ended: caught_up, timed_out)",
      labelNames: ['topic', 'ended'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers,
    }),
  };
  return metrics;
}

/** Reports this database's outbox backlog and parked events on scrape; returns the undo. */
export function watchMessagingTables(dataSource: DataSource): () => void {
  messagingMetrics();
  watchedDatabases.add(dataSource);
  return () => watchedDatabases.delete(dataSource);
}

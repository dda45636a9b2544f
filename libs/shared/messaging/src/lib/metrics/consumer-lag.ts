import { Gauge } from 'prom-client';
import type { Admin, Kafka } from 'kafkajs';
import { serviceMetrics } from '@rj/shared/service';

export interface LagSource {
  kafka: Kafka;
  groupId: string;
  /** Kafka topic names as subscribed (prefix included). */
  topics: string[];
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/** The partition's end offset minus the group's committed offset (all of it when nothing is committed). */
export function lagOf(highWatermark: string, lowWatermark: string, committed: string): number {
  const high = BigInt(highWatermark);
  const from = BigInt(committed) >= 0n ? BigInt(committed) : BigInt(lowWatermark);
  const lag = high - from;
  return Number(lag > 0n ? lag : 0n);
}

/** Every partition's lag behind its end, from the group's committed offsets: two requests per topic. */
export async function partitionLags(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const mine = partitions.find((p) => p.partition === end.partition);
      lags.push({ topic, partition: end.partition, lag: lagOf(end.high, end.low, mine?.offset ?? '-1') });
    }
  }
  return lags;
}

const CACHE_MS = 10_000;
const sources = new Map<LagSource, { admin?: Admin; at: number; lags: PartitionLag[] }>();
let gauge: Gauge<'topic' | 'partition'> | undefined;

async function measure(
  source: LagSource,
  state: { admin?: Admin; at: number; lags: PartitionLag[] },
): Promise<PartitionLag[]> {
  if (Date.now() - state.at < CACHE_MS) return state.lags;
  if (!state.admin) {
    state.admin = source.kafka.admin();
    await state.admin.connect();
  }
  const lags = await partitionLags(state.admin, source.groupId, source.topics);
  state.at = Date.now();
  state.lags = lags;
  return lags;
}

/**
 * Consumer lag per partition, measured on scrape from the broker (the group's committed
 * offsets against the partitions' end offsets) and cached for ten seconds so frequent
 * scrapes cost the broker two requests per topic at most.
 */
export function watchConsumerLag(source: LagSource): () => Promise<void> {
  gauge ??= new Gauge({
    name: 'rj_consumer_lag_messages',
    help: "Messages on a partition not yet committed by this service's consumer group",
    labelNames: ['topic', 'partition'] as const,
    registers: [serviceMetrics().registry],
    async collect() {
      this.reset();
      for (const [lagSource, state] of sources) {
        try {
          for (const lag of await measure(lagSource, state))
            this.set({ topic: lag.topic, partition: String(lag.partition) }, lag.lag);
        } catch {
          // The broker is unreachable: no figure rather than a failed scrape (readiness says why).
          state.at = 0;
        }
      }
    },
  });
  const state: { admin?: Admin; at: number; lags: PartitionLag[] } = { at: 0, lags: [] };
  sources.set(source, state);
  return async () => {
    sources.delete(source);
    await state.admin?.disconnect().catch(() => undefined);
  };
}

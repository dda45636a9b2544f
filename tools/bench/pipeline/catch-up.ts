import { AssignerProtocol, type Admin } from 'kafkajs';
import { testKafka } from '@rj/shared/testing';

const POLL_MS = 250;

/** The topics a consumer group's members are assigned: the ones it subscribes to. */
async function subscribedTopics(admin: Admin, groupId: string): Promise<string[]> {
  const { groups } = await admin.describeGroups([groupId]);
  const topics = new Set<string>();
  for (const member of groups[0]?.members ?? []) {
    const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
  }
  return [...topics];
}

type EndOffsets = Map<string, { partition: number; high: string; low: string }[]>;

/** Each topic's end offsets, read once per poll for every group that subscribes to it. */
async function endOffsetsOf(admin: Admin, topics: Iterable<string>): Promise<EndOffsets> {
  const unique = [...new Set(topics)];
  return new Map(
    await Promise.all(unique.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
  );
}

/** Messages on the group's topics that it has not committed yet. */
async function lagOf(admin: Admin, groupId: string, topics: string[], ends: EndOffsets): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics });
  let lag = 0n;
  for (const { topic, partitions } of committed) {
    for (const end of ends.get(topic) ?? []) {
      const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      const from = BigInt(offset) >= 0n ? BigInt(offset) : BigInt(end.low);
      if (BigInt(end.high) > from) lag += BigInt(end.high) - from;
    }
  }
  return Number(lag);
}

/**
 * When each service's consumer group had committed every event on the topics it subscribes to, in
 * seconds after `since` (the end of the load): a service that comes after the referral's path
 * in a burst (--service-nice) works its backlog off after the last offer, and this is how long
 * it took. Skipped events are committed within a second (event-consumer.ts), so a caught-up
 * group reaches a lag of 0. Undefined for a service still behind at the deadline.
 */
export async function catchUpSeconds(
  prefix: string,
  services: readonly string[],
  since: number,
  deadlineMs: number,
): Promise<Record<string, number | undefined>> {
  const admin = testKafka('rj-bench-catch-up').admin();
  await admin.connect();
  const caughtUp: Record<string, number | undefined> = {};
  try {
    const until = Date.now() + deadlineMs;
    let behind = [...services];
    // A group's assignment is read until it has one (the group may still be joining), then kept.
    const topicsOf = new Map<string, string[]>();
    while (behind.length && Date.now() < until) {
      for (const service of behind) {
        if (topicsOf.has(service)) continue;
        const topics = (await subscribedTopics(admin, `${prefix}${service}`)).filter((t) => t.startsWith(prefix));
        if (topics.length) topicsOf.set(service, topics);
      }
      const ends = await endOffsetsOf(admin, [...topicsOf.values()].flat());
      const lags = await Promise.all(
        behind.map((service) => {
          const topics = topicsOf.get(service);
          return topics ? lagOf(admin, `${prefix}${service}`, topics, ends) : Number.POSITIVE_INFINITY;
        }),
      );
      const at = Number(((Date.now() - since) / 1000).toFixed(1));
      behind = behind.filter((service, index) => {
        if (lags[index] > 0) return true;
        caughtUp[service] = at;
        return false;
      });
      if (behind.length) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await admin.disconnect();
  }
  return caughtUp;
}

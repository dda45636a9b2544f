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

/** Messages on the topics a service subscribes to that its consumer group has not committed yet. */
async function lagOf(admin: Admin, prefix: string, service: string): Promise<number> {
  const groupId = `${prefix}${service}`;
  const topics = (await subscribedTopics(admin, groupId)).filter((topic) => topic.startsWith(prefix));
  if (!topics.length) return Number.POSITIVE_INFINITY; // no member yet, or between rebalances
  const committed = await admin.fetchOffsets({ groupId, topics });
  let lag = 0n;
  for (const { topic, partitions } of committed) {
    for (const end of await admin.fetchTopicOffsets(topic)) {
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
    while (behind.length && Date.now() < until) {
      const lags = await Promise.all(behind.map((service) => lagOf(admin, prefix, service)));
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

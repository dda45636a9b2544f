import type { Admin, ITopicMetadata } from 'kafkajs';
import { createTopicsWithLeaders } from './topic-admin';

/** An admin whose metadata answers walk through the given steps, one per look-up, then stay on the last. */
function adminAnswering(steps: Array<Error | ITopicMetadata[]>): Admin & { lookUps: number; created: unknown[] } {
  const admin = {
    lookUps: 0,
    created: [] as unknown[],
    async createTopics(options: unknown) {
      admin.created.push(options);
      return true;
    },
    async fetchTopicMetadata() {
      const step = steps[Math.min(admin.lookUps++, steps.length - 1)];
      if (step instanceof Error) throw step;
      return { topics: step };
    },
  };
  return admin as unknown as Admin & { lookUps: number; created: unknown[] };
}

function protocolError(type: string): Error {
  return Object.assign(new Error('This server does not host this topic-partition'), { type });
}

const led = (name: string, leaders: number[]): ITopicMetadata => ({
  name,
  partitions: leaders.map((leader, partitionId) => ({
    partitionId,
    leader,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  })),
});

const spec = [{ topic: 'referral.events', numPartitions: 2 }];

describe('createTopicsWithLeaders', () => {
  it('waits through an unknown topic and a missing leader until every partition has one', async () => {
    const admin = adminAnswering([
      protocolError('UNKNOWN_TOPIC_OR_PARTITION'),
      Object.assign(new Error('retries exceeded'), { cause: protocolError('LEADER_NOT_AVAILABLE') }),
      [led('referral.events', [1])],
      [led('referral.events', [1, -1])],
      [led('referral.events', [1, 1])],
    ]);
    await createTopicsWithLeaders(admin, spec, { pollMs: 1 });
    expect(admin.lookUps).toBe(5);
    expect(admin.created).toEqual([{ topics: spec, waitForLeaders: false }]);
  });

  it('gives up with the topics still without a leader once the time is over', async () => {
    const admin = adminAnswering([[led('referral.events', [1, -1])]]);
    await expect(createTopicsWithLeaders(admin, spec, { timeoutMs: 20, pollMs: 1 })).rejects.toThrow(
      /no leader after 20 ms: referral\.events/,
    );
  });

  it('passes on an error that is not about propagation', async () => {
    const admin = adminAnswering([protocolError('TOPIC_AUTHORIZATION_FAILED')]);
    await expect(createTopicsWithLeaders(admin, spec, { pollMs: 1 })).rejects.toThrow(/does not host/);
    expect(admin.lookUps).toBe(1);
  });
});

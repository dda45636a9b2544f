import type { Admin, ITopicMetadata } from 'kafkajs';
import { createTopicsWithLeaders, latestOffsets } from './topic-admin';

type Ends = Array<{ partition: number; high: string; low: string; offset: string }>;
type AnsweringAdmin = Admin & { lookUps: number; offsetLookUps: number; created: unknown[] };

/**
 * An admin whose metadata answers walk through the given steps, one per look-up, then stay on
 * the last; its offset answers likewise (by default every partition at offset 0 at once).
 */
function adminAnswering(
  steps: Array<Error | ITopicMetadata[]>,
  offsetSteps: Array<Error | Ends> = [ends(0)],
): AnsweringAdmin {
  const admin = {
    lookUps: 0,
    offsetLookUps: 0,
    created: [] as unknown[],
    async fetchTopicOffsets() {
      const step = offsetSteps[Math.min(admin.offsetLookUps++, offsetSteps.length - 1)];
      if (step instanceof Error) throw step;
      return step;
    },
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
  return admin as unknown as AnsweringAdmin;
}

function ends(...highs: number[]): Ends {
  return highs.map((high, partition) => ({ partition, high: String(high), low: '0', offset: String(high) }));
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

  it('waits, once metadata names the leaders, until the leaders answer for their partitions', async () => {
    const admin = adminAnswering(
      [[led('referral.events', [1, 1])]],
      [protocolError('NOT_LEADER_FOR_PARTITION'), protocolError('NOT_LEADER_FOR_PARTITION'), ends(0, 0)],
    );
    await createTopicsWithLeaders(admin, spec, { pollMs: 1 });
    expect(admin.offsetLookUps).toBe(3);
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

describe('latestOffsets', () => {
  it("gives each partition's next offset, looked up again while a leader is not yet serving", async () => {
    const admin = adminAnswering([], [protocolError('NOT_LEADER_FOR_PARTITION'), ends(7, 12)]);
    await expect(latestOffsets(admin, 'referral.events', { pollMs: 1 })).resolves.toEqual([
      { partition: 0, offset: '7' },
      { partition: 1, offset: '12' },
    ]);
    expect(admin.offsetLookUps).toBe(2);
  });

  it('passes on any other error at once', async () => {
    const admin = adminAnswering([], [protocolError('TOPIC_AUTHORIZATION_FAILED')]);
    await expect(latestOffsets(admin, 'referral.events', { pollMs: 1 })).rejects.toThrow(/does not host/);
    expect(admin.offsetLookUps).toBe(1);
  });
});

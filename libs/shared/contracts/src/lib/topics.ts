/**
 * Kafka topics of the platform. Versioned in the name: a breaking change is a new topic,
 * never an edit of this one. Each has a dead-letter twin `<topic>.dlq`.
 */
export const Topics = {
  referral: 'rj.referral.v1',
  matching: 'rj.matching.v1',
  scheduling: 'rj.scheduling.v1',
  outcome: 'rj.outcome.v1',
  access: 'rj.access.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

export const DLQ_SUFFIX = '.dlq';

export function dlqTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

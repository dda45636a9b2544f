import { randomBytes, randomUUID } from 'node:crypto';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { Topics, type EventEnvelope, type Role } from '@rj/shared/contracts';
import {
  deleteRedisKeysWithPrefix,
  startTestService,
  testKafka,
  type HttpResult,
  type TestService,
  type TestTopics,
} from '@rj/shared/testing';
import { appModule } from '../app.module';
import { internalModule } from '../internal/internal.module';
import { ReferralIntakeEnv } from '../referral-intake.env';

export type IntakeHarness = TestService<ReferralIntakeEnv> & {
  admin: string;
  as(role: Role, org?: string | null): string;
  registerOffice(jurisdictions?: string[], email?: string): Promise<{ id: string; prosecutor: string }>;
  submit(prosecutor: string, body: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** Writes events to the service's test topics as another service would. */
  feed(...events: EventEnvelope[]): Promise<void>;
};

/** referral-intake in-process against the real Postgres, Kafka and Redis, with its key-store listener. */
export async function startIntakeHarness(
  env: Record<string, string> = {},
  topics?: TestTopics,
): Promise<IntakeHarness> {
  const jobsPrefix = `rjtest-intake-${randomBytes(4).toString('hex')}`;
  const service = await startTestService({
    name: 'referral-intake',
    Env: ReferralIntakeEnv,
    appModule,
    internalModule,
    database: REFERRAL_DATABASE,
    // 4xx answers are the point of most tests here: log them only when asked to (TEST_LOG_LEVEL).
    env: { JOBS_PREFIX: jobsPrefix, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error', ...env },
    // Shared with other services started in the same suite (a journey across services).
    topics,
  });
  const producer = testKafka('intake-test-feed').producer();
  await producer.connect();
  const admin = service.token('admin', null, 'admin-1');
  const closeService = service.close;
  const intake: IntakeHarness = Object.assign(service, {
    admin,
    as: (role: Role, org: string | null = null) => service.token(role, org, `${role}-${org ?? 'none'}`),
    async registerOffice(jurisdictions = ['NL-NH'], email = 'rj@north.example') {
      const response = await service.request('POST', '/api/offices', {
        token: admin,
        body: { name: `Office ${randomUUID().slice(0, 8)}`, jurisdictions, contact: { email } },
      });
      if (response.status !== 201)
        throw new Error(`office not registered: ${response.status} ${JSON.stringify(response.body)}`);
      return {
        id: response.body.id as string,
        prosecutor: service.token('prosecutor', response.body.id, `prosecutor-${response.body.id}`),
      };
    },
    submit: (prosecutor: string, body: unknown, headers: Record<string, string> = {}) =>
      service.request('POST', '/api/referrals', { token: prosecutor, body, headers }),
    async feed(...events: EventEnvelope[]) {
      const byTopic = new Map<string, EventEnvelope[]>();
      for (const event of events) {
        const topic = `${service.topics.prefix}${topicOf(event.type)}`;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), event]);
      }
      for (const [topic, list] of byTopic) {
        await producer.send({
          topic,
          messages: list.map((event) => ({ key: event.referralId ?? event.aggregateId, value: JSON.stringify(event) })),
        });
      }
    },
    close: async () => {
      await producer.disconnect();
      await closeService();
      await deleteRedisKeys(jobsPrefix);
    },
  });
  return intake;
}

function topicOf(type: string): string {
  if (/^(offer|partner|match)\.|^referral\.unmatched$/.test(type)) return Topics.matching;
  if (
    /^(case\.(opened|on_hold|concluded)|mediator|information|risk|acknowledgement|consent|session|reminder|disclosure)/.test(
      type,
    )
  )
    return Topics.scheduling;
  if (/^(agreement|term|case\.(completed|returned)|harmed_party|follow_up)/.test(type)) return Topics.outcome;
  return Topics.referral;
}

function deleteRedisKeys(prefix: string): Promise<void> {
  return deleteRedisKeysWithPrefix(prefix);
}

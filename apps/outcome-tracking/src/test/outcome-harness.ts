import { randomUUID } from 'node:crypto';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import {
  deleteRedisKeysWithPrefix,
  eventually,
  startTestService,
  startTestSmtpServer,
  type TestService,
  type TestSmtpServer,
} from '@rj/shared/testing';
import { appModule } from '../app.module';
import { Clock } from '@rj/shared/service';
import { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { EventFeeder } from './event-feeder';
import { startTestKeyStore, type TestKeyStore } from './test-key-store';

export interface OutcomeHarness {
  service: TestService<OutcomeTrackingEnv>;
  smtp: TestSmtpServer;
  keys: TestKeyStore;
  feeder: EventFeeder;
  clock: Clock;
  /** Events outcome-tracking committed (its outbox), optionally of one type. */
  emitted(type?: string, referralId?: string): Promise<{ type: string; referralId: string | null; data: any }[]>;
  waitFor<T>(probe: () => Promise<T>, what: string): Promise<NonNullable<T>>;
  /** Waits until at least one event of the type was committed for the referral; returns them. */
  waitForEvents(type: string, referralId: string): Promise<{ type: string; referralId: string | null; data: any }[]>;
  close(): Promise<void>;
}

/** Boots outcome-tracking on real Postgres/Kafka/Redis with a real SMTP server and key store. */
export async function startOutcomeHarness(env: Record<string, string> = {}): Promise<OutcomeHarness> {
  const smtp = await startTestSmtpServer();
  const keys = await startTestKeyStore();
  const jobsPrefix = `rjtest-outcome-${randomUUID().slice(0, 8)}`;
  const service = await startTestService({
    name: 'outcome-tracking',
    Env: OutcomeTrackingEnv,
    appModule,
    database: OUTCOME_DATABASE,
    env: {
      SMTP_URL: smtp.url,
      PII_KEY_STORE_URL: keys.url,
      JOBS_PREFIX: jobsPrefix,
      OUTCOME_SCAN_EVERY_MS: '400',
      ...env,
    },
  });
  const feeder = new EventFeeder(service.topics);
  const emitted: OutcomeHarness['emitted'] = async (type, referralId) => {
    const rows: { payload: any }[] = await service.dataSource.query('select payload from outbox order by seq');
    return rows
      .map((r) => r.payload)
      .filter((e) => (!type || e.type === type) && (!referralId || e.referralId === referralId));
  };
  return {
    service,
    smtp,
    keys,
    feeder,
    emitted,
    clock: service.running.app.get(Clock, { strict: false }),
    waitFor: (probe, what) => eventually(probe, 30_000, what),
    waitForEvents: async (type, referralId) => {
      await eventually(async () => (await emitted(type, referralId)).length > 0, 30_000, type);
      return emitted(type, referralId);
    },
    close: async () => {
      await feeder.close();
      await service.close();
      await smtp.close();
      await keys.close();
      await deleteKeysWithPrefix(jobsPrefix);
    },
  };
}

/** The Redis is shared: delete only this run's BullMQ keys. */
function deleteKeysWithPrefix(prefix: string): Promise<void> {
  return deleteRedisKeysWithPrefix(prefix);
}

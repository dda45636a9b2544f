import { randomBytes } from 'node:crypto';
import type { Producer } from 'kafkajs';
import {
  buildEvent,
  OfferAccepted,
  ReferralSubmitted,
  systemActor,
  Topics,
  uuidv7,
  type EventDefinition,
  type EventEnvelope,
  type DataOf,
} from '@rj/shared/contracts';
import { encryptField, type DataKey } from '@rj/shared/pii';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';
import {
  eventually,
  startTestService,
  startTestSmtpServer,
  testKafka,
  type TestService,
  type TestSmtpServer,
} from '@rj/shared/testing';
import { appModule } from '../app.module';
import { MediationSchedulingEnv } from '../mediation-scheduling.env';
import { startTestKeyStore, type TestKeyStore } from './test-key-store';

export interface SchedulingHarness {
  service: TestService<MediationSchedulingEnv>;
  keyStore: TestKeyStore;
  smtp: TestSmtpServer;
  producer: Producer;
  send<D extends EventDefinition>(
    definition: D,
    input: { referralId: string | null; aggregateId: string; data: DataOf<D> },
  ): Promise<EventEnvelope>;
  close(): Promise<void>;
}

/** The service against real Postgres, Kafka, Redis, a real SMTP server and a real HTTP key store. */
export async function startSchedulingHarness(env: Record<string, string> = {}): Promise<SchedulingHarness> {
  const keyStore = await startTestKeyStore();
  const smtp = await startTestSmtpServer();
  const service = await startTestService({
    name: 'mediation-scheduling',
    Env: MediationSchedulingEnv,
    appModule,
    database: SCHEDULING_DATABASE,
    env: {
      PII_KEY_STORE_URL: keyStore.url,
      SMTP_URL: smtp.url,
      JOBS_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      ...env,
    },
  });
  const producer = testKafka('scheduling-test-producer').producer();
  await producer.connect();
  return {
    service,
    keyStore,
    smtp,
    producer,
    async send(definition, input) {
      const event = buildEvent(definition, {
        aggregateId: input.aggregateId,
        referralId: input.referralId,
        actor: systemActor('test'),
        correlationId: uuidv7(),
        causationId: null,
        data: input.data,
      });
      await producer.send({
        topic: `${service.topics.prefix}${definition.topic}`,
        messages: [{ key: input.referralId ?? input.aggregateId, value: JSON.stringify(event) }],
      });
      return event;
    },
    async close() {
      await producer.disconnect();
      await service.close();
      await smtp.close();
      await keyStore.close();
    },
  };
}

export interface TestReferral {
  referralId: string;
  key: DataKey;
  harmedId: string;
  responsibleId: string;
  partnerId: string;
  offerId: string;
}

export interface ReferralOptions {
  partnerId?: string;
  /** The harmed party's safe channels; default e-mail. */
  harmedSafeChannels?: ('email' | 'phone')[];
  responsibleMinor?: boolean;
  harmedEmail?: string;
  /** The referral's jurisdiction; default NL-NH. */
  jurisdiction?: string;
  /** The harmed party's preferred language and whether they need an interpreter; default nl, no. */
  harmedLanguage?: string;
  harmedInterpreter?: boolean;
}

export function referralSubmittedData(
  referral: TestReferral,
  options: ReferralOptions = {},
): DataOf<typeof ReferralSubmitted> {
  const enc = (text: string) => encryptField(text, referral.key);
  const minor = options.responsibleMinor ?? false;
  return {
    referralId: referral.referralId,
    officeId: uuidv7(),
    source: 'prosecutor',
    caseNumber: enc('PARKET-2026-0001'),
    jurisdiction: options.jurisdiction ?? 'NL-NH',
    offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
    incidentDate: '2026-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2026-12-31',
    participants: [
      {
        participantId: referral.harmedId,
        role: 'harmed',
        fullName: enc('Anna de Vries'),
        minor: false,
        contact: {
          email: enc(options.harmedEmail ?? 'anna@example.org'),
          phone: enc('+31600000009'),
          safeChannels: options.harmedSafeChannels ?? ['email'],
        },
        preferredLanguage: options.harmedLanguage ?? 'nl',
        interpreter: options.harmedInterpreter ?? false,
        hasAccessibilityNeeds: false,
      },
      {
        participantId: referral.responsibleId,
        role: 'responsible',
        fullName: enc('Tom Jansen'),
        minor,
        ...(minor
          ? {
              guardian: {
                fullName: enc('Els Jansen'),
                contact: { email: enc('els@example.org'), safeChannels: ['email' as const] },
              },
            }
          : {}),
        contact: { phone: enc('+31600000001'), safeChannels: ['phone'] },
        preferredLanguage: 'nl',
        interpreter: false,
        hasAccessibilityNeeds: false,
      },
    ],
    languages: [...new Set([options.harmedLanguage ?? 'nl', 'nl'])],
    hasMinor: minor,
    dataKeyId: referral.key.keyId,
  };
}

export function newReferral(harness: SchedulingHarness, options: ReferralOptions = {}): TestReferral {
  return {
    referralId: uuidv7(),
    key: harness.keyStore.newKey(),
    harmedId: uuidv7(),
    responsibleId: uuidv7(),
    partnerId: options.partnerId ?? uuidv7(),
    offerId: uuidv7(),
  };
}

export async function submitReferral(
  harness: SchedulingHarness,
  referral: TestReferral,
  options: ReferralOptions = {},
): Promise<void> {
  await harness.send(ReferralSubmitted, {
    referralId: referral.referralId,
    aggregateId: referral.referralId,
    data: referralSubmittedData(referral, options),
  });
}

export async function acceptOffer(harness: SchedulingHarness, referral: TestReferral): Promise<void> {
  await harness.send(OfferAccepted, {
    referralId: referral.referralId,
    aggregateId: referral.offerId,
    data: { offerId: referral.offerId, partnerId: referral.partnerId },
  });
}

/** Waits until the case of a referral is open in the service's database; returns its id. */
export async function caseIdOf(harness: SchedulingHarness, referralId: string): Promise<string> {
  const rows = await eventually(
    async () => {
      const found = (await harness.service.dataSource.query('select id from mediation_case where referral_id = $1', [
        referralId,
      ])) as { id: string }[];
      return found.length ? found : null;
    },
    60_000,
    `the case of referral ${referralId}`,
  );
  return rows[0].id;
}

export async function openCase(
  harness: SchedulingHarness,
  options: ReferralOptions = {},
): Promise<TestReferral & { caseId: string }> {
  const referral = newReferral(harness, options);
  await submitReferral(harness, referral, options);
  await acceptOffer(harness, referral);
  return { ...referral, caseId: await caseIdOf(harness, referral.referralId) };
}

export const topicsOf = (harness: SchedulingHarness) =>
  Object.values(Topics).map((topic) => `${harness.service.topics.prefix}${topic}`);

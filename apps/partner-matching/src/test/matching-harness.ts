import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { MATCHING_DATABASE, OfferEntity, PartnerEntity } from '@rj/matching/data-access';
import {
  buildEvent,
  CaseCompleted,
  CaseConcluded,
  CaseOpened,
  EventHeaders,
  findEventDefinition,
  ReferralReviewed,
  ReferralScreened,
  ReferralSubmitted,
  ReferralWithdrawn,
  uuidv7,
  type Actor,
  type DataOf,
  type EventEnvelope,
  type OfferStatus,
  type OffenseSeverity,
} from '@rj/shared/contracts';
import { sampleCiphertext } from '@rj/shared/contracts/testing';
import {
  deleteRedisKeysWithPrefix,
  eventually,
  startTestService,
  startTestSmtpServer,
  testKafka,
  type TestService,
  type TestSmtpServer,
  type TestTopics,
} from '@rj/shared/testing';
import { appModule } from '../app.module';
import { PartnerMatchingEnv } from '../partner-matching.env';

/** Plaintext names of the sample parties: none may ever appear in anything this service sends. */
export const PARTY_NAMES = ['Anna de Vries', 'Tom Jansen', 'Els Jansen'];

export interface ReferralOptions {
  referralId?: string;
  officeId?: string;
  jurisdiction?: string;
  category?: string;
  severity?: OffenseSeverity;
  /** The harmed party's and the responsible party's preferred languages. */
  languages?: [string, string];
  hasMinor?: boolean;
}

export interface PartnerInput {
  name?: string;
  jurisdictions?: string[];
  offenseCategories?: string[];
  languages?: string[];
  servesMinors?: boolean;
  capacity?: number;
  responseHours?: number;
  specialties?: string[];
  active?: boolean;
  contact?: { email: string };
}

const prosecutor = (officeId: string): Actor => ({ sub: 'prosecutor-1', role: 'prosecutor', org: officeId });
const intake: Actor = { sub: 'system:referral-intake', role: 'service', org: null };
const scheduling: Actor = { sub: 'system:mediation-scheduling', role: 'service', org: null };

/** referral.submitted as referral-intake sends it: names and contacts only as ciphertext. */
export function referralSubmitted(options: ReferralOptions = {}): EventEnvelope {
  const referralId = options.referralId ?? uuidv7();
  const officeId = options.officeId ?? uuidv7();
  const keyId = uuidv7();
  const [harmedLanguage, responsibleLanguage] = options.languages ?? ['nl', 'nl'];
  const minor = options.hasMinor ?? false;
  const contact = (label: string) => ({
    email: sampleCiphertext(`${label}@example.org`, keyId),
    safeChannels: ['email' as const],
  });
  const data: DataOf<typeof ReferralSubmitted> = {
    referralId,
    officeId,
    source: 'prosecutor',
    caseNumber: sampleCiphertext('PARKET-2026-0001', keyId),
    jurisdiction: options.jurisdiction ?? 'NL-NH',
    offense: { code: 'SR-300', category: options.category ?? 'assault', severity: options.severity ?? 'misdemeanor' },
    incidentDate: '2026-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2026-12-31',
    participants: [
      {
        participantId: uuidv7(),
        role: 'harmed',
        fullName: sampleCiphertext(PARTY_NAMES[0], keyId),
        minor: false,
        contact: contact('anna'),
        preferredLanguage: harmedLanguage,
        interpreter: false,
        hasAccessibilityNeeds: false,
      },
      {
        participantId: uuidv7(),
        role: 'responsible',
        fullName: sampleCiphertext(PARTY_NAMES[1], keyId),
        minor,
        ...(minor ? { guardian: { fullName: sampleCiphertext(PARTY_NAMES[2], keyId), contact: contact('els') } } : {}),
        contact: contact('tom'),
        preferredLanguage: responsibleLanguage,
        interpreter: false,
        hasAccessibilityNeeds: false,
      },
    ],
    languages: [...new Set([harmedLanguage, responsibleLanguage])],
    hasMinor: minor,
    dataKeyId: keyId,
  };
  return buildEvent(ReferralSubmitted, {
    aggregateId: referralId,
    referralId,
    actor: prosecutor(officeId),
    correlationId: uuidv7(),
    causationId: null,
    data,
  });
}

export function referralScreened(
  referralId: string,
  outcome: 'eligible' | 'ineligible' | 'needs_review' = 'eligible',
): EventEnvelope {
  const reasons =
    outcome === 'eligible' ? [] : [{ rule: 'excluded_offense_category' as const, detail: 'domestic_violence' }];
  return buildEvent(ReferralScreened, {
    aggregateId: referralId,
    referralId,
    actor: intake,
    correlationId: uuidv7(),
    causationId: null,
    data: { outcome, reasons, policyVersion: 0, policyJurisdiction: 'NL-NH', excludedCategoryOverride: false },
  });
}

export function referralOverridden(referralId: string, specialistCategory: string): EventEnvelope {
  return buildEvent(ReferralReviewed, {
    aggregateId: referralId,
    referralId,
    actor: { sub: 'admin-1', role: 'admin', org: null },
    correlationId: uuidv7(),
    causationId: null,
    data: {
      decision: 'eligible',
      reviewerRole: 'admin',
      overrodeExclusion: true,
      requiresSpecialist: true,
      specialistCategory,
      reasonRecorded: true,
    },
  });
}

export function referralWithdrawn(referralId: string, officeId = uuidv7()): EventEnvelope {
  return buildEvent(ReferralWithdrawn, {
    aggregateId: referralId,
    referralId,
    actor: prosecutor(officeId),
    correlationId: uuidv7(),
    causationId: null,
    data: { reasonCode: 'charges_dropped' },
  });
}

export function caseOpened(referralId: string, partnerId: string, offerId: string, caseId = uuidv7()): EventEnvelope {
  return buildEvent(CaseOpened, {
    aggregateId: caseId,
    referralId,
    actor: scheduling,
    correlationId: uuidv7(),
    causationId: null,
    data: { caseId, partnerId, offerId },
  });
}

export function caseConcluded(referralId: string, caseId: string): EventEnvelope {
  return buildEvent(CaseConcluded, {
    aggregateId: caseId,
    referralId,
    actor: scheduling,
    correlationId: uuidv7(),
    causationId: null,
    data: { caseId, agreementReached: true },
  });
}

export function caseCompleted(referralId: string, caseId: string): EventEnvelope {
  return buildEvent(CaseCompleted, {
    aggregateId: caseId,
    referralId,
    actor: { sub: 'system:outcome-tracking', role: 'service', org: null },
    correlationId: uuidv7(),
    causationId: null,
    data: { caseId, agreementId: uuidv7(), completedAt: new Date().toISOString() },
  });
}

/**
 * Waits are generous: two cores are shared with other suites, and a loaded machine slows every
 * hop (Kafka, the consumer's transaction, the relay) without anything being wrong.
 *
 * partner-matching running in-process against the real Postgres, Kafka and Redis (its BullMQ keys
 * under a prefix of its own), with a test SMTP server; events from "other services" go in
 * through Kafka, and what it emitted is read back from its outbox.
 */
export class MatchingHarness {
  private constructor(
    readonly service: TestService<PartnerMatchingEnv>,
    readonly smtp: TestSmtpServer,
    private readonly producer: Producer,
    readonly jobsPrefix: string,
  ) {}

  /** `topics`: shared with other services started in the same suite (a journey across services). */
  static async start(env: Record<string, string> = {}, topics?: TestTopics): Promise<MatchingHarness> {
    const smtp = await startTestSmtpServer();
    const jobsPrefix = `rjtest-matching-${randomUUID().slice(0, 8)}`;
    const service = await startTestService({
      name: 'partner-matching',
      Env: PartnerMatchingEnv,
      appModule,
      database: MATCHING_DATABASE,
      env: { JOBS_PREFIX: jobsPrefix, SMTP_URL: smtp.url, OFFER_SWEEP_EVERY_MS: '60000', ...env },
      topics,
    });
    const producer = testKafka('rj-test-matching').producer();
    await producer.connect();
    return new MatchingHarness(service, smtp, producer, jobsPrefix);
  }

  get adminToken(): string {
    return this.service.token('admin', null, 'admin-1');
  }

  partnerToken(partnerId: string): string {
    return this.service.token('partner_admin', partnerId, `admin-of-${partnerId}`);
  }

  async registerPartner(input: PartnerInput = {}): Promise<{ id: string } & Record<string, any>> {
    const body = {
      name: 'Herstelbemiddeling Noord',
      jurisdictions: ['NL-NH'],
      offenseCategories: ['assault', 'theft', 'domestic_violence'],
      languages: ['nl'],
      servesMinors: true,
      capacity: 5,
      responseHours: 24,
      specialties: [],
      ...input,
    };
    const response = await this.service.request('POST', '/api/partners', { token: this.adminToken, body });
    if (response.status !== 201)
      throw new Error(`partner registration failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Sends events to their topics as the producing service would: keyed by referral. */
  async publish(...events: EventEnvelope[]): Promise<void> {
    for (const event of events) {
      await this.producer.send({
        topic: `${this.service.topics.prefix}${findEventDefinition(event.type, event.version)!.topic}`,
        messages: [
          {
            key: event.referralId ?? event.aggregateId,
            value: JSON.stringify(event),
            headers: {
              [EventHeaders.eventId]: event.id,
              [EventHeaders.eventType]: event.type,
              [EventHeaders.correlationId]: event.correlationId,
            },
          },
        ],
      });
    }
  }

  /**
   * Resolves once the service has applied every one of these events (their ids are in its
   * inbox): the sign that it has moved past them, for tests that prove nothing else happened.
   */
  async applied(...events: EventEnvelope[]): Promise<void> {
    const ids = [...new Set(events.map((event) => event.id))];
    await eventually(
      async () => {
        const [{ count }] = await this.service.dataSource.query(
          'select count(distinct event_id)::int as count from inbox where event_id = any($1::uuid[])',
          [ids],
        );
        return count === ids.length;
      },
      60_000,
      `the service to apply ${ids.length} event(s)`,
    );
  }

  /** Submits a referral and screens it eligible; resolves with its ids once it was matched. */
  async eligibleReferral(options: ReferralOptions = {}): Promise<{ referralId: string; officeId: string }> {
    const submitted = referralSubmitted(options);
    const { referralId, officeId } = submitted.data as DataOf<typeof ReferralSubmitted>;
    await this.publish(submitted, referralScreened(referralId));
    await this.waitForEvent(referralId, (e) => e.type === 'match.computed');
    return { referralId, officeId };
  }

  /** Events this service emitted (its outbox, in commit order), of one referral or of all. */
  async emitted(referralId?: string): Promise<EventEnvelope[]> {
    const rows: { payload: EventEnvelope }[] = await this.service.dataSource.query(
      referralId
        ? `select payload from outbox where payload->>'referralId' = $1 order by seq`
        : 'select payload from outbox order by seq',
      referralId ? [referralId] : [],
    );
    return rows.map((row) => row.payload);
  }

  waitForEvent(
    referralId: string,
    predicate: (event: EventEnvelope) => boolean,
    timeoutMs = 60_000,
  ): Promise<EventEnvelope> {
    return eventually(
      async () => (await this.emitted(referralId)).find(predicate),
      timeoutMs,
      `an emitted event of referral ${referralId}`,
    );
  }

  async offers(referralId: string): Promise<OfferEntity[]> {
    return this.service.dataSource
      .getRepository(OfferEntity)
      .find({ where: { referralId }, order: { madeAt: 'ASC', rank: 'ASC' } });
  }

  pendingOffer(referralId: string, timeoutMs = 60_000): Promise<OfferEntity> {
    return eventually(
      async () => (await this.offers(referralId)).find((o) => o.status === 'pending'),
      timeoutMs,
      `a pending offer of ${referralId}`,
    );
  }

  offerStatus(offerId: string): Promise<OfferStatus | undefined> {
    return this.service.dataSource
      .getRepository(OfferEntity)
      .findOneBy({ id: offerId })
      .then((offer) => offer?.status);
  }

  async openCases(partnerId: string): Promise<number> {
    return (await this.service.dataSource.getRepository(PartnerEntity).findOneByOrFail({ id: partnerId })).openCases;
  }

  /** The app's own instance of a provider (a service to drive directly in race tests). */
  get<T>(type: new (...args: never[]) => T): T {
    return this.service.running.app.get(type, { strict: false });
  }

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    await this.service?.close();
    await this.smtp?.close();
    await deleteRedisKeys(this.service.config.REDIS_URL, this.jobsPrefix);
  }
}

/** Deletes only this test's BullMQ keys: the machine's Redis is shared, never FLUSHALL it. */
export function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  return deleteRedisKeysWithPrefix(prefix, redisUrl);
}

/** partner-matching started for a suite; the same shape as every app's `start<App>Harness`. */
export const startMatchingHarness = (env: Record<string, string> = {}, topics?: TestTopics): Promise<MatchingHarness> =>
  MatchingHarness.start(env, topics);

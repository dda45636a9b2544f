/**
 * One referral's journey is one trace (issue 17): the prosecutor's POST to referral-intake,
 * the relay publishing its events, partner-matching consuming them and writing the offer to
 * its own outbox, and its relay publishing the offer — every span under the HTTP request.
 * The real OpenTelemetry SDK records the spans (its InMemorySpanExporter, not a mock), both
 * services run in-process as in their own tests, against the real Postgres, Kafka and Redis.
 * Also proves that no span carries personal data: every plaintext of the referral is looked
 * for in every span's name, attributes, events and status.
 */
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace';
import type { EventEnvelope } from '@rj/shared/contracts';
import { startTracing, type Tracing } from '@rj/shared/service';
import { createTestTopics, eventually, type TestTopics } from '@rj/shared/testing';
// The real services, started by their own test harnesses (tools/auditor does the same).
/* eslint-disable @nx/enforce-module-boundaries */
import {
  MatchingHarness,
  startMatchingHarness,
  PARTY_NAMES,
} from '../../apps/partner-matching/src/test/matching-harness';
import { startIntakeHarness, type IntakeHarness } from '../../apps/referral-intake/src/test/intake-harness';
import { plaintextsOf, referralBody } from '../../apps/referral-intake/src/test/referral-body';
/* eslint-enable @nx/enforce-module-boundaries */

const publishOf = (spans: ReadableSpan[], eventId: string) =>
  spans.find((span) => span.kind === SpanKind.PRODUCER && span.attributes['messaging.message.id'] === eventId);

/** The chain of parents from a span up to its trace's root, by span id. */
function ancestry(span: ReadableSpan, spans: ReadableSpan[]): ReadableSpan[] {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const chain = [span];
  for (let parentId = span.parentSpanContext?.spanId; parentId;) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    parentId = parent.parentSpanContext?.spanId;
  }
  return chain;
}

describe('tracing: a referral from intake HTTP to the offer matching publishes is one trace', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let topics: TestTopics;
  let intake: IntakeHarness;
  let matching: MatchingHarness;

  beforeAll(async () => {
    // Started first: the services' bootstrap finds tracing running and leaves it to the test.
    tracing = startTracing({ serviceName: 'rj-trace-test', exporter })!;
    topics = await createTestTopics();
    intake = await startIntakeHarness({}, topics);
    matching = await startMatchingHarness({}, topics);
  });

  afterAll(async () => {
    await matching?.close();
    await intake?.close();
    await topics?.delete();
    await tracing?.shutdown();
  });

  it('joins the POST, both relays, the consumer and the job it enqueued in one trace, with no personal data in any span', async () => {
    // 0.0005 h = 1.8 s to answer: the offer's expiry, a BullMQ job the handler enqueues, runs soon.
    await matching.registerPartner({
      jurisdictions: ['NL-NH'],
      offenseCategories: ['property_damage'],
      languages: ['nl', 'en'],
      responseHours: 0.0005,
    });
    const office = await intake.registerOffice(['NL-NH']);
    const body = referralBody();
    const submitted = await intake.submit(office.prosecutor, body);
    expect(submitted.status).toBe(201);
    const referralId: string = submitted.body.id;

    const offerMade = await matching.waitForEvent(referralId, (event: EventEnvelope) => event.type === 'offer.made');
    // The offer's publish span ends once Kafka acknowledged it: then the whole journey is recorded.
    const offerPublish = await eventually(
      async () => publishOf(exporter.getFinishedSpans(), offerMade.id),
      60_000,
      'the relay to publish offer.made',
    );
    const spans = exporter.getFinishedSpans();

    const request = spans.find((span) => span.kind === SpanKind.SERVER && span.name === 'POST /api/referrals');
    expect(request).toBeDefined();
    expect(request!.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/api/referrals',
      'http.response.status_code': 201,
    });
    const traceId = request!.spanContext().traceId;

    // Up from the offer's publish span: matching's consumer, intake's publish, the request.
    const chain = ancestry(offerPublish, spans);
    expect(chain.map((span) => [span.name, span.kind])).toEqual([
      ['publish rj.matching.v1', SpanKind.PRODUCER],
      ['process rj.referral.v1', SpanKind.CONSUMER],
      ['publish rj.referral.v1', SpanKind.PRODUCER],
      ['POST /api/referrals', SpanKind.SERVER],
    ]);
    expect(chain.every((span) => span.spanContext().traceId === traceId)).toBe(true);
    const consumed = chain[1];
    expect(consumed.attributes).toMatchObject({
      'messaging.consumer.group.name': `${topics.prefix}partner-matching`,
      'rj.event.type': 'referral.screened',
      'rj.outcome': 'applied',
    });
    expect(chain[2].attributes['rj.event.type']).toBe('referral.screened');
    expect(offerPublish.attributes).toMatchObject({
      'rj.event.type': 'offer.made',
      'messaging.destination.name': 'rj.matching.v1',
    });
    // The services say who they are: intake's and matching's spans carry the same trace id.
    const journey = spans.filter((span) => span.spanContext().traceId === traceId);
    expect(new Set(journey.map((span) => span.attributes['messaging.consumer.group.name']).filter(Boolean))).toContain(
      `${topics.prefix}partner-matching`,
    );

    // The expiry job continues the trace of the handler that enqueued it, and so does what it publishes.
    const offerExpired = await matching.waitForEvent(
      referralId,
      (event: EventEnvelope) => event.type === 'offer.expired',
    );
    const expiredPublish = await eventually(
      async () => publishOf(exporter.getFinishedSpans(), offerExpired.id),
      60_000,
      'the relay to publish offer.expired',
    );
    const afterJob = ancestry(expiredPublish, exporter.getFinishedSpans());
    expect(afterJob.map((span) => span.name)).toEqual([
      'publish rj.matching.v1',
      'job offer.expire',
      'process rj.referral.v1',
      'publish rj.referral.v1',
      'POST /api/referrals',
    ]);
    expect(afterJob.every((span) => span.spanContext().traceId === traceId)).toBe(true);

    // No personal data anywhere in what would be exported: names, contacts, the case number,
    // the offence description, the notes — nor ciphertext of them.
    const forbidden = [...plaintextsOf(body), ...PARTY_NAMES];
    for (const span of exporter.getFinishedSpans()) {
      const exported = JSON.stringify({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
        links: span.links,
      });
      for (const text of forbidden) expect(exported).not.toContain(text);
      expect(exported).not.toMatch(/pii:1:|@example\.org|PARKET-/);
    }
  });
});

import Ajv from 'ajv';
import { EVENT_CATALOGUE } from '../catalogue';
import { EVENT_DEFINITIONS } from '../events';
import { SAMPLE_EVENTS, sampleEvent } from '../events/samples';
import { channelIdOf } from './asyncapi-document';
import { buildAsyncApiDocument, messageIdOf } from './asyncapi-document';

/**
 * The AsyncAPI document says what the runtime checks: every event of the catalogue is a
 * message of its topic's channel, every valid sample validates against its payload schema
 * (JSON Schema derived from the class-validator classes), and what validateEventData refuses
 * (an unknown field, a value outside a list, a missing field) the schema refuses too.
 * (@asyncapi/parser's validation of the document is tools/contracts/asyncapi.spec.ts.)
 */
type Doc = {
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { schemas: Record<string, unknown>; messages: Record<string, { payload: { $ref: string } }> };
};
const document = buildAsyncApiDocument() as unknown as Doc;
const ajv = new Ajv({ allErrors: true, format: 'full' });
// Extension keywords (x-rules) are documentation: Ajv 6 ignores unknown keywords by default.
ajv.addSchema({ $id: 'asyncapi', components: document.components }, 'asyncapi');

function validatorFor(type: string, version: number) {
  const payload = document.components.messages[`${type}.v${version}`].payload.$ref;
  return ajv.compile({ $ref: `asyncapi${payload}` });
}

describe('AsyncAPI document of the event catalogue', () => {
  it('has one message per event type and version, in the channel of its topic', () => {
    expect(Object.keys(document.components.messages).sort()).toEqual(
      [...EVENT_CATALOGUE.values()].map(messageIdOf).sort(),
    );
    for (const definition of EVENT_DEFINITIONS) {
      const channel = document.channels[channelIdOf(definition.topic)];
      expect({
        id: messageIdOf(definition),
        address: channel.address,
        listed: messageIdOf(definition) in channel.messages,
      }).toEqual({ id: messageIdOf(definition), address: definition.topic, listed: true });
    }
  });

  it.each(Object.keys(SAMPLE_EVENTS))('accepts the valid sample of %s', (type) => {
    const event = sampleEvent(type as keyof typeof SAMPLE_EVENTS);
    const validate = validatorFor(event.type, event.version);
    // Through JSON, as a consumer receives it.
    expect({ type, errors: validate(JSON.parse(JSON.stringify(event))) ? [] : validate.errors }).toEqual({
      type,
      errors: [],
    });
  });

  it('has a sample for every event, so the test above covers the whole catalogue', () => {
    expect(Object.keys(SAMPLE_EVENTS).sort()).toEqual([...new Set(EVENT_DEFINITIONS.map((d) => d.type))].sort());
  });

  it('refuses what the runtime schema refuses', () => {
    const validate = validatorFor('agreement.recorded', 1);
    const event = JSON.parse(JSON.stringify(sampleEvent('agreement.recorded')));
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, data: { ...event.data, surplus: 1 } })).toBe(false);
    expect(validate({ ...event, data: { ...event.data, terms: [{ ...event.data.terms[0], kind: 'flogging' }] } })).toBe(
      false,
    );
    const { consentedBy: _omitted, ...withoutConsent } = event.data;
    expect(validate({ ...event, data: withoutConsent })).toBe(false);
    expect(validate({ ...event, type: 'agreement.amended' })).toBe(false);
    expect(validate({ ...event, referralId: null })).toBe(false);
  });
});

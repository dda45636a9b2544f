import {
  canResend,
  deliveryRows,
  lastAnswerOf,
  overlapHoursFrom,
  registrationBody,
  webhookFormFrom,
} from './webhook-form';
import type { WebhookDelivery } from './webhook-shapes';

const delivery = (overrides: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: '0b9d2f64-3a52-4a4f-9d3c-1f3a4e5b6c7d',
  eventType: 'referral.status_changed',
  referralId: null,
  status: 'delivered',
  releaseAt: '2026-12-06T10:00:00.000Z',
  attempts: 1,
  lastResponseStatus: 204,
  lastError: null,
  deliveredAt: '2026-12-06T10:00:01.000Z',
  createdAt: '2026-12-06T10:00:00.000Z',
  log: [],
  ...overrides,
});

describe('the webhook pages’ form and log', () => {
  it('reads one or several event boxes, and leaves the contact out when it is empty', () => {
    expect(
      webhookFormFrom({ url: ' https://cms.example.org/h ', eventTypes: 'offer.made', contactEmail: ' ' }),
    ).toEqual({ url: 'https://cms.example.org/h', eventTypes: ['offer.made'], contactEmail: undefined });
    const form = webhookFormFrom({ url: 'https://x.example', eventTypes: ['a', 'b'], contactEmail: 'it@x.example' });
    expect(registrationBody(form)).toEqual({
      url: 'https://x.example',
      eventTypes: ['a', 'b'],
      contactEmail: 'it@x.example',
    });
    expect(registrationBody(webhookFormFrom({}))).toEqual({ url: '', eventTypes: [] });
  });

  it('sends the overlap as a number when it is one, as typed otherwise (the service says why), nothing when empty', () => {
    expect(overlapHoursFrom('48')).toBe(48);
    expect(overlapHoursFrom('two')).toBe('two');
    expect(overlapHoursFrom('')).toBeUndefined();
  });

  it('offers to send again only what was delivered or gave up', () => {
    expect(['pending', 'delivered', 'failed', 'dropped'].filter((status) => canResend({ status } as never))).toEqual([
      'delivered',
      'failed',
    ]);
    expect(lastAnswerOf(delivery({ lastResponseStatus: 500 }))).toBe('HTTP 500');
    expect(lastAnswerOf(delivery({ lastResponseStatus: null, lastError: 'connection_refused' }))).toBe(
      'connection refused',
    );
    expect(deliveryRows([delivery({ status: 'failed' })])[0]).toMatchObject({
      canResend: true,
      tagClass: 'govuk-tag--red',
    });
  });
});

import { renderPage } from '../admin/test/render-page';
import { deliveryRows } from './webhook-form';
import { endpointRow, ENDPOINT_VIEW, SECRET_VIEW } from './webhook-pages.service';
import type { WebhookDelivery, WebhookEndpoint } from './webhook-shapes';

const ENDPOINT: WebhookEndpoint = {
  id: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890',
  orgId: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  url: 'https://cms.north.example/hooks',
  eventTypes: ['referral.status_changed'],
  status: 'disabled',
  contactEmail: 'it@north.example',
  createdAt: '2026-12-01T09:00:00.000Z',
  approvedAt: '2026-12-01T10:00:00.000Z',
  disabledAt: '2026-12-02T10:00:00.000Z',
  disabledReason: 'persistent_failure',
  previousSecretUntil: null,
};

const DELIVERY: WebhookDelivery = {
  id: '11111111-2222-4333-8444-555555555555',
  eventType: 'referral.status_changed',
  referralId: null,
  status: 'failed',
  releaseAt: '2026-12-01T10:00:00.000Z',
  attempts: 13,
  lastResponseStatus: 503,
  lastError: null,
  deliveredAt: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  log: [],
};

const owner = {
  path: `/office/webhooks/${ENDPOINT.id}`,
  listPath: '/office/webhooks',
  canRotate: true,
  canApprove: false,
};

describe('the webhook pages', () => {
  it('show a disabled endpoint’s reason, its failed delivery with a re-send, and no approval to its owner', async () => {
    const html = await renderPage(ENDPOINT_VIEW, {
      endpoint: endpointRow(ENDPOINT),
      deliveries: deliveryRows([DELIVERY]),
      actions: owner,
    });
    expect(html).toContain('It failed for 3 days');
    expect(html).toContain('A platform administrator can approve it again');
    expect(html).toContain(`action="/office/webhooks/${ENDPOINT.id}/deliveries/${DELIVERY.id}/resend"`);
    expect(html).toContain('HTTP 503');
    expect(html).toContain('Make a new secret');
    expect(html).not.toContain('Approve the endpoint');
    expect(html).not.toContain('Disable the endpoint');
  });

  it('give an administrator the approval, and no secret to make', async () => {
    const html = await renderPage(ENDPOINT_VIEW, {
      endpoint: endpointRow({ ...ENDPOINT, status: 'pending_approval', disabledAt: null, disabledReason: null }),
      deliveries: [],
      actions: { ...owner, path: `/admin/webhooks/office/${ENDPOINT.id}`, canRotate: false, canApprove: true },
    });
    expect(html).toContain(`action="/admin/webhooks/office/${ENDPOINT.id}/approve"`);
    expect(html).toContain('Waiting for approval');
    expect(html).not.toContain('Make a new secret');
    expect(html).toContain('Nothing has been sent to this endpoint yet');
  });

  it('show the secret once, with the previous one’s end during an overlap', async () => {
    const html = await renderPage(SECRET_VIEW, {
      heading: 'New signing secret',
      endpoint: endpointRow({ ...ENDPOINT, status: 'active', previousSecretUntil: '2026-12-03T10:00:00.000Z' }),
      secret: 'whsec_abc',
      path: owner.path,
    });
    expect(html).toContain('value="whsec_abc"');
    expect(html).toContain('The previous secret keeps working until');
  });

  it('list the endpoints with their state, the administrators’ with their organisation', async () => {
    const row = { ...endpointRow(ENDPOINT), href: owner.path, kind: 'office', ownerName: 'North office' };
    const list = await renderPage('pages/webhooks/list.njk', {
      endpoints: [row],
      base: '/office/webhooks',
      owner: 'office',
    });
    expect(list).toContain(`href="${owner.path}"`);
    expect(list).toContain('Disabled');
    const admin = await renderPage('pages/webhooks/admin-list.njk', { endpoints: [row], all: true });
    expect(admin).toContain('North office');
    const form = await renderPage('pages/webhooks/form.njk', {
      form: { url: 'http://x' },
      base: '/partner/webhooks',
      eventItems: [{ value: 'offer.made', text: 'An offer of a case was made', checked: true }],
      errors: {
        summary: [{ href: '#url', text: 'Address must be an https:// URL' }],
        byField: { url: 'Address must be an https:// URL' },
      },
    });
    expect(form).toContain('Address must be an https:// URL');
    expect(form).toContain('value="offer.made" checked');
  });
});

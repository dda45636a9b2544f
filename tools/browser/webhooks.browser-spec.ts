import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { TestWebhookReceiver } from '@rj/shared/testing';
import { connect, eventually, personContext, screenshot, signIn, type BrowserTest } from './browser-test';
import { officeWithPartner, submitReferral, type OfficeFixture } from './fixtures';
import { expectAccessible, headingOf } from './page-checks';

let test_: BrowserTest;
let office: OfficeFixture;
let receiver: TestWebhookReceiver;
const contexts: BrowserContext[] = [];

const RECEIVER_PATH = '/office-cms/hooks';

async function personPage(account: string, start: string, javaScript = true): Promise<Page> {
  const context = await personContext(test_, { javaScript });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, test_, account, start);
  return page;
}

const mainText = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

beforeAll(async () => {
  test_ = await connect();
  office = await officeWithPartner(test_, 'HOOKLAND');
  receiver = new TestWebhookReceiver({
    key: readFileSync(test_.info.webhookReceiver.keyFile, 'utf8'),
    cert: readFileSync(test_.info.webhookReceiver.certFile, 'utf8'),
  });
  await receiver.start();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await receiver?.close();
  await test_?.close();
});

describe('webhook endpoints in the console', () => {
  let prosecutor: Page;
  let endpointPath: string;

  it('an office registers an endpoint and sees its signing secret once, waiting for approval', async () => {
    prosecutor = await personPage(office.prosecutor, '/');
    await prosecutor.getByRole('link', { name: 'Webhooks', exact: true }).click();
    expect(await headingOf(prosecutor)).toBe('Webhooks');
    await expectAccessible(prosecutor, test_, 'webhooks-office-list-empty');

    await prosecutor.getByRole('button', { name: 'Register an endpoint' }).click();
    expect(await headingOf(prosecutor)).toBe('Register a webhook endpoint');
    await expectAccessible(prosecutor, test_, 'webhooks-register');

    // Not HTTPS: the service's refusal comes back on the form, by field.
    await prosecutor.locator('#url').fill('http://cms.example.org/hooks');
    await prosecutor.getByRole('button', { name: 'Register the endpoint' }).click();
    expect(await prosecutor.locator('.govuk-error-summary').textContent()).toContain('Address must be an https:// URL');
    expect(await prosecutor.locator('#url').inputValue()).toBe('http://cms.example.org/hooks');
    await expectAccessible(prosecutor, test_, 'webhooks-register-refused');

    await prosecutor.locator('#url').fill(receiver.url(RECEIVER_PATH, '127.0.0.1'));
    await prosecutor.getByLabel('A referral’s report is ready').uncheck();
    await prosecutor.getByLabel('A follow-up is due').uncheck();
    await prosecutor.getByRole('button', { name: 'Register the endpoint' }).click();
    expect(await headingOf(prosecutor)).toBe('Endpoint registered');
    const secret = await prosecutor.locator('#secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.hold(RECEIVER_PATH, secret);
    await expectAccessible(prosecutor, test_, 'webhooks-secret');

    await prosecutor.getByRole('link', { name: 'Go to the endpoint' }).click();
    endpointPath = new URL(prosecutor.url()).pathname;
    expect(endpointPath).toMatch(/^\/office\/webhooks\/[0-9a-f-]{36}$/);
    const page = await mainText(prosecutor);
    expect(page).toContain('Waiting for approval');
    expect(page).toContain('A referral’s status changed');
    expect(page).not.toContain('A follow-up is due');
    expect(page).not.toContain(secret);
    expect(page).toContain('Nothing has been sent to this endpoint yet');
    await expectAccessible(prosecutor, test_, 'webhooks-endpoint-pending');
  });

  it('an administrator finds it waiting and approves it', async () => {
    const admin = await personPage('admin-1', '/');
    await admin.getByRole('link', { name: 'Webhooks', exact: true }).click();
    expect(await headingOf(admin)).toBe('Webhook endpoints');
    const row = admin.locator('table.govuk-table tbody tr', { hasText: `${RECEIVER_PATH}` });
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('HOOKLAND prosecutor’s office');
    await expectAccessible(admin, test_, 'webhooks-admin-waiting');

    await row.getByRole('link').click();
    expect(await admin.getByRole('button', { name: 'Make a new secret' }).count()).toBe(0);
    await expectAccessible(admin, test_, 'webhooks-admin-endpoint');
    await admin.getByRole('button', { name: 'Approve the endpoint' }).click();
    expect(await mainText(admin)).toContain('Endpoint approved');
    expect(await admin.locator('.govuk-summary-list').textContent()).toContain('Active');
    expect(await admin.getByRole('button', { name: 'Approve the endpoint' }).count()).toBe(0);

    await admin.goto('/admin/webhooks');
    expect(await mainText(admin)).not.toContain(RECEIVER_PATH);
  });

  it('the office sees a signed delivery in the log, sends it again, and disables the endpoint', async () => {
    await submitReferral(test_, office, `HOOK-${Date.now()}`);
    const first = await eventually(async () => receiver.at(RECEIVER_PATH)[0], 'a delivery at the receiver');
    expect(first.verified).toMatchObject({ type: 'referral.status_changed' });
    expect(first.answered).toBe(204);

    await eventually(async () => {
      await prosecutor.goto(endpointPath);
      return (await prosecutor.locator('#deliveries ~ table').textContent())?.includes('Delivered');
    }, 'the delivery logged as delivered');
    expect(await prosecutor.locator('.govuk-summary-list').textContent()).toContain('Active');
    await expectAccessible(prosecutor, test_, 'webhooks-endpoint-delivered');

    const sent = receiver.at(RECEIVER_PATH).length;
    const logged = prosecutor.locator('#deliveries ~ table tbody tr', { hasText: first.headers['webhook-id'] });
    await logged.getByRole('button', { name: /Send again/ }).click();
    expect(await mainText(prosecutor)).toContain('Delivery sent again');
    const again = await eventually(
      async () =>
        receiver
          .at(RECEIVER_PATH)
          .slice(sent)
          .find((d) => d.headers['webhook-id'] === first.headers['webhook-id']),
      'the delivery sent again',
    );
    expect(again.answered).toBe(204);

    await prosecutor.getByRole('button', { name: 'Disable the endpoint' }).click();
    expect(await mainText(prosecutor)).toContain('Endpoint disabled');
    expect(await prosecutor.locator('.govuk-summary-list').textContent()).toContain('Disabled by your organisation');
    await expectAccessible(prosecutor, test_, 'webhooks-endpoint-disabled');
    await prosecutor.getByRole('link', { name: 'Back to webhooks' }).click();
    expect(await prosecutor.locator('table.govuk-table tbody tr').first().textContent()).toContain('Disabled');
    await expectAccessible(prosecutor, test_, 'webhooks-office-list');
  });

  it('a partner’s administrator registers an endpoint for offers, without JavaScript', async () => {
    // Every step is a plain link or form; axe needs script, and these templates were scanned above.
    const partner = await personPage(office.partnerAdmin, '/partner', false);
    await partner.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await partner.getByRole('button', { name: 'Register an endpoint' }).click();
    expect(await partner.getByLabel('An offer of a case was made').isChecked()).toBe(true);
    expect(await partner.getByLabel('A referral’s status changed').count()).toBe(0);
    await partner.locator('#url').fill('https://cms.partner.example/hooks');
    await partner.locator('#contactEmail').fill('it@partner.example');
    await partner.getByRole('button', { name: 'Register the endpoint' }).click();
    expect(await headingOf(partner)).toBe('Endpoint registered');
    await partner.getByRole('link', { name: 'Go to the endpoint' }).click();
    expect(new URL(partner.url()).pathname).toMatch(/^\/partner\/webhooks\/[0-9a-f-]{36}$/);
    expect(await mainText(partner)).toContain('Waiting for approval');
    await screenshot(partner, test_, 'webhooks-partner-endpoint-no-js');
  });
});

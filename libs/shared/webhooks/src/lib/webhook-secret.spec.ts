import { Webhook } from 'standardwebhooks';
import { DEV_MASTER_KEYS, parseMasterKeys } from '@rj/shared/pii';
import { decryptSecret, encryptSecret, newWebhookSecret, signDelivery } from './webhook-secret';

const ENDPOINT = '0190a3b4-0000-7000-8000-000000000001';

describe('webhook secrets', () => {
  const keys = parseMasterKeys(DEV_MASTER_KEYS);

  it('keeps a secret as ciphertext that only its own endpoint decrypts', () => {
    const secret = newWebhookSecret();
    const stored = encryptSecret(secret, ENDPOINT, keys);
    expect(stored).not.toContain(secret.slice(6));
    expect(decryptSecret(stored, ENDPOINT, keys)).toBe(secret);
    expect(() => decryptSecret(stored, '0190a3b4-0000-7000-8000-000000000002', keys)).toThrow();
  });

  it('signs so that a receiver holding either secret of an overlap verifies', () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const body = JSON.stringify({
      type: 'referral.status_changed',
      data: { referralId: ENDPOINT, status: 'assigned' },
    });
    const headers = signDelivery('msg_1', new Date(), body, [newSecret, oldSecret]);
    expect(new Webhook(oldSecret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { MasterKeyRing } from '@rj/shared/pii';

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. Shown to its owner once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const PREFIX = 'whk:1:';

/**
 * Secrets at rest are AES-256-GCM ciphertext (`whk:1:<master key id>:<base64url(iv|tag|body)>`)
 * under the service's current master key, bound to their endpoint as associated data, so a copy
 * of the table cannot sign, and a secret copied onto another endpoint's row will not decrypt.
 * Any configured master key decrypts, so a master-key rotation keeps old secrets readable.
 */
export function encryptSecret(secret: string, endpointId: string, keys: MasterKeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.secret, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`webhook_endpoint:${endpointId}`));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${keys.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptSecret(stored: string, endpointId: string, keys: MasterKeyRing): string {
  const [keyId, payload] = stored.startsWith(PREFIX) ? stored.slice(PREFIX.length).split(':') : [];
  const key = keyId ? keys.byId.get(keyId) : undefined;
  if (!key || !payload)
    throw new Error(`webhook secret of endpoint ${endpointId} is not readable with the configured master keys`);
  const bytes = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.secret, bytes.subarray(0, 12), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(`webhook_endpoint:${endpointId}`));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

export type SignedHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

/**
 * The Standard Webhooks headers. During a rotation's overlap both secrets sign: the header
 * carries one `v1,` signature per secret, space-separated, and a receiver holding either
 * verifies (the specification's way to rotate without a gap).
 */
export function signDelivery(messageId: string, at: Date, body: string, secrets: readonly string[]): SignedHeaders {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/*
 * Ed25519 keys for checkpoints, from PEM (PKCS#8 / SPKI) or from the raw 32 bytes in base64
 * (what `openssl` or a KMS export gives). Raw keys are wrapped in the fixed DER prefixes of
 * RFC 8410 so node:crypto can load them.
 */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * A fixed private key for development and tests only: its seed is public in this repository,
 * so a checkpoint signed with it proves nothing. The audit ledger must refuse it in production
 * (see `isDevCheckpointKey`).
 */
export const DEV_CHECKPOINT_KEY = 'cmotZGV2LWNoZWNrcG9pbnQta2V5LW5vdC1zZWNyZXQ=';

function rawKey(text: string, what: string): Buffer {
  const raw = Buffer.from(text.trim(), 'base64');
  if (raw.length !== 32) throw new RangeError(`${what} must be PEM or 32 raw bytes in base64; got ${raw.length} bytes`);
  return raw;
}

function assertEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519')
    throw new RangeError(`${what} must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function parseCheckpointPrivateKey(text: string): KeyObject {
  const key = text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({
        key: Buffer.concat([PKCS8_ED25519_PREFIX, rawKey(text, 'a private key')]),
        format: 'der',
        type: 'pkcs8',
      });
  return assertEd25519(key, 'a checkpoint private key');
}

export function parseCheckpointPublicKey(text: string): KeyObject {
  const key = text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({
        key: Buffer.concat([SPKI_ED25519_PREFIX, rawKey(text, 'a public key')]),
        format: 'der',
        type: 'spki',
      });
  return assertEd25519(key, 'a checkpoint public key');
}

/** Public key of a key object, whether given the private or the public half. */
function publicOf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

/** The public key's raw 32 bytes in base64: the form to publish for auditors. */
export function publicKeyBase64(key: KeyObject): string {
  return (publicOf(key).export({ format: 'der', type: 'spki' }) as Buffer)
    .subarray(SPKI_ED25519_PREFIX.length)
    .toString('base64');
}

/**
 * A short, stable name for a public key — the first 16 hex digits of SHA-256 over its SPKI DER
 * — so a checkpoint says which key signed it and keys can be rotated.
 */
export function checkpointKeyId(key: KeyObject): string {
  const der = publicOf(key).export({ format: 'der', type: 'spki' }) as Buffer;
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function generateCheckpointKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; publicKeyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, publicKeyId: checkpointKeyId(publicKey) };
}

/** True for the development key, whichever form it came in. */
export function isDevCheckpointKey(key: KeyObject): boolean {
  return checkpointKeyId(key) === checkpointKeyId(parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY));
}

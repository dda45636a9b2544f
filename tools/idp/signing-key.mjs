/**
 * The RS256 signing key and the cookie keys, kept under .cache/idp/ so a restart within a
 * development session does not invalidate the tokens services and scripts already hold.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function generate() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    signingKey: { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

function readKeys(file) {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    if (
      stored?.signingKey?.kty === 'RSA' &&
      stored.signingKey.d &&
      typeof stored.signingKey.kid === 'string' &&
      Array.isArray(stored.cookieKeys)
    )
      return stored;
  } catch {
    // missing or unreadable: make new ones
  }
  return undefined;
}

export function loadOrCreateKeys(file) {
  const existing = readKeys(file);
  if (existing) return existing;
  const keys = generate();
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed, so two providers starting at once never read half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(keys), { mode: 0o600 });
  renameSync(temporary, file);
  return readKeys(file) ?? keys;
}

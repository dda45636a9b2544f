import { generateKeyPairSync } from 'node:crypto';
import { checkpointMatches, detectTruncation, signCheckpoint, verifyCheckpointSignature } from './checkpoint';
import {
  checkpointKeyId,
  DEV_CHECKPOINT_KEY,
  generateCheckpointKeyPair,
  isDevCheckpointKey,
  parseCheckpointPrivateKey,
  parseCheckpointPublicKey,
  publicKeyBase64,
} from './checkpoint-keys';

const body = { sequence: 1200, hash: 'ab'.repeat(32), at: '2026-05-01T00:00:00.000Z' };

describe('checkpoints', () => {
  const { privateKey, publicKey, publicKeyId } = generateCheckpointKeyPair();

  it('signs a point of the chain and verifies with the public key', () => {
    const checkpoint = signCheckpoint(body, privateKey);
    expect(checkpoint).toMatchObject({ ...body, publicKeyId });
    expect(Buffer.from(checkpoint.signature, 'base64')).toHaveLength(64);
    expect(verifyCheckpointSignature(checkpoint, publicKey)).toBe(true);
  });

  it.each([
    ['sequence', { sequence: 1199 }],
    ['hash', { hash: 'cd'.repeat(32) }],
    ['time', { at: '2026-05-02T00:00:00.000Z' }],
    ['signature', { signature: Buffer.alloc(64, 1).toString('base64') }],
    ['garbage signature', { signature: 'not base64!' }],
  ])('rejects a checkpoint whose %s was changed', (_name, change) => {
    expect(verifyCheckpointSignature({ ...signCheckpoint(body, privateKey), ...change }, publicKey)).toBe(false);
  });

  it('rejects a checkpoint checked against another key', () => {
    const other = generateCheckpointKeyPair();
    const checkpoint = signCheckpoint(body, privateKey);
    expect(verifyCheckpointSignature(checkpoint, other.publicKey)).toBe(false);
    expect(verifyCheckpointSignature({ ...checkpoint, publicKeyId: other.publicKeyId }, other.publicKey)).toBe(false);
  });

  it('refuses to sign a malformed point', () => {
    expect(() => signCheckpoint({ ...body, hash: 'XYZ' }, privateKey)).toThrow(/hex/);
    expect(() => signCheckpoint({ ...body, sequence: -1 }, privateKey)).toThrow(/sequence/);
    expect(() => signCheckpoint({ ...body, at: 'yesterday' }, privateKey)).toThrow(/ISO 8601/);
  });

  it('matches the ledger entry at its sequence and detects truncation', () => {
    expect(checkpointMatches(body, { sequence: 1200, hash: body.hash })).toBe(true);
    expect(checkpointMatches(body, { sequence: 1200, hash: 'cd'.repeat(32) })).toBe(false);
    expect(checkpointMatches(body, null)).toBe(false);
    expect(detectTruncation(body, 1199)).toBe(true);
    expect(detectTruncation(body, 1200)).toBe(false);
    expect(detectTruncation(body, null)).toBe(true);
  });

  it('loads keys from PEM or raw base64 and gives both forms the same id', () => {
    const pemPrivate = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const pemPublic = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const raw = publicKeyBase64(publicKey);
    expect(checkpointKeyId(parseCheckpointPrivateKey(pemPrivate))).toBe(publicKeyId);
    expect(checkpointKeyId(parseCheckpointPublicKey(pemPublic))).toBe(publicKeyId);
    expect(checkpointKeyId(parseCheckpointPublicKey(raw))).toBe(publicKeyId);
    const signed = signCheckpoint(body, parseCheckpointPrivateKey(pemPrivate));
    expect(verifyCheckpointSignature(signed, parseCheckpointPublicKey(raw))).toBe(true);
  });

  it('refuses keys that are not Ed25519 or not 32 bytes', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => parseCheckpointPrivateKey(rsa)).toThrow(/Ed25519/);
    expect(() => parseCheckpointPrivateKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 raw bytes/);
  });

  it('recognises the development key so production can refuse it', () => {
    const dev = parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY);
    expect(isDevCheckpointKey(dev)).toBe(true);
    expect(isDevCheckpointKey(parseCheckpointPublicKey(publicKeyBase64(dev)))).toBe(true);
    expect(isDevCheckpointKey(privateKey)).toBe(false);
  });
});

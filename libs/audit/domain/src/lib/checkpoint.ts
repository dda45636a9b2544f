import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { checkpointKeyId } from './checkpoint-keys';
import type { ChainPoint } from './hash-chain';

export interface CheckpointBody {
  sequence: number;
  hash: string;
  /** When the checkpoint was taken (ISO 8601, UTC). */
  at: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 signature, base64, over `checkpointSigningBytes(body)`. */
  signature: string;
  publicKeyId: string;
}

/**
 * What is signed: UTF-8 of canonicalJson({ at, hash, sequence }). Canonical form, so an auditor
 * re-serialising the checkpoint with any JSON library signs-checks the same bytes.
 */
export function checkpointSigningBytes(body: CheckpointBody): Buffer {
  return Buffer.from(canonicalJson({ at: body.at, hash: body.hash, sequence: body.sequence }), 'utf8');
}

/**
 * Signs a point of the chain. A signed checkpoint, kept outside the ledger's database, lets an
 * auditor detect what the chain alone cannot: the whole chain rewritten from some entry on,
 * or its tail cut off.
 */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  if (!Number.isSafeInteger(body.sequence) || body.sequence < 0)
    throw new RangeError('checkpoint sequence must be a whole number ≥ 0');
  if (!/^[0-9a-f]{64}$/.test(body.hash)) throw new RangeError('checkpoint hash must be 64 lowercase hex digits');
  if (Number.isNaN(Date.parse(body.at))) throw new RangeError('checkpoint time must be an ISO 8601 instant');
  const signature = sign(null, checkpointSigningBytes(body), privateKey).toString('base64');
  return { sequence: body.sequence, hash: body.hash, at: body.at, signature, publicKeyId: checkpointKeyId(privateKey) };
}

/** True only if this public key signed exactly these sequence, hash and time. */
export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.publicKeyId !== checkpointKeyId(publicKey)) return false;
  try {
    return verify(null, checkpointSigningBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The ledger's entry at the checkpoint's sequence still carries the signed hash. */
export function checkpointMatches(checkpoint: ChainPoint, entry: ChainPoint | null | undefined): boolean {
  return !!entry && entry.sequence === checkpoint.sequence && entry.hash === checkpoint.hash;
}

/** The ledger ends before a sequence that was signed as present: entries were cut off. */
export function detectTruncation(checkpoint: ChainPoint, latestSequence: number | null): boolean {
  return (latestSequence ?? 0) < checkpoint.sequence;
}

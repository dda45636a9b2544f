import { readFileSync } from 'node:fs';
import { parseCheckpointPublicKey, verifyCheckpointSignature, type SignedCheckpoint } from '@rj/audit/domain';
import { getJson, lines, query, stream, UsageError, type ApiOptions } from './api-client';
import { ledgerLength, sequenceOf } from './ledger-commands';
import { progress } from './progress';
import { verifyReplay } from './verify-stream';

export type Flags = Record<string, string | boolean>;
/** Exit code: 0 all good, 1 the ledger failed a check. */
export type CommandResult = Promise<number>;

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `verify [--checkpoint file]`: the whole chain, re-hashed locally, pinned to a saved checkpoint if given. */
export async function verifyCommand(api: ApiOptions, flags: Flags): CommandResult {
  const pinned = typeof flags.checkpoint === 'string' ? [await checkedCheckpoint(api, flags.checkpoint, flags)] : [];
  const result = await verifyReplay(api, pinned);
  print(result);
  return result.ok ? 0 : 1;
}

/** `replay [--from iso] [--to iso] > file`: the NDJSON stream, as served, to stdout. */
export async function replayCommand(api: ApiOptions, flags: Flags): CommandResult {
  const report = progress('replay', { total: process.stderr.isTTY ? await ledgerLength(api) : undefined });
  let count = 0;
  for await (const line of lines(await stream(api, `/api/audit/replay${query({ from: flags.from, to: flags.to })}`))) {
    if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    report.tick(++count, sequenceOf(line));
  }
  report.done(count);
  return 0;
}

/** `state <referral> --at <iso>`: the referral as it stood then. */
export async function stateCommand(api: ApiOptions, flags: Flags, referralId: string | undefined): CommandResult {
  if (!referralId || typeof flags.at !== 'string')
    throw new UsageError('usage: state <referralId> --at <ISO 8601 time>');
  print(await getJson(api, `/api/audit/referrals/${encodeURIComponent(referralId)}/state${query({ at: flags.at })}`));
  return 0;
}

/** `checkpoint fetch [--sequence n] > file`: a signed checkpoint to keep outside the platform. */
export async function checkpointFetchCommand(api: ApiOptions, flags: Flags): CommandResult {
  const which = typeof flags.sequence === 'string' ? flags.sequence : 'latest';
  print(await getJson(api, `/api/audit/checkpoints/${encodeURIComponent(which)}`));
  return 0;
}

/**
 * `checkpoint verify <file> [--public-key k]`: the signature (checked here), then the whole
 * chain re-hashed here and required to pass through the checkpoint — so a ledger rewritten or
 * cut short since the checkpoint was signed fails.
 */
export async function checkpointVerifyCommand(api: ApiOptions, flags: Flags, file: string | undefined): CommandResult {
  if (!file) throw new UsageError('usage: checkpoint verify <file> [--public-key <base64 or PEM>]');
  let checkpoint: SignedCheckpoint;
  try {
    checkpoint = await checkedCheckpoint(api, file, flags);
  } catch (error) {
    print({ ok: false, signatureValid: false, reason: (error as Error).message });
    return 1;
  }
  const chain = await verifyReplay(api, [checkpoint]);
  const truncated = chain.ok ? false : chain.head.sequence < checkpoint.sequence;
  print({
    ok: chain.ok,
    signatureValid: true,
    checkpoint: { sequence: checkpoint.sequence, hash: checkpoint.hash, at: checkpoint.at },
    truncated,
    chain,
  });
  return chain.ok ? 0 : 1;
}

async function checkedCheckpoint(api: ApiOptions, file: string, flags: Flags): Promise<SignedCheckpoint> {
  const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as SignedCheckpoint;
  let keyText = typeof flags['public-key'] === 'string' ? flags['public-key'] : process.env.AUDIT_CHECKPOINT_PUBLIC_KEY;
  if (!keyText) {
    // Taking the key from the service being checked proves less; say so.
    process.stderr.write(
      'warning: no --public-key / AUDIT_CHECKPOINT_PUBLIC_KEY given; using the key the service publishes\n',
    );
    keyText = (await getJson<{ publicKey: string }>(api, '/api/audit/checkpoints/public-key')).publicKey;
  }
  if (!verifyCheckpointSignature(checkpoint, parseCheckpointPublicKey(keyText)))
    throw new Error('the checkpoint signature does not verify with this public key');
  return checkpoint;
}

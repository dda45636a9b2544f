import { canonicalJson, ChainVerifier, type ChainPoint, type ChainVerification } from '@rj/audit/domain';
import { lines, stream, type ApiOptions } from './api-client';
import { ledgerLength } from './ledger-commands';
import { progress } from './progress';

interface ReplayLine {
  sequence: number;
  prevHash: string;
  hash: string;
  event: unknown;
}

/**
 * Replays the whole ledger and re-hashes every entry here: hash = sha256(prevHash ||
 * canonicalJson(event)), each prevHash the previous hash, sequences 1, 2, 3 … without a gap,
 * passing through every given checkpoint (whose signatures the caller has checked).
 */
export async function verifyReplay(
  api: ApiOptions,
  checkpoints: ChainPoint[] = [],
): Promise<ChainVerification & { head: ChainPoint }> {
  const verifier = new ChainVerifier({ checkpoints });
  const report = progress('verify', { total: process.stderr.isTTY ? await ledgerLength(api) : undefined });
  let count = 0;
  for await (const text of lines(await stream(api, '/api/audit/replay'))) {
    const line = JSON.parse(text) as ReplayLine;
    if (
      !verifier.push({
        sequence: line.sequence,
        prevHash: line.prevHash,
        hash: line.hash,
        canonical: canonicalJson(line.event),
      })
    )
      break;
    report.tick(++count, line.sequence);
  }
  report.done(count);
  return { ...verifier.result(), head: verifier.head() };
}

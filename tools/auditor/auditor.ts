/**
 * The auditor's command line for audit-ledger (issue #7):
 *   node -r ./tools/runtime/register.js tools/auditor/auditor.ts <command> [options]
 *     verify [--checkpoint file]             re-hash the whole chain here; exit 1 if broken
 *     replay [--from iso] [--to iso] > file  the ledger as NDJSON, in ledger order
 *     state <referralId> --at <iso>          a referral as it stood at that moment
 *     checkpoint fetch [--sequence n] > file save a signed checkpoint
 *     checkpoint verify <file> [--public-key k]  prove no rewrite or truncation since
 *   --url (AUDIT_LEDGER_URL, default http://127.0.0.1:3005), --token (AUDITOR_TOKEN).
 * Progress goes to stderr, results to stdout. Exit 0 ok, 1 a check failed, 2 usage or error.
 */
import { apiOptionsFromEnv, UsageError } from './lib/api-client';
import { checkpointFetchCommand, checkpointVerifyCommand, replayCommand, stateCommand, verifyCommand, type Flags } from './lib/commands';

export function parseArgs(argv: string[]): { positional: string[]; flags: Flags } {
  const positional: string[] = [];
  const flags: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (arg.includes('=')) flags[arg.slice(2, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags[arg.slice(2)] = argv[++i];
    else flags[arg.slice(2)] = true;
  }
  return { positional, flags };
}

async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [command, sub, arg] = positional;
  const api = apiOptionsFromEnv(flags);
  switch (command) {
    case 'verify':
      return verifyCommand(api, flags);
    case 'replay':
      return replayCommand(api, flags);
    case 'state':
      return stateCommand(api, flags, sub);
    case 'checkpoint':
      if (sub === 'fetch') return checkpointFetchCommand(api, flags);
      if (sub === 'verify') return checkpointVerifyCommand(api, flags, arg);
      throw new UsageError('usage: checkpoint fetch | checkpoint verify <file>');
    default:
      throw new UsageError('usage: auditor verify | replay | state <referral> --at <time> | checkpoint fetch | checkpoint verify <file>');
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`auditor: ${error.message}\n`);
      process.exitCode = 2;
    },
  );
}

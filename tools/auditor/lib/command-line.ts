import { UsageError } from './api-client';

export type Flags = Record<string, string | boolean>;

/** A flag takes a value (`--from 2026-01-01`) or stands alone (`--json`). */
type FlagKind = 'value' | 'switch';

export interface CommandSpec {
  /** `checkpoint fetch` is one command of two words. */
  name: string;
  usage: string;
  summary: string;
  flags: Record<string, FlagKind>;
  /** How many positional arguments it takes (after its name). */
  positionals: number;
}

/** Every command understands these: where the service is, whose token, and help. */
const COMMON_FLAGS: Record<string, FlagKind> = { url: 'value', token: 'value', help: 'switch' };
const FILTERS: Record<string, FlagKind> = {
  type: 'value',
  from: 'value',
  to: 'value',
  referral: 'value',
  aggregate: 'value',
  organisation: 'value',
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'timeline',
    usage: 'timeline <referralId> [--json]',
    summary: "a referral's events in the order they happened",
    flags: { json: 'switch' },
    positionals: 1,
  },
  {
    name: 'events',
    usage: 'events [--type t] [--from iso] [--to iso] [--referral id] [--max n] [--json]',
    summary: 'events matching the filters, oldest first (times are when they occurred)',
    flags: { ...FILTERS, max: 'value', json: 'switch' },
    positionals: 0,
  },
  {
    name: 'export',
    usage: 'export --format csv|ndjson [filters] > file',
    summary: 'the matching events streamed to stdout as CSV or NDJSON, for a spreadsheet or an archive',
    flags: { ...FILTERS, format: 'value' },
    positionals: 0,
  },
  {
    name: 'verify',
    usage: 'verify [--checkpoint file]',
    summary: 're-hash the whole chain here; exit 1 if it is broken',
    flags: { checkpoint: 'value', 'public-key': 'value' },
    positionals: 0,
  },
  {
    name: 'replay',
    usage: 'replay [--from iso] [--to iso] > file',
    summary: 'the ledger as NDJSON in ledger order (times are when it was recorded)',
    flags: { from: 'value', to: 'value' },
    positionals: 0,
  },
  {
    name: 'state',
    usage: 'state <referralId> --at <iso>',
    summary: 'a referral as it stood at that moment',
    flags: { at: 'value' },
    positionals: 1,
  },
  {
    name: 'checkpoint fetch',
    usage: 'checkpoint fetch [--sequence n] > file',
    summary: 'save a signed checkpoint outside the platform',
    flags: { sequence: 'value' },
    positionals: 0,
  },
  {
    name: 'checkpoint verify',
    usage: 'checkpoint verify <file> [--public-key k]',
    summary: 'prove no rewrite or truncation since the checkpoint',
    flags: { 'public-key': 'value' },
    positionals: 1,
  },
];

export interface CommandLine {
  command?: CommandSpec;
  positional: string[];
  flags: Flags;
  help: boolean;
}

/**
 * The arguments read against the command's own flags. Anything it does not know is refused
 * (one line, exit 2) rather than ignored: a mistyped `--referal` must not export everything.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  // The command comes first (one or two words); flags and their values follow.
  const help = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  const leading = argv.slice(0, 2);
  const command =
    COMMANDS.find((spec) => spec.name === leading.join(' ')) ?? COMMANDS.find((spec) => spec.name === leading[0]);
  if (!command) {
    if (help || argv.length === 0) return { positional: [], flags: {}, help: true };
    if (argv[0].startsWith('-')) throw new UsageError(`the command comes before ${argv[0]}; try: auditor --help`);
    throw new UsageError(`unknown command ${JSON.stringify(argv[0])}; try: auditor --help`);
  }
  const known = { ...COMMON_FLAGS, ...command.flags };
  const flags: Flags = {};
  const positional: string[] = [];
  for (let i = command.name.split(' ').length; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') continue;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg.slice(2), undefined];
    const kind = known[name];
    if (!kind) throw new UsageError(`unknown option --${name} for ${command.name}; usage: auditor ${command.usage}`);
    if (kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`--${name} needs a value; usage: auditor ${command.usage}`);
    flags[name] = value;
  }
  if (!help && positional.length !== command.positionals) throw new UsageError(`usage: auditor ${command.usage}`);
  return { command, positional, flags, help };
}

export function helpText(command?: CommandSpec): string {
  if (command) return `usage: auditor ${command.usage}\n\n${command.summary}.\n\n${COMMON_HELP}`;
  return [
    "The auditor's command line for audit-ledger: reads through its HTTP API with your own token.",
    '',
    'usage: npm run auditor -- <command> [options]',
    '',
    ...COMMANDS.flatMap((spec) => [`  ${spec.usage}`, `      ${spec.summary}`]),
    '',
    'filters: --type <event type> --from <iso> --to <iso> (when events occurred, to exclusive)',
    '         --referral <uuid> --aggregate <id> --organisation <uuid>',
    '',
    COMMON_HELP,
  ].join('\n');
}

const COMMON_HELP = [
  'options:  --url <audit-ledger URL>  (AUDIT_LEDGER_URL, default http://127.0.0.1:3005)',
  '          --token <jwt>             (AUDITOR_TOKEN; not needed for --help)',
  'Results go to stdout, progress to stderr (a live line with percentage and time left on a terminal only).',
  'Exit 0 ok, 1 a check failed, 2 a usage error or the service refused.',
  '',
].join('\n');

/**
 * The auditor's command line for audit-ledger: `npm run auditor -- --help` lists the commands
 * (timeline, events, export, verify, replay, state, checkpoint fetch|verify). It reads through
 * the service's HTTP API with the auditor's own token, never its database.
 * Results go to stdout, progress to stderr. Exit 0 ok, 1 a check failed, 2 usage or error.
 */
import { apiOptionsFromEnv } from './lib/api-client';
import { helpText, parseCommandLine } from './lib/command-line';
import {
  checkpointFetchCommand,
  checkpointVerifyCommand,
  replayCommand,
  stateCommand,
  verifyCommand,
} from './lib/commands';
import { eventsCommand, exportCommand, timelineCommand } from './lib/ledger-commands';

export async function main(argv: string[]): Promise<number> {
  const { command, positional, flags, help } = parseCommandLine(argv);
  if (help || !command) {
    process.stdout.write(helpText(command));
    return 0;
  }
  // Only now is a token needed: help and usage errors work without one.
  const api = apiOptionsFromEnv(flags);
  switch (command.name) {
    case 'timeline':
      return timelineCommand(api, flags, positional[0]);
    case 'events':
      return eventsCommand(api, flags);
    case 'export':
      return exportCommand(api, flags);
    case 'verify':
      return verifyCommand(api, flags);
    case 'replay':
      return replayCommand(api, flags);
    case 'state':
      return stateCommand(api, flags, positional[0]);
    case 'checkpoint fetch':
      return checkpointFetchCommand(api, flags);
    default:
      return checkpointVerifyCommand(api, flags, positional[0]);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      // One line, never a stack: an auditor reads this, and a token must not end up in a log.
      process.stderr.write(`auditor: ${error.message.split('\n')[0]}\n`);
      process.exitCode = 2;
    },
  );
}

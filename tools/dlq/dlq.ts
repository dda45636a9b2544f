/**
 * Dead letters for an operator (issue 17):
 *   npm run dlq -- list [--all] [--topic rj.matching.v1]   waiting dead letters, counted by topic and reason
 *   npm run dlq -- show <dlq-topic>/<partition>/<offset>    headers and envelope metadata (never the data)
 *   npm run dlq -- redrive <dlq-topic>/<partition>/<offset> --by <who>   one back to its original topic
 *   npm run dlq -- redrive --all [--topic t] --by <who>     every waiting one, after the fix is deployed
 * KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX and the brokers' TLS/SCRAM settings
 * (KAFKA_SSL_CA_FILE or KAFKA_SSL, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD) as for the services; --by
 * defaults to DLQ_OPERATOR or the login name. Every re-drive prints one JSON record per message
 * on stdout (who, when, which) and the same travels in the re-driven message's headers.
 * Exit 0 ok, 1 nothing found, 2 usage or error.
 */
import { userInfo } from 'node:os';
import { Kafka } from 'kafkajs';
import { dlqKafkaConfig } from './lib/kafka-config';
import { describeLetter, findLetter, listLetters, redrive, summarise, type DlqContext } from './lib/dead-letters';

function parseArgs(argv: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') && arg !== '--all')
      flags[arg.slice(2)] = argv[++i];
    else flags[arg.slice(2)] = true;
  }
  return { positional, flags };
}

const print = (value: unknown) =>
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);

export async function runDlq(argv: string[], context: DlqContext): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  const [command, ref] = positional;
  const topic = typeof flags.topic === 'string' ? `${context.topicPrefix}${flags.topic}` : undefined;
  const by = typeof flags.by === 'string' ? flags.by : (process.env.DLQ_OPERATOR ?? userInfo().username);
  switch (command) {
    case 'list': {
      const letters = (await listLetters(context, { all: flags.all === true, topic })).map(summarise);
      const counts: Record<string, number> = {};
      for (const letter of letters)
        counts[`${letter.originalTopic} ${letter.reason}`] =
          (counts[`${letter.originalTopic} ${letter.reason}`] ?? 0) + 1;
      print({ waiting: flags.all ? undefined : letters.length, byTopicAndReason: counts, letters });
      return 0;
    }
    case 'show': {
      if (!ref) throw new UsageError('show needs <dlq-topic>/<partition>/<offset>');
      const letter = await findLetter(context, ref);
      if (!letter) return 1;
      print(describeLetter(letter));
      return 0;
    }
    case 'redrive': {
      const letters =
        flags.all === true
          ? await listLetters(context, { topic })
          : ref
            ? [await findLetter(context, ref)].filter((l) => l !== null)
            : null;
      if (!letters) throw new UsageError('redrive needs <dlq-topic>/<partition>/<offset> or --all');
      const records = await redrive(context, letters, by);
      for (const record of records) print(JSON.stringify(record));
      process.stderr.write(`re-drove ${records.length} dead letter(s)\n`);
      return records.length || flags.all ? 0 : 1;
    }
    default:
      throw new UsageError('usage: dlq list|show|redrive (see tools/dlq/README.md)');
  }
}

class UsageError extends Error {}

if (require.main === module) {
  // Inside the promise chain: a half-set SCRAM pair or an unreadable CA file is reported like any error (exit 2).
  Promise.resolve()
    .then(() =>
      runDlq(process.argv.slice(2), {
        kafka: new Kafka(dlqKafkaConfig()),
        topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
      }),
    )
    .then(
      (code) => process.exit(code),
      (error: Error) => {
        process.stderr.write(`${error instanceof UsageError ? '' : 'dlq failed: '}${error.message}\n`);
        process.exit(2);
      },
    );
}

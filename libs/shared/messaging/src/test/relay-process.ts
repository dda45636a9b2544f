/**
 * A relay in a process of its own, for the crash test: it publishes, announces
 * PUBLISHED, and then hangs before marking the rows sent, until the test SIGKILLs it.
 */
import { createDataSource } from '@rj/shared/persistence';
import { fixtureRelay } from './backbone-fixture';

async function main() {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL! });
  await dataSource.initialize();
  const relay = fixtureRelay(dataSource, process.env.TOPIC_PREFIX!, async (seqs) => {
    process.stdout.write(`PUBLISHED ${seqs.join(',')}\n`);
    await new Promise(() => undefined);
  });
  await relay.start();
  process.stdout.write('RELAY-STARTED\n');
}

void main();

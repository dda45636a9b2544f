/** A consumer in a process of its own, for the crash test (see FIXTURE_HANG_IN_HANDLER). */
import { createDataSource } from '@rj/shared/persistence';
import { fixtureConsumer } from './backbone-fixture';

async function main() {
  const dataSource = createDataSource({ url: process.env.DATABASE_URL! });
  await dataSource.initialize();
  await fixtureConsumer(dataSource, process.env.GROUP_ID!, process.env.TOPIC_PREFIX!).start();
  process.stdout.write('CONSUMER-STARTED\n');
}

void main();

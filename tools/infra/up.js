#!/usr/bin/env node
'use strict';
/**
 * Brings up everything the platform needs, the same way for `npm start`, `npm test` and CI:
 * first the machine's prerequisites (tools/run/prerequisites.js: one line per missing tool),
 * then Kafka (local KRaft broker from Maven, or KAFKA_BROKERS), the configured Postgres and
 * Redis (checked, with the command to start them if they are down), every topic and DLQ, one
 * database per service with its migrations. Prints one line per step; exits 1 with a clear
 * message when something is missing.
 */
const { requirePrerequisites } = require('../run/prerequisites');

function say(line) {
  process.stderr.write(`[infra] ${line}\n`);
}

/**
 * `command` names whose prerequisites to check first ('start', or 'test' for everything the
 * tests need as well): a missing tool stops here, within a second, before Kafka or migrations.
 */
async function up({ migrations = true, command = 'start' } = {}) {
  await requirePrerequisites(command);
  // Loaded only now, so that the check above answers before the TypeScript loader warms up.
  require('../runtime/register');
  const { ensureKafka } = require('./kafka');
  const { checkPostgres, checkRedis } = require('./services');
  const { ensureTopics } = require('./topics.ts');
  const { migrateAllServices } = require('./migrate.ts');
  const [postgresVersion, redisVersion] = await Promise.all([checkPostgres(), checkRedis()]);
  say(`PostgreSQL ${postgresVersion} and Redis ${redisVersion} reachable`);
  const kafka = await ensureKafka();
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  const topics = await ensureTopics({ brokers: kafka.brokers, log: say });
  say(`${topics.length} topics ready (with .dlq twins)`);
  if (migrations) {
    const migrated = await migrateAllServices(say);
    say(`databases migrated: ${migrated.join(', ') || '(no services yet)'}`);
  }
  return { brokers: kafka.brokers, reused: Boolean(kafka.reused), external: Boolean(kafka.external) };
}

module.exports = { up };

if (require.main === module) {
  up().catch((error) => {
    say(`FAILED: ${error.message}`);
    process.exit(1);
  });
}

#!/usr/bin/env node
'use strict';
/**
 * A real Apache Kafka broker in KRaft mode, run from its Maven Central jars on the machine's
 * Java — the same classes the distribution's bin/kafka-server-start.sh runs.
 *
 *   node tools/infra/kafka.js ensure   fetch jars if missing, format on first start, start, wait
 *   node tools/infra/kafka.js stop     stop the broker this checkout started
 *   node tools/infra/kafka.js status
 *
 * Also a module: startKafka({ port, controllerPort, dataDir }) for tests that need a broker of
 * their own (fault runs restart it; they never touch the shared one on 9092).
 * When KAFKA_BROKERS is set, `ensure` only checks that external cluster.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '../..');
const POM = path.join(__dirname, 'kafka', 'pom.xml');
const KAFKA_VERSION = /<kafka\.version>([^<]+)</.exec(fs.readFileSync(POM, 'utf8'))[1];
const CACHE = process.env.KAFKA_CACHE_DIR || path.join(ROOT, '.cache', 'kafka');
const LIBS = path.join(CACHE, KAFKA_VERSION, 'libs');

function log(message) {
  process.stderr.write(`[kafka] ${message}\n`);
}

function ensureJars() {
  const marker = path.join(LIBS, `kafka_2.13-${KAFKA_VERSION}.jar`);
  if (fs.existsSync(marker)) return LIBS;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.status !== 0) {
    throw new Error('Maven (mvn) is needed to fetch Kafka from Maven Central: apt-get install -y maven');
  }
  log(`fetching org.apache.kafka:kafka_2.13:${KAFKA_VERSION} from Maven Central into ${LIBS}`);
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${LIBS}`, '-DincludeScope=runtime'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0 || !fs.existsSync(marker)) {
    throw new Error('could not fetch the Kafka jars from Maven Central (see the Maven output above)');
  }
  return LIBS;
}

function javaBinary() {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error('Java 17+ is needed to run Kafka: apt-get install -y openjdk-17-jre-headless');
  return java;
}

function writeBrokerFiles({ port, controllerPort, dataDir }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const props = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${path.join(dataDir, 'logs')}`,
    // A single node: the internal topics cannot have more replicas than brokers, or consumer
    // groups never form ("group coordinator is not available").
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Topics are created on purpose by tools/infra/topics.js, with partitions and retention.
    'auto.create.topics.enable=false',
    // Tests start and stop consumer groups constantly; the 3 s default delay only slows them.
    'group.initial.rebalance.delay.ms=0',
    'num.partitions=3',
    'log.retention.hours=-1',
    'log.retention.bytes=-1',
  ].join('\n');
  const propsFile = path.join(dataDir, 'server.properties');
  fs.writeFileSync(propsFile, `${props}\n`);
  const log4j = [
    'status = warn',
    'appender.console.type = Console',
    'appender.console.name = STDOUT',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = warn',
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    'logger.server.name = kafka.server.KafkaRaftServer',
    'logger.server.level = info',
  ].join('\n');
  const log4jFile = path.join(dataDir, 'log4j2.properties');
  fs.writeFileSync(log4jFile, `${log4j}\n`);
  return { propsFile, log4jFile };
}

function javaArgs(log4jFile, heap) {
  return [
    `-Xmx${heap}`,
    `-Xms${heap}`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jFile}`,
    '-cp',
    `${LIBS}/*`,
  ];
}

/**
 * A KRaft cluster id: 16 random bytes in URL-safe base64, as Kafka's own Uuid.randomUuid makes
 * them. Like Kafka, it never hands out one that starts with a dash: one draw in 64 would, and
 * the storage tool's argument parser reads such an id as an unknown option and refuses to format
 * ("argument --cluster-id/-t: expected one argument"), which once failed a CI run.
 */
function newClusterId(randomBytes = crypto.randomBytes) {
  for (;;) {
    const id = randomBytes(16).toString('base64url').slice(0, 22);
    if (!id.startsWith('-')) return id;
  }
}

/**
 * The storage tool's format command. `--cluster-id=` keeps the id one token, whatever it holds.
 * No `--standalone`: the broker files name the quorum's voters (controller.quorum.voters), with
 * which the tool refuses it.
 */
function formatCommand({ clusterId, propsFile, log4jFile }) {
  return [
    ...javaArgs(log4jFile, '256m'),
    'kafka.tools.StorageTool',
    'format',
    `--cluster-id=${clusterId}`,
    '-c',
    propsFile,
  ];
}

function formatStorage({ dataDir, propsFile, log4jFile, clusterId = newClusterId() }) {
  if (fs.existsSync(path.join(dataDir, 'logs', 'meta.properties'))) return;
  const result = spawnSync(javaBinary(), formatCommand({ clusterId, propsFile, log4jFile }), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kafka storage format failed: ${result.stderr || result.stdout}`);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitForCluster(brokers, { timeoutMs = 90_000, isDead = () => false } = {}) {
  const { Kafka, logLevel } = require('kafkajs');
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (isDead()) throw new Error('the broker process exited while starting');
    const admin = new Kafka({
      clientId: 'rj-infra-wait',
      brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      await admin.disconnect();
      if (cluster.brokers.length > 0) return cluster;
    } catch (error) {
      lastError = error;
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `Kafka at ${brokers.join(',')} did not answer within ${timeoutMs} ms: ${lastError && lastError.message}`,
  );
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts (or reuses) a single-node broker; resolves once a kafkajs admin can describe it. */
async function startKafka({ port = 9092, controllerPort = port + 1, dataDir, heap = '512m' } = {}) {
  dataDir = dataDir || path.join(CACHE, `data-${port}`);
  const pidFile = path.join(dataDir, 'kafka.pid');
  const logFile = path.join(dataDir, 'kafka.log');
  const brokers = [`127.0.0.1:${port}`];
  const existingPid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : 0;
  if (existingPid && isAlive(existingPid)) {
    await waitForCluster(brokers, { isDead: () => !isAlive(existingPid) });
    return { brokers, pid: existingPid, dataDir, logFile, reused: true };
  }
  if (await portOpen(port)) {
    // Something already listens there (a broker started another way): use it if it is Kafka.
    await waitForCluster(brokers, { timeoutMs: 10_000 });
    return { brokers, pid: 0, dataDir, logFile, reused: true };
  }
  ensureJars();
  const files = writeBrokerFiles({ port, controllerPort, dataDir });
  formatStorage({ dataDir, ...files });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(javaBinary(), [...javaArgs(files.log4jFile, heap), 'kafka.Kafka', files.propsFile], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  fs.writeFileSync(pidFile, String(child.pid));
  try {
    await waitForCluster(brokers, { isDead: () => !isAlive(child.pid) });
  } catch (error) {
    throw new Error(`${error.message}\n--- ${logFile} ---\n${tail(logFile)}`);
  }
  return { brokers, pid: child.pid, dataDir, logFile, reused: false };
}

/** Stops the broker whose pid file is in dataDir: SIGTERM, then SIGKILL after the grace period. */
async function stopKafka({ port = 9092, dataDir, graceMs = 20_000, signal = 'SIGTERM' } = {}) {
  dataDir = dataDir || path.join(CACHE, `data-${port}`);
  const pidFile = path.join(dataDir, 'kafka.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (isAlive(pid)) {
    process.kill(pid, signal);
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  }
  fs.rmSync(pidFile, { force: true });
  return true;
}

function configuredBrokers() {
  return process.env.KAFKA_BROKERS
    ? process.env.KAFKA_BROKERS.split(',')
        .map((b) => b.trim())
        .filter(Boolean)
    : null;
}

/** What `npm start` and `npm test` call: the external cluster if configured, else the local one. */
async function ensureKafka() {
  const external = configuredBrokers();
  if (external) {
    log(`using external Kafka at ${external.join(',')}`);
    await waitForCluster(external, { timeoutMs: 30_000 });
    return { brokers: external, external: true };
  }
  const port = Number(process.env.KAFKA_LOCAL_PORT || 9092);
  const started = await startKafka({ port });
  log(
    `${started.reused ? 'reusing' : 'started'} Kafka ${KAFKA_VERSION} (KRaft) at ${started.brokers[0]}${started.pid ? ` pid ${started.pid}` : ''}; log ${started.logFile}`,
  );
  return started;
}

module.exports = {
  KAFKA_VERSION,
  LIBS,
  ensureJars,
  startKafka,
  stopKafka,
  ensureKafka,
  waitForCluster,
  javaBinary,
  newClusterId,
  formatCommand,
  writeBrokerFiles,
  formatStorage,
  portOpen,
};

if (require.main === module) {
  const command = process.argv[2] || 'ensure';
  const run = {
    ensure: ensureKafka,
    stop: async () =>
      log(
        (await stopKafka({ port: Number(process.env.KAFKA_LOCAL_PORT || 9092) }))
          ? 'stopped'
          : 'not running (no pid file)',
      ),
    status: async () => {
      const brokers = configuredBrokers() || [`127.0.0.1:${process.env.KAFKA_LOCAL_PORT || 9092}`];
      const cluster = await waitForCluster(brokers, { timeoutMs: 3000 });
      log(`up: ${cluster.brokers.length} broker(s), controller ${cluster.controller}`);
    },
  }[command];
  if (!run) {
    log(`unknown command ${command}; use ensure | stop | status`);
    process.exit(2);
  }
  run().catch((error) => {
    log(error.message);
    process.exit(1);
  });
}

/**
 * docker-compose.yml is valid for Debian's docker-compose 1.29.2 and runs what the platform
 * needs: Kafka at the version pinned in tools/infra/kafka/pom.xml with every contract topic and
 * its DLQ, Postgres with one database per service, Redis with AOF and noeviction, and the five
 * services built from the one Dockerfile, health-checked, the key-store port never published.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALL_TOPICS, SERVICE_NAMES, SERVICE_TOPOLOGY, SIGNER_TOPOLOGY } from '@rj/shared/contracts';
import { loadYamlFile } from './kubectl';

const ROOT = resolve(__dirname, '../..');
/** Every service's name, port and database: the platform's topology. */
const SERVICES = SERVICE_NAMES.map((name) => ({ name, ...SERVICE_TOPOLOGY[name] }));
const KEY_STORE_PORT = SERVICE_TOPOLOGY['referral-intake'].internalPort;

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, string | null>;
  ports?: { published?: number | string; target: number }[];
  expose?: (string | number)[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: (string | { type: string; source: string; target: string })[];
  profiles?: string[];
  cpu_shares?: number;
}
interface Compose {
  services: Record<string, ComposeService>;
}

function dockerCompose(args: string[]) {
  const result = spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'docker-compose is not installed (not found on PATH). Install: apt-get install docker-compose (Debian ships v1.29.2, which validates without a Docker engine)',
    );
  }
  return result;
}

const kafkaVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
  readFileSync(join(ROOT, 'tools/infra/kafka/pom.xml'), 'utf8'),
)?.[1];
let compose: Compose;

describe('docker-compose.yml', () => {
  // Inside this describe: the Dockerfile's tests below need no docker-compose.
  beforeAll(() => {
    const resolved = dockerCompose(['config']);
    if (resolved.status !== 0) throw new Error(`docker-compose config failed: ${resolved.stderr}`);
    compose = loadYamlFile<Compose>(resolved.stdout);
  });

  it('passes `docker-compose config -q` (Debian docker-compose 1.29.2, file format 3.8)', () => {
    const result = dockerCompose(['config', '-q']);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')).toMatch(/^version: "3\.8"$/m);
  });

  it('runs Apache Kafka at the version pinned in tools/infra/kafka/pom.xml, in KRaft mode, health-checked', () => {
    expect(kafkaVersion).toMatch(/^4\.\d+\.\d+$/);
    const kafka = compose.services.kafka;
    expect(kafka.image).toBe(`apache/kafka:${kafkaVersion}`);
    expect(kafka.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    });
    expect(kafka.healthcheck?.test).toBeDefined();
  });

  it('creates every contract topic and its .dlq twin with 3 partitions and unlimited retention', () => {
    const init = compose.services['kafka-init'];
    expect(init.image).toBe(`apache/kafka:${kafkaVersion}`);
    expect(init.depends_on?.kafka?.condition).toBe('service_healthy');
    expect(String(init.environment?.TOPICS).split(/\s+/).sort()).toEqual([...ALL_TOPICS].sort());
    expect(init.environment?.PARTITIONS).toBe('3');
    const script = [init.command].flat().join(' ');
    expect(script).toMatch(/kafka-topics\.sh/);
    expect(script).toMatch(/\$topic\.dlq/);
    expect(script).toMatch(/retention\.ms=-1/);
  });

  it('runs Postgres 15 with one database per service and Redis 7 with AOF and noeviction', () => {
    expect(compose.services.postgres.image).toBe('postgres:15');
    const init = readFileSync(join(ROOT, 'tools/compose/postgres-init.sql'), 'utf8');
    for (const service of SERVICES) expect(init).toMatch(new RegExp(`CREATE DATABASE ${service.database};`));
    const mounts = JSON.stringify(compose.services.postgres.volumes);
    expect(mounts).toMatch(/tools\/compose\/postgres-init\.sql/);
    expect(mounts).toMatch(/docker-entrypoint-initdb\.d/);
    expect(compose.services.redis.image).toMatch(/^redis:7/);
    const redisCommand = [compose.services.redis.command].flat().join(' ');
    expect(redisCommand).toMatch(/--appendonly yes/);
    expect(redisCommand).toMatch(/--maxmemory-policy noeviction/);
  });

  it.each(SERVICES)(
    'builds $name from the one Dockerfile, migrates it first and health-checks /health/ready',
    (service) => {
      const app = compose.services[service.name];
      expect(app).toBeDefined();
      expect(app.build?.context).toBe(ROOT);
      expect(app.build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(app.build?.args).toEqual({ SERVICE: service.name });
      expect(app.environment).toMatchObject({
        PORT: String(service.port),
        KAFKA_BROKERS: 'kafka:9092',
        SHUTDOWN_GRACE_MS: '25000',
      });
      expect(app.environment?.DATABASE_URL).toMatch(new RegExp(`@postgres:5432/${service.database}$`));
      expect(JSON.stringify(app.healthcheck?.test)).toMatch(/\/health\/ready/);
      expect(app.ports?.map((p) => [Number(p.published), p.target])).toEqual([[service.port, service.port]]);
      const migrate = compose.services[`migrate-${service.name}`];
      expect([migrate.command].flat().join(' ')).toBe(
        `node -r ./tools/runtime/dist-paths.js dist/apps/${service.name}/src/migrate.js`,
      );
      expect(migrate.build).toEqual(app.build);
      // audit-ledger migrates as its owner role and runs as its runtime role (issue 14, item 7); the others as one role.
      const asRole = (url: string | null | undefined, role: string) =>
        url?.replace(/^postgres:\/\/[^:@]+/, `postgres://${role}`);
      if (service.name === 'audit-ledger') {
        expect(asRole(migrate.environment?.DATABASE_URL, 'x')?.replace(/:[^@]*@/, '@')).toBe(
          asRole(app.environment?.DATABASE_URL, 'x')?.replace(/:[^@]*@/, '@'),
        );
        expect(migrate.environment?.DATABASE_URL).toMatch(/^postgres:\/\/rj_audit_ledger:/);
        expect(app.environment?.DATABASE_URL).toMatch(/^postgres:\/\/rj_audit_ledger_app:/);
      } else {
        expect(migrate.environment?.DATABASE_URL).toBe(app.environment?.DATABASE_URL);
      }
      expect(app.depends_on).toMatchObject({
        'kafka-init': { condition: 'service_completed_successfully' },
        [`migrate-${service.name}`]: { condition: 'service_completed_successfully' },
        redis: { condition: 'service_healthy' },
      });
    },
  );

  it('item 7: runs the checkpoint signer as a service of its own, the only one given the private key, unpublished', () => {
    const holders = Object.entries(compose.services)
      .filter(([, service]) => service.environment && 'AUDIT_CHECKPOINT_PRIVATE_KEY' in service.environment)
      .map(([name]) => name);
    expect(holders).toEqual(['audit-ledger-signer']);
    const signer = compose.services['audit-ledger-signer'];
    expect([signer.command].flat().join(' ')).toBe(
      'node -r ./tools/runtime/dist-paths.js dist/apps/audit-ledger/src/signer-main.js',
    );
    expect(signer.ports ?? []).toEqual([]);
    expect(signer.environment?.DATABASE_URL).toMatch(/^postgres:\/\/rj_audit_ledger_signer:/);
    expect(compose.services['audit-ledger'].environment?.AUDIT_SIGNER_URL).toBe(
      `http://${SIGNER_TOPOLOGY.name}:${SIGNER_TOPOLOGY.port}`,
    );
    expect(JSON.stringify(compose.services.postgres.volumes)).toMatch(/tools\/compose\/postgres-audit-roles\.sh/);
  });

  it('traces only when asked: every service takes OTEL_* from the shell or .env, and Jaeger starts with the profile tracing only (issue 17)', () => {
    for (const { name } of SERVICES) {
      const environment = compose.services[name].environment ?? {};
      expect({ name, passed: 'OTEL_EXPORTER_OTLP_ENDPOINT' in environment }).toEqual({ name, passed: true });
      // No value of its own: unset (tracing off) unless the person starting it sets one.
      if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) expect(environment.OTEL_EXPORTER_OTLP_ENDPOINT ?? null).toBeNull();
    }
    expect(compose.services.jaeger.profiles).toEqual(['tracing']);
    expect(compose.services.jaeger.expose?.map(String)).toContain('4318');
  });

  it('gives the referral\u2019s path to its offer (intake, matching) four times the CPU share of the other services', () => {
    const critical = ['referral-intake', 'partner-matching'];
    for (const path of critical)
      for (const other of SERVICE_NAMES.filter((name) => !critical.includes(name))) {
        const ratio = Number(compose.services[path].cpu_shares) / Number(compose.services[other].cpu_shares);
        expect({ path, other, ratio }).toEqual({ path, other, ratio: 4 });
      }
  });

  it("never publishes referral-intake's key-store port (4001) to the host", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const port of service.ports ?? []) {
        expect({ name, target: port.target, published: Number(port.published) }).not.toEqual(
          expect.objectContaining({ target: KEY_STORE_PORT }),
        );
        expect(Number(port.published)).not.toBe(KEY_STORE_PORT);
      }
    }
    expect(compose.services['referral-intake'].environment?.INTERNAL_PORT).toBe(String(KEY_STORE_PORT));
    expect(compose.services['referral-intake'].expose?.map(String)).toContain(String(KEY_STORE_PORT));
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

  it('builds with tsc, ships production dependencies only and runs SERVICE as uid 10001', () => {
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/npx tsc -p tsconfig\.build\.json/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^ARG SERVICE=/m);
    expect(dockerfile).toMatch(/^USER 10001/m);
    expect(dockerfile).toMatch(
      /exec node -r \.\/tools\/runtime\/dist-paths\.js dist\/apps\/\$\{SERVICE\}\/src\/main\.js/,
    );
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).toMatch(/node_modules/);
  });

  it('tools/runtime/dist-paths.js resolves every @rj/* alias of tsconfig.base.json to the compiled dist/libs', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'rj-dist-paths-'));
    mkdirSync(join(workspace, 'tools/runtime'), { recursive: true });
    copyFileSync(join(ROOT, 'tools/runtime/dist-paths.js'), join(workspace, 'tools/runtime/dist-paths.js'));
    copyFileSync(join(ROOT, 'tsconfig.base.json'), join(workspace, 'tsconfig.base.json'));
    if (existsSync(join(ROOT, 'node_modules')))
      symlinkSync(join(ROOT, 'node_modules'), join(workspace, 'node_modules'));
    const { paths } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions as {
      paths: Record<string, string[]>;
    };
    for (const [alias, [target]] of Object.entries(paths)) {
      const file = join(workspace, 'dist', `${target}.js`);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, `module.exports = { alias: ${JSON.stringify(alias)} };\n`);
    }
    const probe = `const paths = ${JSON.stringify(Object.keys(paths))}; console.log(JSON.stringify(paths.map((p) => require(p).alias)));`;
    const result = spawnSync(process.execPath, ['-r', './tools/runtime/dist-paths.js', '-e', probe], {
      cwd: workspace,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(Object.keys(paths));
  });
});

/**
 * docker-compose.yml's migration runs and service containers, generated from the platform's
 * topology (libs/shared/contracts/src/lib/topology/topology.json): docker-compose cannot read
 * JSON, so the block between the markers is written by `npm run contracts:generate`, and
 * generated-files.spec.ts fails when the committed file differs. What is not topology (what a
 * service is given beyond its port and database) is said here, per service.
 */
import { SERVICE_NAMES, SERVICE_TOPOLOGY, SIGNER_TOPOLOGY, type ServiceName } from '@rj/shared/contracts';
import { deployedTuning } from './deployed-tuning';

export const COMPOSE_FILE = 'docker-compose.yml';
export const BEGIN_MARKER =
  '  # BEGIN GENERATED from libs/shared/contracts/src/lib/topology/topology.json by `npm run contracts:generate` (tools/topology/compose.ts): edit those, not this block.';
export const END_MARKER = '  # END GENERATED';

/** The development password of each database role (from the shell or .env when set). */
const ROLE_PASSWORDS: Record<string, string> = {
  postgres: '${POSTGRES_PASSWORD:-postgres}',
  rj_audit_ledger: '${AUDIT_LEDGER_OWNER_PASSWORD:-audit-owner}',
  rj_audit_ledger_app: '${AUDIT_LEDGER_APP_PASSWORD:-audit-app}',
  rj_audit_ledger_signer: '${AUDIT_LEDGER_SIGNER_PASSWORD:-audit-signer}',
};

function databaseUrl(role: string | null, database: string): string {
  const user = role ?? 'postgres';
  const password = ROLE_PASSWORDS[user];
  if (!password) throw new Error(`no development password for the database role ${user}`);
  return `postgres://${user}:${password}@postgres:5432/${database}`;
}

const keyStoreUrl = `http://referral-intake:${SERVICE_TOPOLOGY['referral-intake'].internalPort}`;

/** Lines added to a service's environment, beyond SERVICE, PORT and DATABASE_URL. */
const EXTRA_ENVIRONMENT: Record<ServiceName, { before?: string[]; after?: string[] }> = {
  'referral-intake': {
    after: [
      `INTERNAL_PORT: "${SERVICE_TOPOLOGY['referral-intake'].internalPort}"`,
      "# Bound to the container's interfaces so the services that decrypt can reach it.",
      'INTERNAL_HOST: 0.0.0.0',
      'PII_MASTER_KEYS:',
    ],
  },
  'partner-matching': {},
  'mediation-scheduling': {
    before: ['# Only the services that decrypt learn where the key store is.', `PII_KEY_STORE_URL: ${keyStoreUrl}`],
  },
  'outcome-tracking': {
    before: ['# Only the services that decrypt learn where the key store is.', `PII_KEY_STORE_URL: ${keyStoreUrl}`],
  },
  'audit-ledger': {
    before: [
      "# As its k8s deployment: 8 MB semi-spaces instead of the image's 4, for verification's streamed rows.",
      'NODE_OPTIONS: "--max-semi-space-size=8 --max-old-space-size=256"',
    ],
    after: [
      "# The public key only; the private key is the signer's. No value: from the shell or .env, else the development key's.",
      'AUDIT_CHECKPOINT_PUBLIC_KEY:',
      `AUDIT_SIGNER_URL: http://${SIGNER_TOPOLOGY.name}:${SIGNER_TOPOLOGY.port}`,
    ],
  },
};

/** Why a database URL names the role it does, when it is not the superuser. */
const ROLE_COMMENTS: Record<string, string> = {
  rj_audit_ledger: '# As the owner role: only it creates the tables and grants the runtime and signer roles.',
  rj_audit_ledger_app: '# The runtime role: SELECT and INSERT only on ledger_entry (issue 14, item 7).',
};

const indent = (spaces: number, lines: string[]) => lines.map((line) => `${' '.repeat(spaces)}${line}`);

/** The consumer settings the service's k8s ConfigMap tunes, read from it rather than written twice. */
function consumerTuning(service: ServiceName): string[] {
  const tuned = Object.entries(deployedTuning(service));
  if (!tuned.length) return [];
  return [
    '# As its k8s ConfigMap tunes its consumer (docs/operations/capacity.md).',
    ...tuned.map(([name, value]) => `${name}: "${value}"`),
  ];
}

function build(service: ServiceName): string[] {
  return ['build:', '  context: .', '  dockerfile: Dockerfile', '  args:', `    SERVICE: ${service}`];
}

function databaseLines(role: string | null, database: string): string[] {
  return [
    ...(role && ROLE_COMMENTS[role] ? [ROLE_COMMENTS[role]] : []),
    `DATABASE_URL: ${databaseUrl(role, database)}`,
  ];
}

function migration(service: ServiceName): string[] {
  const { database, migrationRole } = SERVICE_TOPOLOGY[service];
  return [
    `migrate-${service}:`,
    ...indent(2, [
      '<<: *migrate',
      `image: rj-platform-${service}:local`,
      ...build(service),
      `command: ["node", "-r", "./tools/runtime/dist-paths.js", "dist/apps/${service}/src/migrate.js"]`,
      'environment:',
      '  <<: *service-env',
      ...indent(2, databaseLines(migrationRole, database)),
    ]),
  ];
}

function dependsOn(service: ServiceName): string[] {
  const on = (name: string, condition: string) => [`${name}:`, `  condition: ${condition}`];
  return [
    'depends_on:',
    ...indent(2, [
      ...on('kafka-init', 'service_completed_successfully'),
      ...on('redis', 'service_healthy'),
      ...on('mailpit', 'service_started'),
      ...on(`migrate-${service}`, 'service_completed_successfully'),
      ...(service === 'audit-ledger' ? on(SIGNER_TOPOLOGY.name, 'service_healthy') : []),
    ]),
  ];
}

/**
 * A referral's path to its offer (intake, then matching) gets four times the CPU share of the
 * ledger and the projections when the host is busy; those catch up after a burst. The same
 * ratio as the k8s manifests' cpu requests (docs/operations/capacity.md).
 */
const ON_THE_REFERRALS_PATH: readonly ServiceName[] = ['referral-intake', 'partner-matching'];
const cpuShares = (service: ServiceName) => (ON_THE_REFERRALS_PATH.includes(service) ? 1024 : 256);

function container(service: ServiceName): string[] {
  const { port, internalPort, database, role } = SERVICE_TOPOLOGY[service];
  const extra = EXTRA_ENVIRONMENT[service];
  const keyStore =
    service === 'referral-intake'
      ? [
          `# The key store (GET /internal/keys/{keyId}) listens on ${internalPort}: reachable from the other`,
          '# containers, never published to the host.',
          'expose:',
          `  - "${internalPort}"`,
        ]
      : [];
  return [
    '',
    `${service}:`,
    ...indent(2, [
      '<<: *service',
      ...(service === 'referral-intake'
        ? [
            "# A referral's path to its offer (intake, then matching) gets four times the CPU share of",
            '# the ledger and the projections when the host is busy; those catch up after a burst.',
          ]
        : []),
      `cpu_shares: ${cpuShares(service)}`,
      `image: rj-platform-${service}:local`,
      ...build(service),
      'environment:',
      '  <<: *service-env',
      `  SERVICE: ${service}`,
      ...indent(2, extra.before ?? []),
      ...indent(2, consumerTuning(service)),
      `  PORT: "${port}"`,
      ...indent(2, databaseLines(role, database)),
      ...indent(2, extra.after ?? []),
      'ports:',
      `  - "${port}:${port}"`,
      ...keyStore,
      ...dependsOn(service),
    ]),
  ];
}

/** The checkpoint signer: audit-ledger's image, its own process and container, never published. */
function signer(): string[] {
  const { name, port, database, role } = SIGNER_TOPOLOGY;
  return [
    '',
    '# The checkpoint signer: its own process and container, the only one given the checkpoint',
    '# private key; audit-ledger asks it for signatures. Not published to the host.',
    `${name}:`,
    ...indent(2, [
      '<<: *service',
      'image: rj-platform-audit-ledger:local',
      ...build('audit-ledger'),
      'command: ["node", "-r", "./tools/runtime/dist-paths.js", "dist/apps/audit-ledger/src/signer-main.js"]',
      'environment:',
      '  <<: *service-env',
      `  SERVICE: ${name}`,
      `  PORT: "${port}"`,
      ...indent(2, databaseLines(role, database)),
      '  # No value: from the shell or .env when set there, else the development key.',
      '  AUDIT_CHECKPOINT_PRIVATE_KEY:',
      'expose:',
      `  - "${port}"`,
      'depends_on:',
      '  redis:',
      '    condition: service_healthy',
      '  migrate-audit-ledger:',
      '    condition: service_completed_successfully',
    ]),
  ];
}

/** The generated block, markers included. */
export function composeServicesBlock(): string {
  const lines = [
    '# One migration run per service, each against its own database; the service waits for it.',
    ...SERVICE_NAMES.flatMap(migration),
    ...SERVICE_NAMES.flatMap(container),
    ...signer(),
  ];
  return [BEGIN_MARKER, ...indent(2, lines).map((line) => line.trimEnd()), END_MARKER].join('\n');
}

/** docker-compose.yml with its generated block rewritten; the rest of the file is kept as it is. */
export function composeFile(current: string): string {
  const begin = current.indexOf(BEGIN_MARKER);
  const end = current.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`${COMPOSE_FILE} has lost its generated block's markers`);
  return current.slice(0, begin) + composeServicesBlock() + current.slice(end + END_MARKER.length);
}

/** tools/compose/postgres-init.sql: one database per service, created when the container's data directory is empty. */
export const POSTGRES_INIT_FILE = 'tools/compose/postgres-init.sql';

export function postgresInitSql(): string {
  const databases = [...new Set(SERVICE_NAMES.map((service) => SERVICE_TOPOLOGY[service].database))];
  return [
    '-- GENERATED from libs/shared/contracts/src/lib/topology/topology.json by `npm run contracts:generate`.',
    '-- Runs once, when the postgres container initialises an empty data directory',
    '-- (docker-entrypoint-initdb.d). One database per service: each service owns its data.',
    ...databases.map((database) => `CREATE DATABASE ${database};`),
    '',
  ].join('\n');
}

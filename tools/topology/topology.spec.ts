/**
 * The platform's topology is written once (libs/shared/contracts/src/lib/topology/topology.json).
 * What reads it at run time (npm start, the env classes' defaults, the seed, the front door)
 * cannot disagree; what cannot read JSON is generated from it (docker-compose.yml's services,
 * the compose Postgres init) or checked here against it (the k8s manifests).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import {
  CONSOLE_PORT,
  SERVICE_NAMES,
  SERVICE_TOPOLOGY,
  SIGNER_TOPOLOGY,
  localDatabaseUrl,
  type ServiceName,
} from '@rj/shared/contracts';
// The services' own configuration classes, read as their processes read them.
/* eslint-disable @nx/enforce-module-boundaries */
import { AuditLedgerEnv } from '../../apps/audit-ledger/src/audit-ledger.env';
import { CheckpointSignerEnv } from '../../apps/audit-ledger/src/signer/signer.env';
import { ConsoleEnv } from '../../apps/console/src/console.env';
import { MediationSchedulingEnv } from '../../apps/mediation-scheduling/src/mediation-scheduling.env';
import { OutcomeTrackingEnv } from '../../apps/outcome-tracking/src/outcome-tracking.env';
import { PartnerMatchingEnv } from '../../apps/partner-matching/src/partner-matching.env';
import { ReferralIntakeEnv } from '../../apps/referral-intake/src/referral-intake.env';
/* eslint-enable @nx/enforce-module-boundaries */
import { DEFAULT_PORTS } from '../seed/services';
import { SERVICES as FRONT_DOOR_SERVICES } from '../front-door/route-table';
import { COMPOSE_FILE, composeFile, POSTGRES_INIT_FILE, postgresInitSql } from './compose';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const REGENERATE = 'run `npm run contracts:generate`';

interface K8sDoc {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  spec?: {
    ports?: { name?: string; port: number }[];
    ingress?: { ports?: { port: number }[] }[];
    template?: {
      metadata?: { annotations?: Record<string, string> };
      spec: {
        containers: {
          name: string;
          ports?: { name: string; containerPort: number }[];
          env?: { name: string; value?: string }[];
        }[];
      };
    };
    bootstrap?: { initdb: { database: string; postInitSQL: string[] } };
  };
}

function k8s(path: string): K8sDoc[] {
  return loadAll(read(path)).filter(Boolean) as K8sDoc[];
}

const one = (path: string) => k8s(path)[0];
const containerPorts = (doc: K8sDoc) =>
  Object.fromEntries(
    (doc.spec!.template!.spec.containers[0].ports ?? []).map(({ name, containerPort }) => [name, containerPort]),
  );
const ingressPorts = (doc: K8sDoc) => doc.spec!.ingress!.flatMap((rule) => (rule.ports ?? []).map((p) => p.port));

describe('the platform topology, written once', () => {
  it(`docker-compose.yml's migration runs and services are generated from it (${REGENERATE} if this fails)`, () => {
    const committed = read(COMPOSE_FILE);
    expect(composeFile(committed)).toBe(committed);
  });

  it(`the compose Postgres creates every service's database (${REGENERATE} if this fails)`, () => {
    expect(read(POSTGRES_INIT_FILE)).toBe(postgresInitSql());
  });

  it.each(SERVICE_NAMES)("k8s/base/services/%s agrees with it: ports, database, probes' and scrapes' ports", (name) => {
    const { port, internalPort, database } = SERVICE_TOPOLOGY[name];
    const dir = `k8s/base/services/${name}`;
    expect(one(`${dir}/configmap.yaml`).data).toMatchObject({
      SERVICE: name,
      PORT: String(port),
      INTERNAL_PORT: String(internalPort),
      DATABASE_NAME: database,
    });
    const servicePorts = one(`${dir}/service.yaml`).spec!.ports!;
    expect(servicePorts.find((p) => p.name === 'http')?.port).toBe(port);
    // referral-intake's Service also carries its key store, on the internal port.
    for (const other of servicePorts.filter((p) => p.name !== 'http'))
      expect(other).toMatchObject({ name: 'internal', port: internalPort });
    const deployment = one(`${dir}/deployment.yaml`);
    expect(containerPorts(deployment)).toEqual({ http: port, internal: internalPort });
    expect(deployment.spec!.template!.metadata!.annotations!['prometheus.io/port']).toBe(String(internalPort));
    expect(ingressPorts(one(`${dir}/networkpolicy.yaml`))).toEqual(expect.arrayContaining([port, internalPort]));
    const metrics = k8s('k8s/base/monitoring/metrics-services.yaml').find((d) => d.metadata.name === `${name}-metrics`);
    expect(metrics?.spec!.ports).toEqual([expect.objectContaining({ name: 'internal', port: internalPort })]);
  });

  it("compose fetches events as each service's k8s ConfigMap does (KAFKA_FETCH_MIN_BYTES, KAFKA_FETCH_MAX_WAIT_MS)", () => {
    const compose = loadAll(read(COMPOSE_FILE))[0] as {
      services: Record<string, { environment: Record<string, string> }>;
    };
    const fetchSettings = (env: Record<string, string> | undefined) => ({
      minBytes: env?.KAFKA_FETCH_MIN_BYTES,
      maxWaitMs: env?.KAFKA_FETCH_MAX_WAIT_MS,
    });
    for (const name of SERVICE_NAMES) {
      const configMap = one(`k8s/base/services/${name}/configmap.yaml`).data as Record<string, string>;
      expect({ name, ...fetchSettings(compose.services[name].environment) }).toEqual({
        name,
        ...fetchSettings(configMap),
      });
    }
    // The one service off a referral's path that skips most of what it reads (capacity.md).
    expect(fetchSettings(compose.services['mediation-scheduling'].environment)).toEqual({
      minBytes: '65536',
      maxWaitMs: '500',
    });
  });

  it("k8s: the checkpoint signer's ports, and the one Postgres cluster creates every service's database", () => {
    const dir = 'k8s/base/services/audit-ledger';
    const signer = one(`${dir}/signer-deployment.yaml`);
    expect(containerPorts(signer)).toEqual({ http: SIGNER_TOPOLOGY.port, internal: SIGNER_TOPOLOGY.internalPort });
    const env = Object.fromEntries(signer.spec!.template!.spec.containers[0].env!.map((e) => [e.name, e.value]));
    expect(env).toMatchObject({
      PORT: String(SIGNER_TOPOLOGY.port),
      INTERNAL_PORT: String(SIGNER_TOPOLOGY.internalPort),
    });
    expect(one(`${dir}/signer-service.yaml`).spec!.ports).toEqual([
      expect.objectContaining({ port: SIGNER_TOPOLOGY.port }),
    ]);
    const { initdb } = one('k8s/base/postgres/cluster.yaml').spec!.bootstrap!;
    const created = [
      initdb.database,
      ...initdb.postInitSQL.flatMap((sql) => /^CREATE DATABASE (\w+)/.exec(sql)?.[1] ?? []),
    ];
    expect(new Set(created)).toEqual(new Set(SERVICE_NAMES.map((name) => SERVICE_TOPOLOGY[name].database)));
  });

  it("the services' internal port is the public one + 1000, the default a service takes when INTERNAL_PORT is unset", () => {
    for (const { port, internalPort } of [...Object.values(SERVICE_TOPOLOGY), SIGNER_TOPOLOGY])
      expect(internalPort).toBe(port + 1000);
  });

  it("each service's configuration defaults to its place in it", () => {
    const envs: Record<ServiceName, { PORT: number; DATABASE_URL: string }> = {
      'referral-intake': new ReferralIntakeEnv(),
      'partner-matching': new PartnerMatchingEnv(),
      'mediation-scheduling': new MediationSchedulingEnv(),
      'outcome-tracking': new OutcomeTrackingEnv(),
      'audit-ledger': new AuditLedgerEnv(),
    };
    for (const name of SERVICE_NAMES) {
      expect({ name, PORT: envs[name].PORT, DATABASE_URL: envs[name].DATABASE_URL }).toEqual({
        name,
        PORT: SERVICE_TOPOLOGY[name].port,
        DATABASE_URL: localDatabaseUrl(SERVICE_TOPOLOGY[name]),
      });
    }
    expect(new ReferralIntakeEnv().INTERNAL_PORT).toBe(SERVICE_TOPOLOGY['referral-intake'].internalPort);
    const signer = new CheckpointSignerEnv();
    expect([signer.PORT, signer.DATABASE_URL]).toEqual([SIGNER_TOPOLOGY.port, localDatabaseUrl(SIGNER_TOPOLOGY)]);
    const console = new ConsoleEnv();
    expect(console.PORT).toBe(CONSOLE_PORT);
    expect(console.AUDIT_LEDGER_URL).toBe(`http://127.0.0.1:${SERVICE_TOPOLOGY['audit-ledger'].port}`);
  });

  it('npm start, the seed and the front door read it', () => {
    const start = require('../run/start') as {
      SERVICES: { name: string; port: number }[];
      SIGNER: { name: string; port: number; internalPort: number };
    };
    expect(start.SERVICES.map(({ name, port }) => [name, port])).toEqual(
      SERVICE_NAMES.map((name) => [name, SERVICE_TOPOLOGY[name].port]),
    );
    expect(start.SIGNER).toMatchObject({ name: SIGNER_TOPOLOGY.name, port: SIGNER_TOPOLOGY.port });
    for (const name of SERVICE_NAMES) {
      expect(DEFAULT_PORTS[name]).toBe(SERVICE_TOPOLOGY[name].port);
      expect(FRONT_DOOR_SERVICES[name].port).toBe(SERVICE_TOPOLOGY[name].port);
    }
  });
});

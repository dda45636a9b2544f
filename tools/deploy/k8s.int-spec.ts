/**
 * k8s/ renders with kubectl's kustomize (kubectl 1.20's v2.0.3 as well as current ones), every
 * core object is valid against the Kubernetes schemas, and the platform's invariants hold:
 * probes, resources, non-root read-only pods, a KafkaTopic and DLQ twin for every contract
 * topic, replication 3 / min ISR 2 in prod, scaling guards in prod, no secret in the repo and
 * referral-intake's key store reachable from the platform's services only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_TOPICS, dlqTopicOf, SERVICE_NAMES, SERVICE_TOPOLOGY, SIGNER_TOPOLOGY } from '@rj/shared/contracts';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import { findKubectl, loadYamlFile, renderKustomization, type K8sObject } from './kubectl';

const ROOT = resolve(__dirname, '../..');
const K8S = join(ROOT, 'k8s');
const OVERLAYS = ['dev', 'prod'] as const;
type Overlay = (typeof OVERLAYS)[number];

/** Every service's name, port and database: the platform's topology. */
const SERVICES = SERVICE_NAMES.map((name) => ({ name, ...SERVICE_TOPOLOGY[name] }));
const KEY_STORE_PORT = SERVICE_TOPOLOGY['referral-intake'].internalPort;
/** The services that fetch data keys (hardening 2): the only ones the key store admits. */
const DECRYPTING = ['mediation-scheduling', 'outcome-tracking'];
/** audit-ledger calls its checkpoint signer with a service token of its own (issue 14, item 7); it never decrypts. */
const CALLS_SIGNER = ['audit-ledger'];
const AUDIT_LOGIN_ROLES = ['rj_audit_ledger_app', 'rj_audit_ledger_signer'];
const CHECKPOINT_KEY_SECRET = 'rj-audit-checkpoint';
const SHUTDOWN_GRACE_SECONDS = 25;
const SECRET_LIKE = /SECRET|PASSWORD|KEY|TOKEN/i;
const CREDENTIALS_IN_URL = /:\/\/[^/:@\s]+:[^$@\s][^@\s]*@/;
/** A literal that may hold a secret: a secret-like name, unless it is the address of something (PII_KEY_STORE_URL). */
const secretLike = (name: string, value: string) =>
  CREDENTIALS_IN_URL.test(value) ||
  (SECRET_LIKE.test(name) && !(/_URL$/.test(name) && /^https?:\/\/[^@\s]+$/.test(value)));
/** Custom resources of the operators: no Kubernetes schema, checked by invariants below. */
const OPERATOR_GROUPS = ['kafka.strimzi.io/', 'postgresql.cnpg.io/', 'monitoring.coreos.com/'];
/** The kustomize fields kubectl 1.20 (kustomize v2.0.3) renders and current kustomize reads. */
const KUSTOMIZE_FIELDS = new Set([
  'resources',
  'bases',
  'patchesStrategicMerge',
  'images',
  'namespace',
  'commonLabels',
]);

type ModelClass = new (data: any) => { validate(): void };
const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/Secret': Secret,
  'v1/ServiceAccount': ServiceAccount,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

const kafkaVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
  readFileSync(join(ROOT, 'tools/infra/kafka/pom.xml'), 'utf8'),
)?.[1];

let kubectl: string;
const rendered = {} as Record<Overlay, K8sObject[]>;

beforeAll(() => {
  kubectl = findKubectl();
  for (const overlay of OVERLAYS) rendered[overlay] = renderKustomization(kubectl, join(K8S, 'overlays', overlay));
}, 60_000);

const ofKind = <T = K8sObject>(objects: K8sObject[], kind: string): T[] =>
  objects.filter((o) => o.kind === kind) as unknown as T[];
const named = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the rendering`);
  return found;
};
const spec = <T>(object: K8sObject): T => object.spec as T;
/** A Kubernetes CPU quantity ("250m", "1", "0.5") in millicores. */
const millicores = (quantity: string) =>
  quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Math.round(Number(quantity) * 1000);
function podSpecOf(object: K8sObject): IPodSpec {
  const template = (object.spec as { template?: { spec?: IPodSpec } }).template;
  if (!template?.spec) throw new Error(`${object.kind} ${object.metadata.name} has no pod template`);
  return template.spec;
}
const workloads = (objects: K8sObject[]) =>
  objects.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind));
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

/** Every Secret a pod can read: env secretKeyRefs, envFrom secretRefs, secret and projected volumes. */
function secretsOf(pod: IPodSpec): Set<string> {
  const names = new Set<string>();
  for (const container of [...pod.containers, ...(pod.initContainers ?? [])] as IContainer[]) {
    for (const variable of container.env ?? [])
      if (variable.valueFrom?.secretKeyRef?.name) names.add(variable.valueFrom.secretKeyRef.name);
    for (const source of container.envFrom ?? []) if (source.secretRef?.name) names.add(source.secretRef.name);
  }
  for (const volume of pod.volumes ?? []) {
    if (volume.secret?.secretName) names.add(volume.secret.secretName);
    for (const source of volume.projected?.sources ?? []) if (source.secret?.name) names.add(source.secret.name);
  }
  return names;
}

/** An ingress rule admitting the monitoring namespace's pods and no one else. */
function isMonitoringOnly(rule: { from?: INetworkPolicyPeer[] }): boolean {
  return (
    !!rule.from?.length &&
    rule.from.every(
      (peer) =>
        peer.namespaceSelector?.matchLabels?.['rj-platform/monitoring'] === 'true' &&
        !peer.podSelector &&
        !peer.ipBlock,
    )
  );
}

function kustomizationFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return kustomizationFiles(path);
    return entry === 'kustomization.yaml' ? [path] : [];
  });
}

describe('k8s/ kustomizations', () => {
  it('use only the fields kubectl 1.20 renders and current kustomize reads, and load only files through resources', () => {
    const files = kustomizationFiles(K8S);
    expect(files.map((f) => f.slice(K8S.length + 1)).sort()).toEqual([
      'base/kustomization.yaml',
      'overlays/dev/kustomization.yaml',
      'overlays/prod/kustomization.yaml',
    ]);
    for (const file of files) {
      const kustomization = loadYamlFile<Record<string, unknown>>(readFileSync(file, 'utf8'));
      expect({ file, unsupported: Object.keys(kustomization).filter((field) => !KUSTOMIZE_FIELDS.has(field)) }).toEqual(
        { file, unsupported: [] },
      );
      const directory = join(file, '..');
      for (const entry of (kustomization.resources as string[] | undefined) ?? []) {
        // kustomize v2.0.3 rejects a directory under `resources` ("must be a file").
        expect({ entry, isFile: statSync(join(directory, entry)).isFile() }).toEqual({ entry, isFile: true });
      }
      for (const entry of [
        ...((kustomization.bases as string[] | undefined) ?? []),
        ...((kustomization.patchesStrategicMerge as string[] | undefined) ?? []),
      ]) {
        expect(() => statSync(join(directory, entry))).not.toThrow();
      }
    }
  });
});

describe.each(OVERLAYS)('k8s overlay %s', (overlay) => {
  const objects = () => rendered[overlay];

  it('renders into one namespace, with every core object valid against the Kubernetes schemas', () => {
    const namespaces = ofKind(objects(), 'Namespace').map((n) => n.metadata.name);
    expect(namespaces).toHaveLength(1);
    const problems: string[] = [];
    for (const object of objects()) {
      const id = `${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
      if (object.kind !== 'Namespace' && object.metadata.namespace !== namespaces[0])
        problems.push(`${id}: namespace ${object.metadata.namespace}`);
      if (OPERATOR_GROUPS.some((group) => object.apiVersion.startsWith(group))) continue;
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      if (!Model) {
        problems.push(`${id}: no schema validator registered (add it to MODELS)`);
        continue;
      }
      try {
        new Model(object).validate();
      } catch (error) {
        problems.push(`${id}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a Deployment, Service, ConfigMap, migration Job and NetworkPolicy for every service, all on the one image', () => {
    const images = new Set<string>();
    for (const service of SERVICES) {
      const deployment = named(objects(), 'Deployment', service.name);
      const job = named(objects(), 'Job', `${service.name}-migrate`);
      named(objects(), 'NetworkPolicy', service.name);
      const config = named(objects(), 'ConfigMap', `${service.name}-config`);
      expect(config.data).toMatchObject({ PORT: String(service.port), DATABASE_NAME: service.database });
      const svc = spec<{ ports: { port: number }[]; selector: Record<string, string> }>(
        named(objects(), 'Service', service.name),
      );
      expect(svc.ports.map((p) => p.port)).toContain(service.port);
      expect(
        selects(
          svc.selector,
          (deployment.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels,
        ),
      ).toBe(true);
      const [app] = podSpecOf(deployment).containers;
      const [migrate] = podSpecOf(job).containers;
      expect(app.command?.join(' ')).toBe(
        `node -r ./tools/runtime/dist-paths.js dist/apps/${service.name}/src/main.js`,
      );
      expect(migrate.command?.join(' ')).toBe(
        `node -r ./tools/runtime/dist-paths.js dist/apps/${service.name}/src/migrate.js`,
      );
      images.add(app.image as string).add(migrate.image as string);
    }
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/\/rj-platform:[\w.-]+$/);
  });

  it('weighs the referral\u2019s path to its offer (intake, matching) four times the other services on a contended node', () => {
    const cpuRequest = (name: string) => {
      const [app] = podSpecOf(named(objects(), 'Deployment', name)).containers;
      return millicores(String(app.resources?.requests?.cpu));
    };
    const critical = ['referral-intake', 'partner-matching'];
    for (const path of critical)
      for (const other of SERVICE_NAMES.filter((name) => !critical.includes(name)))
        expect({ path, other, ratio: cpuRequest(path) / cpuRequest(other) }).toEqual({ path, other, ratio: 4 });
  });

  it('gives every Deployment probes, resources, a non-root read-only security context and a grace period longer than the drain', () => {
    for (const deployment of ofKind(objects(), 'Deployment')) {
      const pod = podSpecOf(deployment);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(SHUTDOWN_GRACE_SECONDS);
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const container of pod.containers) {
        const id = `${deployment.metadata.name}/${container.name}`;
        expect({
          id,
          live: container.livenessProbe?.httpGet?.path,
          ready: container.readinessProbe?.httpGet?.path,
        }).toEqual({ id, live: '/health/live', ready: '/health/ready' });
        expect({ id, resources: container.resources }).toMatchObject({
          id,
          resources: {
            requests: { cpu: expect.anything(), memory: expect.anything() },
            limits: { cpu: expect.anything(), memory: expect.anything() },
          },
        });
        expect({ id, securityContext: container.securityContext }).toMatchObject({
          id,
          securityContext: {
            runAsNonRoot: true,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
          },
        });
        const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
        expect(pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
      }
    }
    const shutdownGraceMs = Number(named(objects(), 'ConfigMap', 'rj-platform-config').data?.SHUTDOWN_GRACE_MS);
    expect(shutdownGraceMs).toBe(SHUTDOWN_GRACE_SECONDS * 1000);
  });

  it('runs Jobs and the Redis StatefulSet non-root and read-only too, with resources', () => {
    for (const workload of [...ofKind(objects(), 'Job'), ...ofKind(objects(), 'StatefulSet')]) {
      const pod = podSpecOf(workload);
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        });
        expect(container.resources?.limits?.memory).toBeDefined();
        expect(container.resources?.requests?.cpu).toBeDefined();
      }
    }
  });

  it('has a KafkaTopic and a .dlq twin for every contract topic, kept forever, on the Strimzi Kafka cluster', () => {
    const kafka = ofKind(objects(), 'Kafka');
    expect(kafka).toHaveLength(1);
    const topics = ofKind(objects(), 'KafkaTopic');
    const byTopicName = new Map(topics.map((t) => [spec<{ topicName: string }>(t).topicName, t]));
    expect(ALL_TOPICS.length).toBeGreaterThan(0);
    for (const topic of ALL_TOPICS) {
      for (const name of [topic, dlqTopicOf(topic)]) {
        const resource = byTopicName.get(name);
        expect({ name, found: !!resource }).toEqual({ name, found: true });
        expect(resource!.metadata.name).toBe(name.replace(/\./g, '-'));
        expect(resource!.metadata.labels?.['strimzi.io/cluster']).toBe(kafka[0].metadata.name);
        const topicSpec = spec<{ partitions: number; replicas: number; config: Record<string, unknown> }>(resource!);
        expect(String(topicSpec.config['retention.ms'])).toBe('-1');
        expect(topicSpec.partitions).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('runs Kafka in KRaft mode with controller and broker node pools, at the version pinned in tools/infra/kafka/pom.xml', () => {
    const [kafka] = ofKind(objects(), 'Kafka');
    expect(kafka.apiVersion).toMatch(/^kafka\.strimzi\.io\//);
    expect(kafka.metadata.annotations).toMatchObject({
      'strimzi.io/kraft': 'enabled',
      'strimzi.io/node-pools': 'enabled',
    });
    expect(kafka.spec).toMatchObject({
      kafka: { version: kafkaVersion, config: { 'auto.create.topics.enable': false } },
    });
    const pools = ofKind(objects(), 'KafkaNodePool');
    const roles = pools.flatMap((pool) => spec<{ roles: string[] }>(pool).roles);
    expect(new Set(roles)).toEqual(new Set(['controller', 'broker']));
    for (const pool of pools) expect(pool.metadata.labels?.['strimzi.io/cluster']).toBe(kafka.metadata.name);
  });

  it('runs Postgres through one CloudNativePG Cluster that creates every service database', () => {
    const clusters = ofKind(objects(), 'Cluster').filter((c) => c.apiVersion.startsWith('postgresql.cnpg.io/'));
    expect(clusters).toHaveLength(1);
    const cluster = spec<{
      instances: number;
      bootstrap: { initdb: { database: string; postInitSQL: string[] } };
      managed: { roles: { name: string }[] };
    }>(clusters[0]);
    const created = [
      cluster.bootstrap.initdb.database,
      ...cluster.bootstrap.initdb.postInitSQL.map((sql) => /^CREATE DATABASE (\w+)/i.exec(sql)?.[1]).filter(Boolean),
    ];
    expect(new Set(created)).toEqual(new Set(SERVICES.map((s) => s.database)));
    // Each service's owner role, and audit-ledger's runtime and signer roles (issue 14, item 7).
    expect(new Set(cluster.managed.roles.map((r) => r.name))).toEqual(
      new Set([...SERVICES.map((s) => s.database), ...AUDIT_LOGIN_ROLES]),
    );
    expect(cluster.instances).toBe(overlay === 'prod' ? 3 : 1);
    for (const service of SERVICES)
      expect(named(objects(), 'ConfigMap', `${service.name}-config`).data?.DATABASE_HOST).toBe(
        `${clusters[0].metadata.name}-rw`,
      );
  });

  it('runs Redis as a StatefulSet with AOF persistence on a volume and noeviction', () => {
    const [redis] = ofKind(objects(), 'StatefulSet');
    const [container] = podSpecOf(redis).containers;
    const args = (container.args ?? []).join(' ');
    expect(args).toMatch(/--appendonly yes/);
    expect(args).toMatch(/--maxmemory-policy noeviction/);
    const claims = spec<{ volumeClaimTemplates: { metadata: { name: string } }[] }>(redis).volumeClaimTemplates;
    expect(container.volumeMounts?.map((m) => m.name)).toContain(claims[0].metadata.name);
  });

  it('holds no secret values: no Secret objects, and every secret-like variable comes from a secretKeyRef', () => {
    for (const secret of ofKind(objects(), 'Secret')) {
      expect({ secret: secret.metadata.name, data: secret.data, stringData: secret.stringData }).toEqual({
        secret: secret.metadata.name,
        data: undefined,
        stringData: undefined,
      });
    }
    const offenders: string[] = [];
    for (const workload of workloads(objects())) {
      const pod = podSpecOf(workload);
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])] as IContainer[]) {
        for (const variable of container.env ?? []) {
          if (SECRET_LIKE.test(variable.name) && !variable.valueFrom?.secretKeyRef)
            offenders.push(`${workload.metadata.name}/${container.name} ${variable.name}`);
          if (variable.value && CREDENTIALS_IN_URL.test(variable.value))
            offenders.push(`${workload.metadata.name}/${container.name} ${variable.name} has credentials in a URL`);
        }
      }
    }
    for (const config of ofKind(objects(), 'ConfigMap')) {
      for (const [key, value] of Object.entries(config.data ?? {}))
        if (secretLike(key, String(value))) offenders.push(`ConfigMap ${config.metadata.name} ${key}`);
    }
    expect(offenders).toEqual([]);
  });

  it("admits referral-intake's key-store port only from the platform's service pods", () => {
    type Rule = { from?: INetworkPolicyPeer[]; ports?: { port?: number | string }[] };
    const policy = spec<{
      podSelector: { matchLabels: Record<string, string> };
      policyTypes: string[];
      ingress: Rule[];
    }>(named(objects(), 'NetworkPolicy', 'referral-intake'));
    const intake = named(objects(), 'Deployment', 'referral-intake');
    const intakeLabels = (intake.spec as { template: { metadata: { labels: Record<string, string> } } }).template
      .metadata.labels;
    expect(selects(policy.podSelector.matchLabels, intakeLabels)).toBe(true);
    expect(policy.policyTypes).toEqual(expect.arrayContaining(['Ingress', 'Egress']));
    // A rule without ports or without peers would open every port, 4001 included.
    for (const rule of policy.ingress) {
      expect(rule.ports?.length).toBeGreaterThan(0);
      expect(rule.from?.length).toBeGreaterThan(0);
    }
    const keyStoreRules = policy.ingress.filter((rule) =>
      rule.ports!.some((p) => p.port === KEY_STORE_PORT || p.port === 'internal'),
    );
    // The internal port also serves /metrics: one rule admits the monitoring namespace (and
    // nothing else) to it; the other, the platform's service pods (the key store's callers).
    const [scrapeRules, serviceRules] = [
      keyStoreRules.filter(isMonitoringOnly),
      keyStoreRules.filter((rule) => !isMonitoringOnly(rule)),
    ];
    expect(scrapeRules).toHaveLength(1);
    expect(serviceRules).toHaveLength(1);
    const peers = serviceRules[0].from!;
    for (const peer of peers) {
      expect(peer.namespaceSelector).toBeUndefined();
      expect(peer.ipBlock).toBeUndefined();
      expect(peer.podSelector?.matchLabels).toMatchObject({
        'app.kubernetes.io/part-of': 'rj-platform',
        'app.kubernetes.io/component': 'service',
      });
    }
    // ...which are exactly the Deployments of the services that decrypt (hardening 2), not the
    // migrations, not Redis, not partner-matching or audit-ledger.
    const admitted = workloads(objects()).filter((w) =>
      peers.some((peer) =>
        selects(
          peer.podSelector?.matchLabels,
          (w.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels,
        ),
      ),
    );
    expect(admitted.map((w) => w.kind).every((kind) => kind === 'Deployment')).toBe(true);
    expect(admitted.map((w) => w.metadata.name).sort()).toEqual(DECRYPTING.slice().sort());
    // Those may call it; the others have neither the egress, nor the address, nor a credential.
    for (const service of SERVICES.filter((s) => s.name !== 'referral-intake')) {
      const egress = spec<{ egress: { to?: INetworkPolicyPeer[]; ports?: { port?: number }[] }[] }>(
        named(objects(), 'NetworkPolicy', service.name),
      ).egress;
      const reachesKeyStore = egress.some(
        (rule) =>
          rule.ports?.some((p) => p.port === KEY_STORE_PORT) &&
          rule.to?.some((peer) => selects(peer.podSelector?.matchLabels, intakeLabels)),
      );
      expect({ service: service.name, reachesKeyStore }).toEqual({
        service: service.name,
        reachesKeyStore: DECRYPTING.includes(service.name),
      });
    }
  });

  it('hardening 2: only the services that decrypt get the key store address; a service credential only they and audit-ledger (for its signer)', () => {
    for (const service of SERVICES.filter((s) => s.name !== 'referral-intake')) {
      const config = named(objects(), 'ConfigMap', `${service.name}-config`).data ?? {};
      const deployment = named(objects(), 'Deployment', service.name);
      const env = podSpecOf(deployment).containers.flatMap((c: IContainer) => (c.env ?? []).map((v) => v.name));
      const decrypts = DECRYPTING.includes(service.name);
      const credential = decrypts || CALLS_SIGNER.includes(service.name);
      expect({
        service: service.name,
        keyStore: 'PII_KEY_STORE_URL' in config,
        credential: env.includes('AUTH_CLIENT_SECRET'),
        clientId: config['AUTH_CLIENT_ID'],
      }).toEqual({
        service: service.name,
        keyStore: decrypts,
        credential,
        clientId: credential ? service.name : undefined,
      });
      expect(env).not.toContain('SERVICE_TOKEN');
    }
    expect(named(objects(), 'ConfigMap', 'referral-intake-config').data?.['INTERNAL_HOST']).toBe('0.0.0.0');
  });

  it('item 7: the checkpoint key Secret is mounted by the signer Deployment alone, never by an API pod', () => {
    const holders = workloads(objects())
      .filter((workload) => secretsOf(podSpecOf(workload)).has(CHECKPOINT_KEY_SECRET))
      .map((w) => `${w.kind}/${w.metadata.name}`);
    expect(holders).toEqual(['Deployment/audit-ledger-signer']);
    const [signer] = podSpecOf(named(objects(), 'Deployment', 'audit-ledger-signer')).containers;
    expect(signer.command?.join(' ')).toBe(
      'node -r ./tools/runtime/dist-paths.js dist/apps/audit-ledger/src/signer-main.js',
    );
    // No route of the Ingress leads to the signer; only audit-ledger's pods reach it.
    expect(JSON.stringify(ofKind(objects(), 'Ingress'))).not.toContain('audit-ledger-signer');
    type Rule = { from?: INetworkPolicyPeer[]; ports?: { port?: number | string }[] };
    const policy = spec<{ podSelector: { matchLabels: Record<string, string> }; ingress: Rule[] }>(
      named(objects(), 'NetworkPolicy', 'audit-ledger-signer'),
    );
    const signerLabels = (
      named(objects(), 'Deployment', 'audit-ledger-signer').spec as {
        template: { metadata: { labels: Record<string, string> } };
      }
    ).template.metadata.labels;
    const apiLabels = (
      named(objects(), 'Deployment', 'audit-ledger').spec as {
        template: { metadata: { labels: Record<string, string> } };
      }
    ).template.metadata.labels;
    expect(selects(policy.podSelector.matchLabels, signerLabels)).toBe(true);
    const onSigningPort = policy.ingress.filter((rule) => rule.ports?.some((p) => p.port === SIGNER_TOPOLOGY.port));
    expect(
      onSigningPort
        .flatMap((rule) => rule.from ?? [])
        .every((peer) => !peer.namespaceSelector && selects(peer.podSelector?.matchLabels, apiLabels)),
    ).toBe(true);
    // The API asks the signer by its Service, and checks signatures with the public key only.
    const api = Object.fromEntries(
      (podSpecOf(named(objects(), 'Deployment', 'audit-ledger')).containers[0].env ?? []).map((v) => [v.name, v]),
    );
    expect(api['AUDIT_SIGNER_URL']?.value).toBe(`http://${SIGNER_TOPOLOGY.name}:${SIGNER_TOPOLOGY.port}`);
    expect(api['AUDIT_CHECKPOINT_PUBLIC_KEY']?.valueFrom?.secretKeyRef?.name).not.toBe(CHECKPOINT_KEY_SECRET);
    expect(api['AUDIT_CHECKPOINT_PRIVATE_KEY']).toBeUndefined();
  });

  it('item 7: audit-ledger migrates as the owner role and runs as its runtime role; the signer has a role of its own', () => {
    const roleSecrets = (workload: K8sObject) =>
      [...secretsOf(podSpecOf(workload))].filter((name) => name.startsWith('rj-db-'));
    expect(roleSecrets(named(objects(), 'Job', 'audit-ledger-migrate'))).toEqual(['rj-db-audit-ledger']);
    expect(roleSecrets(named(objects(), 'Deployment', 'audit-ledger'))).toEqual(['rj-db-audit-ledger-app']);
    expect(roleSecrets(named(objects(), 'Deployment', 'audit-ledger-signer'))).toEqual(['rj-db-audit-ledger-signer']);
    const cluster = spec<{ managed: { roles: { name: string; passwordSecret: { name: string } }[] } }>(
      ofKind(objects(), 'Cluster')[0],
    );
    const secretOf = Object.fromEntries(cluster.managed.roles.map((role) => [role.name, role.passwordSecret.name]));
    expect(secretOf).toMatchObject({
      rj_audit_ledger: 'rj-db-audit-ledger',
      rj_audit_ledger_app: 'rj-db-audit-ledger-app',
      rj_audit_ledger_signer: 'rj-db-audit-ledger-signer',
    });
  });

  it('serves /metrics on every service\u2019s internal port only, scraped from the monitoring namespace (issue 14 item 18)', () => {
    type Rule = { from?: INetworkPolicyPeer[]; ports?: { port?: number | string }[] };
    const platform = named(objects(), 'ConfigMap', 'rj-platform-config').data ?? {};
    // The internal listener binds the pod's address; the NetworkPolicy decides who reaches it.
    expect(platform.INTERNAL_HOST).toBe('0.0.0.0');
    for (const service of SERVICES) {
      const internalPort = service.port + 1000;
      const config = named(objects(), 'ConfigMap', `${service.name}-config`).data ?? {};
      expect({ service: service.name, INTERNAL_PORT: config.INTERNAL_PORT }).toEqual({
        service: service.name,
        INTERNAL_PORT: String(internalPort),
      });
      const deployment = named(objects(), 'Deployment', service.name);
      const template = (deployment.spec as { template: { metadata: { annotations?: Record<string, string> } } })
        .template;
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(internalPort),
        'prometheus.io/path': '/metrics',
      });
      const [app] = podSpecOf(deployment).containers;
      expect(app.ports).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'internal', containerPort: internalPort }),
          expect.objectContaining({ name: 'http', containerPort: service.port }),
        ]),
      );
      // Probes check the public listener, which serves the API.
      expect(app.readinessProbe?.httpGet?.port).toBe('http');
      const ingress = spec<{ ingress: Rule[] }>(named(objects(), 'NetworkPolicy', service.name)).ingress;
      const onPort = (port: number) => ingress.filter((rule) => rule.ports?.some((p) => p.port === port));
      expect(onPort(internalPort).filter(isMonitoringOnly)).toHaveLength(1);
      // The monitoring namespace no longer reaches the public port, and the ingress never the internal one.
      expect(
        onPort(service.port).some((rule) =>
          rule.from?.some((peer) => peer.namespaceSelector?.matchLabels?.['rj-platform/monitoring'] === 'true'),
        ),
      ).toBe(false);
      expect(
        onPort(internalPort).some((rule) =>
          rule.from?.some((peer) => peer.namespaceSelector?.matchLabels?.['rj-platform/ingress'] === 'true'),
        ),
      ).toBe(false);
    }
  });

  it('runs the DLQ tool as a Job from the same image, over the TLS listener as its own KafkaUser, reaching the brokers only (issue 17)', () => {
    const job = named(objects(), 'Job', 'rj-dlq');
    const pod = podSpecOf(job);
    const [dlq] = pod.containers;
    const [service] = podSpecOf(named(objects(), 'Deployment', 'partner-matching')).containers;
    expect(dlq.image).toBe(service.image);
    expect(dlq.command?.join(' ')).toBe('node -r ./tools/runtime/dist-paths.js dist/tools/dlq/dlq.js');
    // As applied it only lists (read-only); show and redrive are the same Job with other arguments.
    expect(dlq.args).toEqual(['list']);
    expect(spec<{ backoffLimit: number }>(job).backoffLimit).toBe(0);
    const env = Object.fromEntries((dlq.env ?? []).map((v) => [v.name, v]));
    expect(env['KAFKA_BROKERS']?.valueFrom?.configMapKeyRef).toEqual({
      name: 'rj-platform-config',
      key: 'KAFKA_BROKERS',
    });
    expect(env['KAFKA_SSL_CA_FILE']?.valueFrom?.configMapKeyRef).toEqual({
      name: 'rj-platform-config',
      key: 'KAFKA_SSL_CA_FILE',
    });
    expect(env['KAFKA_SASL_USERNAME']?.value).toBe('rj-kafka-dlq');
    expect(env['KAFKA_SASL_PASSWORD']?.valueFrom?.secretKeyRef).toEqual({ name: 'rj-kafka-dlq', key: 'password' });
    const caFile = String(named(objects(), 'ConfigMap', 'rj-platform-config').data?.KAFKA_SSL_CA_FILE ?? '');
    const mount = dlq.volumeMounts?.find((m) => caFile.startsWith(`${m.mountPath}/`));
    expect(mount?.readOnly).toBe(true);
    expect(pod.volumes?.find((v) => v.name === mount?.name)?.secret?.secretName).toBe('rj-kafka-cluster-ca-cert');
    // Its pods may reach the brokers (the listener admits them) and nothing else but DNS; nothing reaches them.
    const podLabels = (job.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
      .labels;
    const [kafka] = ofKind(objects(), 'Kafka');
    const peers = spec<{ kafka: { listeners: { networkPolicyPeers?: INetworkPolicyPeer[] }[] } }>(
      kafka,
    ).kafka.listeners.flatMap((l) => l.networkPolicyPeers ?? []);
    expect(peers.some((peer) => selects(peer.podSelector?.matchLabels, podLabels))).toBe(true);
    const policy = spec<{
      podSelector: { matchLabels: Record<string, string> };
      ingress: unknown[];
      egress: { to: INetworkPolicyPeer[]; ports: { port: number }[] }[];
    }>(named(objects(), 'NetworkPolicy', 'rj-dlq'));
    expect(selects(policy.podSelector.matchLabels, podLabels)).toBe(true);
    expect(policy.ingress).toEqual([]);
    expect(policy.egress.flatMap((rule) => rule.ports.map((p) => p.port)).sort()).toEqual([53, 53, 9093]);
    // The image carries the tool: tsc builds tools/dlq beside the apps, and the Dockerfile copies it in.
    expect(JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')).include).toContain('tools/dlq/**/*.ts');
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^COPY tools\/dlq \.\/tools\/dlq$/m);
  });

  if (overlay === 'prod') {
    it('prod: replication factor 3, min ISR 2 and 6 partitions for every topic; 3 controllers and 3 brokers', () => {
      for (const topic of ofKind(objects(), 'KafkaTopic')) {
        const topicSpec = spec<{ partitions: number; replicas: number; config: Record<string, unknown> }>(topic);
        expect({
          topic: topic.metadata.name,
          replicas: topicSpec.replicas,
          minIsr: topicSpec.config['min.insync.replicas'],
          partitions: topicSpec.partitions,
        }).toEqual({
          topic: topic.metadata.name,
          replicas: 3,
          minIsr: '2',
          partitions: 6,
        });
      }
      for (const pool of ofKind(objects(), 'KafkaNodePool')) expect(spec<{ replicas: number }>(pool).replicas).toBe(3);
      const [kafka] = ofKind(objects(), 'Kafka');
      expect(kafka.spec).toMatchObject({
        kafka: {
          config: { 'min.insync.replicas': 2, 'default.replication.factor': 3, 'offsets.topic.replication.factor': 3 },
        },
      });
    });

    it('prod: every Deployment has replicas >= 2, pod anti-affinity, an autoscaling/v2 HPA and a policy/v1 PDB', () => {
      const hpas = ofKind(objects(), 'HorizontalPodAutoscaler');
      const pdbs = ofKind(objects(), 'PodDisruptionBudget');
      for (const deployment of ofKind(objects(), 'Deployment')) {
        const name = deployment.metadata.name;
        const deploymentSpec = deployment.spec as {
          replicas: number;
          template: { metadata: { labels: Record<string, string> } };
        };
        expect({ name, replicas: deploymentSpec.replicas >= 2 }).toEqual({ name, replicas: true });
        expect(podSpecOf(deployment).affinity?.podAntiAffinity).toBeDefined();
        const hpa = hpas.filter(
          (h) => spec<{ scaleTargetRef: { kind: string; name: string } }>(h).scaleTargetRef.name === name,
        );
        expect({ name, hpa: hpa.map((h) => h.apiVersion) }).toEqual({ name, hpa: ['autoscaling/v2'] });
        expect(spec<{ minReplicas: number }>(hpa[0]).minReplicas).toBeGreaterThanOrEqual(2);
        const pdb = pdbs.filter((p) =>
          selects(
            spec<{ selector: { matchLabels: Record<string, string> } }>(p).selector.matchLabels,
            deploymentSpec.template.metadata.labels,
          ),
        );
        expect({ name, pdb: pdb.map((p) => p.apiVersion) }).toEqual({ name, pdb: ['policy/v1'] });
      }
    });
  } else {
    it('dev: one replica of every service, one Kafka node per pool, topics that fit one broker', () => {
      for (const deployment of ofKind(objects(), 'Deployment'))
        expect(spec<{ replicas: number }>(deployment).replicas).toBe(1);
      for (const pool of ofKind(objects(), 'KafkaNodePool')) expect(spec<{ replicas: number }>(pool).replicas).toBe(1);
      for (const topic of ofKind(objects(), 'KafkaTopic')) {
        const topicSpec = spec<{ replicas: number; config: Record<string, unknown> }>(topic);
        expect(Number(topicSpec.config['min.insync.replicas'])).toBeLessThanOrEqual(topicSpec.replicas);
      }
      expect(ofKind(objects(), 'HorizontalPodAutoscaler')).toEqual([]);
    });
  }
});

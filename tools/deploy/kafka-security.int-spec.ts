/**
 * Issue 14 item 6, the k8s half: Kafka accepts only TLS + SCRAM clients, ACLs apply, and each
 * service connects as its own KafkaUser that may write only its own topic (plus the shared
 * access-record topic for the services that record reads, and the dead-letter twins of what it
 * consumes). Asserted on the rendered manifests of both overlays.
 */
import { join, resolve } from 'node:path';
import { ALL_TOPICS, dlqTopicOf, Topics } from '@rj/shared/contracts';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { findKubectl, renderKustomization, type K8sObject } from './kubectl';

const K8S = join(resolve(__dirname, '../..'), 'k8s');
const OVERLAYS = ['dev', 'prod'] as const;

/** The topics each service produces to: its own, and rj.access.v1 for those that record reads. */
const WRITES: Record<string, string[]> = {
  'referral-intake': [Topics.referral, Topics.access],
  'partner-matching': [Topics.matching],
  'mediation-scheduling': [Topics.scheduling, Topics.access],
  'outcome-tracking': [Topics.outcome],
  'audit-ledger': [Topics.access],
};

interface Acl {
  resource: { type: string; name: string; patternType?: string };
  operations: string[];
}
interface Listener {
  name: string;
  port: number;
  tls: boolean;
  authentication?: { type: string };
}

const rendered = {} as Record<(typeof OVERLAYS)[number], K8sObject[]>;
beforeAll(() => {
  const kubectl = findKubectl();
  for (const overlay of OVERLAYS) rendered[overlay] = renderKustomization(kubectl, join(K8S, 'overlays', overlay));
}, 60_000);

describe.each(OVERLAYS)('item 6: Kafka authentication and ACLs in overlay %s', (overlay) => {
  const objects = () => rendered[overlay];
  const one = (kind: string, name: string) => {
    const found = objects().find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  };

  it('the brokers listen only with TLS and SCRAM-SHA-512, and simple authorization denies whoever has no ACL', () => {
    const kafka = one('Kafka', 'rj-kafka').spec as {
      kafka: { listeners: Listener[]; authorization?: { type: string }; config: Record<string, unknown> };
    };
    expect(kafka.kafka.listeners.length).toBeGreaterThan(0);
    for (const listener of kafka.kafka.listeners)
      expect({ name: listener.name, tls: listener.tls, auth: listener.authentication?.type }).toEqual({
        name: listener.name,
        tls: true,
        auth: 'scram-sha-512',
      });
    expect(kafka.kafka.authorization?.type).toBe('simple');
    expect(kafka.kafka.config['allow.everyone.if.no.acl.found']).toBe(false);
    expect(one('ConfigMap', 'rj-platform-config').data).toMatchObject({
      KAFKA_BROKERS: 'rj-kafka-kafka-bootstrap:9093',
      KAFKA_SSL_CA_FILE: '/etc/kafka-ca/ca.crt',
    });
  });

  it.each(Object.keys(WRITES))('%s is a KafkaUser of its own that may write only its own topic', (service) => {
    const user = one('KafkaUser', `rj-kafka-${service}`);
    expect(user.metadata.labels?.['strimzi.io/cluster']).toBe('rj-kafka');
    const { authentication, authorization } = user.spec as {
      authentication: { type: string };
      authorization: { type: string; acls: Acl[] };
    };
    expect(authentication.type).toBe('scram-sha-512');
    expect(authorization.type).toBe('simple');
    const acls = authorization.acls;
    // Never a wildcard or a prefix on topics: every topic is named.
    for (const acl of acls.filter((a) => a.resource.type === 'topic'))
      expect([acl.resource.name, acl.resource.patternType]).toEqual([acl.resource.name, 'literal']);
    const writable = acls
      .filter((a) => a.resource.type === 'topic' && a.operations.some((op) => ['Write', 'All'].includes(op)))
      .map((a) => a.resource.name);
    const contractWrites = writable.filter((t) => (ALL_TOPICS as readonly string[]).includes(t)).sort();
    expect(contractWrites).toEqual([...WRITES[service]].sort());
    // Dead letters: only the .dlq twins of topics it reads.
    const readable = acls
      .filter((a) => a.resource.type === 'topic' && a.operations.includes('Read'))
      .map((a) => a.resource.name);
    for (const dlq of writable.filter((t) => !(ALL_TOPICS as readonly string[]).includes(t))) {
      expect(readable.map((t) => dlqTopicOf(t))).toContain(dlq);
    }
    // Consumer groups named after the service only (its group and its replicas' broadcast groups).
    const groups = acls
      .filter((a) => a.resource.type === 'group')
      .map((a) => [a.resource.name, a.resource.patternType]);
    expect(groups).toEqual([[service, 'prefix']]);
    expect(acls.some((a) => a.resource.type === 'cluster')).toBe(false);
  });

  it('the DLQ tool is a KafkaUser of its own: it reads every .dlq topic, writes back only to contract topics, in groups rj-dlq-* (issue 17)', () => {
    const user = one('KafkaUser', 'rj-kafka-dlq');
    expect(user.metadata.labels?.['strimzi.io/cluster']).toBe('rj-kafka');
    const { authentication, authorization } = user.spec as {
      authentication: { type: string };
      authorization: { type: string; acls: Acl[] };
    };
    expect([authentication.type, authorization.type]).toEqual(['scram-sha-512', 'simple']);
    const topicAcls = authorization.acls.filter((a) => a.resource.type === 'topic');
    for (const acl of topicAcls)
      expect([acl.resource.name, acl.resource.patternType]).toEqual([acl.resource.name, 'literal']);
    const withOp = (op: string) =>
      topicAcls
        .filter((a) => a.operations.includes(op))
        .map((a) => a.resource.name)
        .sort();
    expect(withOp('Read')).toEqual(ALL_TOPICS.map((t) => dlqTopicOf(t)).sort());
    expect(withOp('Write')).toEqual([...ALL_TOPICS].sort());
    expect(topicAcls.some((a) => a.operations.includes('All'))).toBe(false);
    expect(
      authorization.acls
        .filter((a) => a.resource.type === 'group')
        .map((a) => [a.resource.name, a.resource.patternType]),
    ).toEqual([['rj-dlq-', 'prefix']]);
    expect(authorization.acls.some((a) => a.resource.type === 'cluster')).toBe(false);
  });

  it.each(Object.keys(WRITES))(
    '%s connects as its KafkaUser with the password from the user\u2019s Secret and the cluster CA mounted',
    (service) => {
      const pod = (one('Deployment', service).spec as { template: { spec: IPodSpec } }).template.spec;
      const container = pod.containers[0];
      const env = Object.fromEntries((container.env ?? []).map((v) => [v.name, v]));
      expect(env['KAFKA_SASL_USERNAME']?.value).toBe(`rj-kafka-${service}`);
      expect(env['KAFKA_SASL_PASSWORD']?.valueFrom?.secretKeyRef).toEqual({
        name: `rj-kafka-${service}`,
        key: 'password',
      });
      const mount = container.volumeMounts?.find((m) => m.mountPath === '/etc/kafka-ca');
      expect(mount?.readOnly).toBe(true);
      expect(pod.volumes?.find((v) => v.name === mount?.name)?.secret?.secretName).toBe('rj-kafka-cluster-ca-cert');
    },
  );
});

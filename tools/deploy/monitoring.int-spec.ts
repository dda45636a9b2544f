/**
 * Issue 17 in the rendered manifests: a ServiceMonitor per service on its internal port, the
 * PrometheusRule with its alerts, the Grafana dashboard, and CloudNativePG backups (object
 * store, WAL archiving, a ScheduledBackup). Every metric a rule or a dashboard query reads is
 * one the services export: the libs' metrics as registered in the service registry, the
 * apps' own as declared in their source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SERVICE_NAMES, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { join, resolve } from 'node:path';
import { Kafka } from 'kafkajs';
import { watchQueues } from '@rj/shared/jobs';
import { messagingMetrics, watchConsumerLag } from '@rj/shared/messaging';
import { notificationMetrics } from '@rj/shared/notifications';
import { serviceMetrics } from '@rj/shared/service';
import { findKubectl, renderKustomization, type K8sObject } from './kubectl';
import { metricNamesOf, seriesNamesOf } from './promql-metric-names';

const ROOT = resolve(__dirname, '../..');
const SERVICES: readonly string[] = SERVICE_NAMES;
/** Each service's internal port (/metrics): the platform's topology. */
const INTERNAL_PORT: Record<string, number> = Object.fromEntries(
  SERVICE_NAMES.map((name) => [name, SERVICE_TOPOLOGY[name].internalPort]),
);
const REQUIRED_ALERTS = [
  'RjOutboxStalled',
  'RjConsumerLagGrowing',
  'RjDeadLetter',
  'RjParkedEventStuck',
  'RjEmailFailed',
  'RjLedgerVerifyFailed',
];

/** Metric names declared with prom-client in an app's source (the apps cannot be imported from tools). */
function declaredInApps(): string[] {
  const names: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('spec')) {
        const text = readFileSync(path, 'utf8');
        if (!text.includes("from 'prom-client'")) continue;
        for (const match of text.matchAll(
          /new (Counter|Gauge|Histogram|Summary)\(\{\s*name: '([a-z_:][a-z0-9_:]*)'/g,
        )) {
          names.push(...seriesNamesOf({ name: match[2], type: match[1].toLowerCase() }));
        }
      }
    }
  };
  walk(join(ROOT, 'apps'));
  return names;
}

async function exportedSeries(): Promise<Set<string>> {
  messagingMetrics();
  notificationMetrics();
  const unwatchQueues = watchQueues(new Map());
  const unwatchLag = watchConsumerLag({
    kafka: new Kafka({ brokers: ['127.0.0.1:1'] }),
    groupId: 'names-only',
    topics: [],
  });
  const registered = serviceMetrics()
    .registry.getMetricsAsArray()
    .flatMap((metric) =>
      seriesNamesOf({ name: metric.name, type: String((metric as unknown as { type: string }).type) }),
    );
  unwatchQueues();
  await unwatchLag();
  return new Set([...registered, ...declaredInApps()]);
}

describe.each(['dev', 'prod'])('monitoring and backups in overlay %s', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization(findKubectl(), join(ROOT, 'k8s', 'overlays', overlay));
  }, 60_000);
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const named = (kind: string, name: string) => {
    const found = ofKind(kind).find((o) => o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} ${name}`);
    return found;
  };

  it('has a ServiceMonitor per service scraping /metrics on a Service that exposes only its internal port', () => {
    for (const service of SERVICES) {
      const monitor = named('ServiceMonitor', service);
      expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
      const spec = monitor.spec as {
        selector: { matchLabels: Record<string, string> };
        endpoints: { port: string; path: string }[];
      };
      expect(spec.endpoints).toEqual([expect.objectContaining({ port: 'internal', path: '/metrics' })]);
      const targets = ofKind('Service').filter((s) =>
        Object.entries(spec.selector.matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v),
      );
      expect(targets.map((s) => s.metadata.name)).toEqual([`${service}-metrics`]);
      const ports = (targets[0].spec as { ports: { name: string; port: number; targetPort: string }[] }).ports;
      expect(ports).toEqual([
        expect.objectContaining({ name: 'internal', port: INTERNAL_PORT[service], targetPort: 'internal' }),
      ]);
    }
  });

  it('has the PrometheusRule with every alert the runbooks answer, each naming a runbook that exists', () => {
    const rule = named('PrometheusRule', 'rj-platform');
    const rules = (
      rule.spec as { groups: { rules: { alert: string; expr: string; annotations: { runbook: string } }[] }[] }
    ).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(expect.arrayContaining(REQUIRED_ALERTS));
    for (const { alert, annotations } of rules) {
      expect({ alert, runbook: annotations.runbook, exists: existsSync(join(ROOT, annotations.runbook)) }).toEqual({
        alert,
        runbook: annotations.runbook,
        exists: true,
      });
    }
  });

  it('parses the dashboard JSON, and every query of it and of the rules names a metric the services export', async () => {
    const dashboardMap = named('ConfigMap', 'rj-grafana-dashboard');
    expect(dashboardMap.metadata.labels?.grafana_dashboard).toBe('1');
    const dashboard = JSON.parse(String(dashboardMap.data?.['rj-platform-operations.json'])) as {
      panels: { targets: { expr: string }[] }[];
    };
    const queries = dashboard.panels.flatMap((panel) => panel.targets.map((t) => t.expr));
    expect(queries.length).toBeGreaterThanOrEqual(10);
    const rule = named('PrometheusRule', 'rj-platform');
    queries.push(
      ...(rule.spec as { groups: { rules: { expr: string }[] }[] }).groups.flatMap((g) =>
        g.rules.map((r) => String(r.expr)),
      ),
    );

    const exported = await exportedSeries();
    const unknown = queries.flatMap((expr) =>
      metricNamesOf(expr)
        .filter((name) => !exported.has(name))
        .map((name) => `${name} in ${expr}`),
    );
    expect(unknown).toEqual([]);
    // And the dashboard shows each metric family issue 17 asks for.
    const read = new Set(queries.flatMap(metricNamesOf));
    for (const family of [
      'rj_outbox_backlog_rows',
      'rj_outbox_oldest_age_seconds',
      'rj_relay_published_total',
      'rj_relay_publish_errors_total',
      'rj_consumer_lag_messages',
      'rj_inbox_apply_duration_seconds_bucket',
      'rj_parked_events',
      'rj_parked_oldest_age_seconds',
      'rj_dlq_messages_total',
      'rj_job_queue_jobs',
      'rj_emails_sent_total',
      'rj_emails_failed_total',
      'rj_key_store_fetches_total',
      'rj_key_store_cache_hits_total',
      'rj_ledger_head_sequence',
      'rj_ledger_verify_duration_seconds_bucket',
    ]) {
      expect({ family, read: read.has(family) }).toEqual({ family, read: true });
    }
  });

  it('backs Postgres up to an object store with WAL archiving and a nightly ScheduledBackup, credentials from a Secret', () => {
    const cluster = named('Cluster', 'rj-postgres');
    const backup = (
      cluster.spec as {
        backup?: {
          retentionPolicy: string;
          barmanObjectStore: {
            destinationPath: string;
            wal?: object;
            s3Credentials: Record<string, { name: string; key: string }>;
          };
        };
      }
    ).backup;
    expect(backup?.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
    expect(backup?.barmanObjectStore.wal).toBeDefined();
    expect(backup?.retentionPolicy).toMatch(/^\d+[dwm]$/);
    for (const ref of Object.values(backup?.barmanObjectStore.s3Credentials ?? {}))
      expect(ref).toEqual({ name: 'rj-backup-s3', key: expect.any(String) });
    const scheduled = ofKind('ScheduledBackup');
    expect(scheduled.map((s) => (s.spec as { cluster: { name: string } }).cluster.name)).toEqual(['rj-postgres']);
    expect((scheduled[0].spec as { schedule: string }).schedule.split(' ')).toHaveLength(6);
  });
});

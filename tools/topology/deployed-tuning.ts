import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const ROOT = path.resolve(__dirname, '../..');

/** The settings of a service's consumer that its ConfigMap may tune for production. */
export const TUNING_KEYS = [
  'KAFKA_FETCH_MIN_BYTES',
  'KAFKA_FETCH_MAX_WAIT_MS',
  'KAFKA_FETCH_MAX_BYTES',
  'CONSUMER_MAX_EVENTS_PER_TRANSACTION',
] as const;

/** Those of TUNING_KEYS a ConfigMap sets, as the service would read them from its environment. */
export function tuningOfConfigMap(configMapYaml: string): Record<string, string> {
  const data: Record<string, unknown> =
    (load(configMapYaml) as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  return Object.fromEntries(
    TUNING_KEYS.filter((key) => data[key] !== undefined).map((key) => [key, String(data[key])]),
  );
}

/**
 * What k8s/base/services/<service>/configmap.yaml tunes: the one place these settings are said.
 * docker-compose.yml is generated with them (compose.ts), and the pipeline bench starts each
 * service with them, as it takes the heap's flags from the deployment (a `--service-env` of the
 * same name replaces them there).
 */
export function deployedTuning(service: string): Record<string, string> {
  const file = path.join(ROOT, 'k8s/base/services', service, 'configmap.yaml');
  return fs.existsSync(file) ? tuningOfConfigMap(fs.readFileSync(file, 'utf8')) : {};
}

import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

const ROOT = path.resolve(__dirname, '../../..');

/** The settings of a service's consumer that its ConfigMap may tune for production. */
export const TUNING_KEYS = [
  'KAFKA_FETCH_MIN_BYTES',
  'KAFKA_FETCH_MAX_WAIT_MS',
  'KAFKA_FETCH_MAX_BYTES',
  'CONSUMER_MAX_EVENTS_PER_TRANSACTION',
] as const;

/** Those of TUNING_KEYS a ConfigMap sets, as the service would read them from its environment. */
export function tuningOfConfigMap(configMapYaml: string): Record<string, string> {
  const data = ((load(configMapYaml) as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(
    TUNING_KEYS.filter((key) => data[key] !== undefined).map((key) => [key, String(data[key])]),
  );
}

/**
 * What k8s/base/services/<service>/configmap.yaml tunes, so the bench measures the consumers as
 * they are deployed (mediation-scheduling's fetches wait for 64 KB there), as it takes the heap's
 * flags from the deployment. A `--service-env` of the same name replaces it.
 */
export function deployedTuning(service: string): Record<string, string> {
  const file = path.join(ROOT, 'k8s/base/services', service, 'configmap.yaml');
  return fs.existsSync(file) ? tuningOfConfigMap(fs.readFileSync(file, 'utf8')) : {};
}

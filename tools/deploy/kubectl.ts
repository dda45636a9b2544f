/**
 * kubectl for the deployment tests: $KUBECTL, else the one on PATH. Its built-in kustomize
 * renders the overlays. Tests never install it: a missing kubectl is a prerequisite that
 * `npm test` reports in its first second (tools/run/prerequisites.js).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { load, loadAll } from 'js-yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
  [field: string]: unknown;
}

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/** Path of the kubectl to use; throws the prerequisite's install line when there is none. */
export function findKubectl(): string {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  const existing = which('kubectl');
  if (existing) return existing;
  throw new Error(
    'kubectl is not installed (not found on PATH). Install: apt-get install kubernetes-client (or set KUBECTL)',
  );
}

/** Renders a kustomization directory with `kubectl kustomize` and parses every document. */
export function renderKustomization(kubectl: string, directory: string): K8sObject[] {
  // stderr carries modern kustomize's deprecation warnings (bases, patchesStrategicMerge);
  // only stdout is the rendering.
  const yaml = execFileSync(kubectl, ['kustomize', directory], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 32 * 1024 * 1024,
  });
  return loadAll(yaml).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
}

export function loadYamlFile<T>(text: string): T {
  return load(text) as T;
}

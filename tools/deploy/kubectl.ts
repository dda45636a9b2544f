/**
 * kubectl for the deployment tests: the one on PATH (or $KUBECTL), else Debian's
 * kubernetes-client installed with apt-get. Its built-in kustomize renders the overlays.
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

/** Path of a kubectl; installs Debian's kubernetes-client (kubectl 1.20) only when none exists. */
export function ensureKubectl(): string {
  if (process.env.KUBECTL) return process.env.KUBECTL;
  const existing = which('kubectl');
  if (existing) return existing;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    const result = spawnSync(command, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      throw new Error(`kubectl is missing and \`${args.join(' ')}\` failed (${result.stderr || result.error?.message}); install it with: apt-get install -y kubernetes-client`);
    }
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', 'kubernetes-client']);
  const installed = which('kubectl');
  if (!installed) throw new Error('apt-get installed kubernetes-client but kubectl is still not on PATH');
  return installed;
}

/** Renders a kustomization directory with `kubectl kustomize` and parses every document. */
export function renderKustomization(kubectl: string, directory: string): K8sObject[] {
  // stderr carries modern kustomize's deprecation warnings (bases, patchesStrategicMerge);
  // only stdout is the rendering.
  const yaml = execFileSync(kubectl, ['kustomize', directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 * 1024 * 1024 });
  return loadAll(yaml).filter((doc): doc is K8sObject => doc !== null && typeof doc === 'object');
}

export function loadYamlFile<T>(text: string): T {
  return load(text) as T;
}

import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../..');
const DOCKERFILE = path.join(ROOT, 'Dockerfile');

/**
 * The runtime flags in the Dockerfile's `NODE_OPTIONS="..."`, which every service of the
 * image (docker-compose and k8s alike) starts with unless its deployment names its own. Read
 * from the Dockerfile itself rather than copied, so a process a bench starts from the build
 * cannot drift from production's.
 */
export function nodeOptionsOfDockerfile(dockerfile: string): string {
  const declared = /\bNODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  if (!declared) throw new Error('the Dockerfile declares no NODE_OPTIONS="..." for the runtime image');
  return declared[1];
}

/** The NODE_OPTIONS a Kubernetes deployment sets on its container, which replace the image's. */
export function nodeOptionsOfDeployment(deploymentYaml: string): string | undefined {
  return /-\s+name:\s+NODE_OPTIONS\s*\n\s+value:\s+"([^"]*)"/.exec(deploymentYaml)?.[1];
}

/**
 * The service whose entry point a file is (`apps/<service>/src/main.ts`, or its build in dist/),
 * whose deployment is k8s/base/services/<service>. Any other file (audit-ledger's signer has a
 * deployment of its own, without flags) starts with the image's.
 */
export function serviceOfEntry(file: string): string | undefined {
  return /(?:^|\/)apps\/([^/]+)\/src\/main\.[jt]s$/.exec(file)?.[1];
}

let ofImage: string | undefined;
const ofService = new Map<string, string>();

/**
 * The flags a service starts with in production: its deployment's (k8s/base/services/<service>)
 * where it names its own, else the image's. Without a service, the image's. Read once per
 * process: a platform start spawns a process per service.
 */
export function productionNodeOptions(service?: string): string {
  ofImage ??= nodeOptionsOfDockerfile(fs.readFileSync(DOCKERFILE, 'utf8'));
  if (!service) return ofImage;
  let flags = ofService.get(service);
  if (flags === undefined) {
    const deployment = path.join(ROOT, 'k8s/base/services', service, 'deployment.yaml');
    flags = (fs.existsSync(deployment) && nodeOptionsOfDeployment(fs.readFileSync(deployment, 'utf8'))) || ofImage;
    ofService.set(service, flags);
  }
  return flags;
}

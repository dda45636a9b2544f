import fs from 'node:fs';
import path from 'node:path';

const DOCKERFILE = path.resolve(__dirname, '../../../../../Dockerfile');

/**
 * The runtime flags in the Dockerfile's `NODE_OPTIONS="..."`, which every service of the
 * image (docker-compose and k8s alike) starts with. Read from the Dockerfile itself rather
 * than copied, so a process a bench starts from the build cannot drift from production's.
 */
export function nodeOptionsOfDockerfile(dockerfile: string): string {
  const declared = /\bNODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  if (!declared) throw new Error('the Dockerfile declares no NODE_OPTIONS="..." for the runtime image');
  return declared[1];
}

let cached: string | undefined;

/** Read once per process: a platform start spawns a process per service, each with these flags. */
export function productionNodeOptions(): string {
  return (cached ??= nodeOptionsOfDockerfile(fs.readFileSync(DOCKERFILE, 'utf8')));
}

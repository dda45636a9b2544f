/**
 * Every file generated from the code and the route table, by path from the repository root:
 * the merged OpenAPI document, the AsyncAPI document, the endpoint and event references, the
 * k8s Ingress and the docker-compose proxy's nginx.conf; docker-compose.yml's services and its
 * Postgres init from the platform's topology. `npm run contracts:generate` writes
 * them; generated-files.spec.ts fails when a committed one differs.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAsyncApiDocument } from '@rj/shared/contracts';
import { INGRESS_FILE, ingressYaml } from '../front-door/ingress';
import { NGINX_FILE, nginxConf } from '../front-door/nginx';
import { COMPOSE_FILE, composeFile, POSTGRES_INIT_FILE, postgresInitSql } from '../topology/compose';
import { withEventDescriptions } from './event-descriptions';
import { mergeOpenApi } from './merge-openapi';
import { endpointsMarkdown, eventsMarkdown } from './reference-markdown';
import { buildServiceDocuments } from './service-documents';

export const REGENERATE = 'npm run contracts:generate';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function generatedFiles(): Promise<Record<string, string>> {
  const openapi = mergeOpenApi(await buildServiceDocuments());
  const asyncapi = withEventDescriptions(
    buildAsyncApiDocument() as { components: { messages: Record<string, Record<string, unknown>> } },
  );
  return {
    'docs/reference/openapi.json': json(openapi),
    'docs/reference/asyncapi.json': json(asyncapi),
    'docs/reference/endpoints.md': endpointsMarkdown(openapi),
    'docs/reference/events.md': eventsMarkdown(asyncapi),
    [INGRESS_FILE]: ingressYaml(),
    [NGINX_FILE]: nginxConf(),
    // From the platform's topology (libs/shared/contracts/src/lib/topology/topology.json).
    [COMPOSE_FILE]: composeFile(readFileSync(join(resolve(__dirname, '../..'), COMPOSE_FILE), 'utf8')),
    [POSTGRES_INIT_FILE]: postgresInitSql(),
  };
}

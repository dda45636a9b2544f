/**
 * One OpenAPI document for the whole public API at one origin (the front door, the Ingress,
 * the compose proxy): the paths of the five services' documents, each operation marked with
 * the service that answers it. The services' own /health paths stay out: every service has
 * them, and at the front door /health is the front door's own.
 * A schema name two services define differently (each its own ContactDto) is kept apart: the
 * later service's is renamed with its service's name (MediationSchedulingContactDto) and its
 * references follow. An operationId or a path two services both claim is an error to fix in
 * the code, never something to paper over here.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_NAMES, type ServiceName } from '../front-door/route-table';

/** What every service documents for itself: its probes, reached per service, never through the front door. */
export const SERVICE_OWN_PATHS = ['/health/live', '/health/ready'];
export const isPublicPath = (path: string): boolean => !SERVICE_OWN_PATHS.includes(path);
/** The marker on each merged operation naming the service that answers it. */
export const SERVICE_EXTENSION = 'x-rj-service';

type Operation = Record<string, unknown> & { operationId?: string };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function mergeOpenApi(documents: Record<ServiceName, OpenAPIObject>): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  const schemas: Record<string, unknown> = {};
  const schemaOwner: Record<string, ServiceName> = {};
  const operationOwner: Record<string, ServiceName> = {};
  const pathOwner: Record<string, ServiceName> = {};
  const problems: string[] = [];

  for (const service of SERVICE_NAMES) {
    const document = keepSchemasApart(documents[service], service, schemas);
    for (const [path, item] of Object.entries(document.paths)) {
      if (!isPublicPath(path)) continue;
      if (pathOwner[path]) problems.push(`${path} is documented by ${pathOwner[path]} and ${service}`);
      pathOwner[path] = service;
      const merged: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(item)) {
        if (!METHODS.includes(key)) {
          merged[key] = value;
          continue;
        }
        const operation = value as Operation;
        const id = operation.operationId;
        if (id && operationOwner[id])
          problems.push(`operationId ${id} is used by ${operationOwner[id]} and ${service}`);
        if (id) operationOwner[id] = service;
        merged[key] = { ...operation, [SERVICE_EXTENSION]: service };
      }
      paths[path] = merged;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (schemaOwner[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) {
        problems.push(`schema ${name} differs between ${schemaOwner[name]} and ${service} even after renaming`);
      }
      schemaOwner[name] ??= service;
      schemas[name] ??= schema;
    }
  }
  if (problems.length) throw new Error(`the services' OpenAPI documents cannot be merged:\n  ${problems.join('\n  ')}`);

  const first = documents[SERVICE_NAMES[0]];
  return {
    openapi: first.openapi,
    info: {
      title: 'Restorative Justice Platform',
      version: '1',
      description:
        'The whole public HTTP API at one origin: the front door of `npm start` (http://127.0.0.1:8080), the Ingress in Kubernetes, the proxy in docker-compose. ' +
        `Each operation names the service that answers it (${SERVICE_EXTENSION}). Errors are application/problem+json (RFC 9457). ` +
        'The events the services exchange are described by the AsyncAPI document at /api/asyncapi.json.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      contact: { name: 'The platform team: see CONTRIBUTING.md in the repository' },
    },
    servers: [
      {
        url: '/',
        description:
          'The origin this document is served from: the front door in local development (npm start), the proxy of docker-compose, or the Ingress in staging and production.',
        'x-internal': false,
      },
    ],
    tags: mergeTags(documents),
    paths: sortedObject(paths),
    components: { securitySchemes: securitySchemesOf(first), schemas: sortedObject(schemas) },
    security: first.security,
  } as unknown as OpenAPIObject;
}

/**
 * The service's document with every schema whose name is already taken by a different schema
 * renamed to `<Service><Name>`, and every `$ref` to it rewritten. Identical schemas are shared.
 */
export function keepSchemasApart(
  document: OpenAPIObject,
  service: ServiceName,
  taken: Record<string, unknown>,
): OpenAPIObject {
  const prefix = service.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase());
  const renames = new Map<string, string>();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (name in taken && JSON.stringify(taken[name]) !== JSON.stringify(schema)) renames.set(name, `${prefix}${name}`);
  }
  if (!renames.size) return document;
  const text = JSON.stringify(document).replace(/"#\/components\/schemas\/([^"]+)"/g, (ref, name: string) =>
    renames.has(name) ? `"#/components/schemas/${renames.get(name)}"` : ref,
  );
  const renamed = JSON.parse(text) as OpenAPIObject;
  renamed.components = {
    ...renamed.components,
    schemas: Object.fromEntries(
      Object.entries(renamed.components?.schemas ?? {}).map(([name, schema]) => [renames.get(name) ?? name, schema]),
    ),
  };
  return renamed;
}

/** The services' bearer scheme, with what they check of a token said once for a client (libs/shared/auth). */
function securitySchemesOf(document: OpenAPIObject): NonNullable<OpenAPIObject['components']>['securitySchemes'] {
  const schemes = { ...document.components?.securitySchemes };
  if (schemes.bearer && !('$ref' in schemes.bearer)) {
    schemes.bearer = {
      ...schemes.bearer,
      description:
        'An access token of the identity provider, verified as RFC8725 (JSON Web Token Best Current Practices) advises: the algorithm pinned per key source ' +
        "(RS256 through the provider's JWKS; never the token's own choice), issuer, audience and expiry required and checked. Claims: sub, role, org.",
    };
  }
  return schemes;
}

function mergeTags(documents: Record<ServiceName, OpenAPIObject>): OpenAPIObject['tags'] {
  const names = new Set<string>();
  for (const document of Object.values(documents)) {
    for (const item of Object.entries(document.paths)
      .filter(([path]) => isPublicPath(path))
      .map(([, i]) => i)) {
      for (const operation of Object.values(item) as Operation[])
        for (const tag of (operation?.tags as string[] | undefined) ?? []) names.add(tag);
    }
  }
  return [...names].sort().map((name) => ({ name }));
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

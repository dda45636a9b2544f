/**
 * The public API's one route table (routes.json) as code: which service answers a path. The
 * front door, the k8s Ingress and the docker-compose proxy are all generated from, or driven
 * by, this one table, so they cannot disagree.
 */
import { SERVICE_NAMES as TOPOLOGY_SERVICE_NAMES, SERVICE_TOPOLOGY, type ServiceName } from '@rj/shared/contracts';
import table from './routes.json';

export type { ServiceName };

export interface Route {
  /** A regular expression on the path (no query string), in the subset JavaScript, nginx and ingress-nginx read alike. */
  pattern: string;
  service: ServiceName;
  why?: string;
  /** Why the paths of this route are left out of the OpenAPI documents (and an example path), when they are. */
  undocumented?: string;
  /** The path itself is a secret (a calendar feed's key): never written to an access log. */
  secretInPath?: boolean;
  /**
   * The largest body the proxies pass on this route, in nginx's notation (`9m`), when it must be
   * larger than everywhere else (DEFAULT_MAX_BODY_SIZE): kept above the service's own limit, so
   * an oversized body still gets the service's 413 problem+json.
   */
  maxBodySize?: string;
}

/** The proxies' body limit on every other route: above the services' BODY_LIMIT (256kb), so an oversized body gets the service's 413 problem+json. */
export const DEFAULT_MAX_BODY_SIZE = '1m';

/** Where each service listens: the platform's topology (libs/shared/contracts/src/lib/topology/topology.json). */
export const SERVICES: Readonly<Record<ServiceName, { port: number }>> = SERVICE_TOPOLOGY;
export const SERVICE_NAMES: readonly ServiceName[] = TOPOLOGY_SERVICE_NAMES;
export const ROUTES: readonly Route[] = table.routes as Route[];

/** The service of a path under first-match-wins (the table's order, as nginx reads regex locations), or undefined. */
export function serviceFor(path: string, routes: readonly Route[] = ROUTES): ServiceName | undefined {
  return routes.find((route) => new RegExp(route.pattern).test(path))?.service;
}

/**
 * The order in which ingress-nginx tries regular-expression paths: longest pattern first
 * (a stable sort, so equal lengths keep the table's order). The Ingress is only right if this
 * order routes every documented path as the table does (route-table.spec.ts).
 */
export function ingressOrder(routes: readonly Route[] = ROUTES): Route[] {
  return [...routes].sort((a, b) => b.pattern.length - a.pattern.length);
}

/**
 * An OpenAPI path template (`/api/cases/{id}/agreement`) as a concrete path the table can
 * route: every `{param}` becomes a sample segment.
 */
export function samplePathOf(template: string): string {
  return template.replace(/\{[^}]+\}/g, '0f8fad5b-d9cb-469f-a165-70867728950e');
}

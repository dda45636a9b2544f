/**
 * The Kubernetes Ingress of the public API, generated from routes.json (k8s/base/ingress.yaml;
 * `npm run contracts:generate`, and a test keeps the committed file equal to this). Regex
 * paths for ingress-nginx: prefixes cannot tell /api/cases/{id}/agreement (outcome-tracking)
 * from /api/cases/{id}/sessions (mediation-scheduling). ingress-nginx tries regex paths
 * longest first; route-table.spec.ts proves that order routes every documented path as the
 * table does. The host and TLS are the environment's: an overlay patches them in.
 */
import { dump } from 'js-yaml';
import { DEFAULT_MAX_BODY_SIZE, ROUTES, ingressOrder, type Route } from './route-table';

export const INGRESS_FILE = 'k8s/base/ingress.yaml';

/**
 * The Ingress objects for one host: the API; the routes whose path is itself a secret (a
 * calendar feed's key), with access logging off; and one per larger body limit (the bulk
 * import) — ingress-nginx can only switch logging and body size per Ingress. The controller
 * merges their paths and still tries them longest first.
 */
export function ingressManifests(): object[] {
  const ordered = ingressOrder(ROUTES);
  const open = ordered.filter((route) => !route.secretInPath && !route.maxBodySize);
  const secret = ordered.filter((route) => route.secretInPath);
  const bodySizes = [
    ...new Set(
      ordered.filter((route) => route.maxBodySize && !route.secretInPath).map((route) => route.maxBodySize as string),
    ),
  ];
  return [
    ingressManifest('rj-api', open, {}),
    ...(secret.length
      ? [ingressManifest('rj-api-secret-paths', secret, { 'nginx.ingress.kubernetes.io/enable-access-log': 'false' })]
      : []),
    ...bodySizes.map((size) =>
      ingressManifest(
        `rj-api-bodies-${size}`,
        ordered.filter((route) => route.maxBodySize === size && !route.secretInPath),
        { 'nginx.ingress.kubernetes.io/proxy-body-size': size },
      ),
    ),
  ];
}

function ingressManifest(name: string, routes: Route[], extraAnnotations: Record<string, string>): object {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      labels: {
        'app.kubernetes.io/name': name,
        'app.kubernetes.io/part-of': 'rj-platform',
        'app.kubernetes.io/component': 'ingress',
      },
      annotations: {
        'nginx.ingress.kubernetes.io/use-regex': 'true',
        // NDJSON and CSV exports are read while they are written: no buffering either way.
        'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
        'nginx.ingress.kubernetes.io/proxy-request-buffering': 'off',
        'nginx.ingress.kubernetes.io/proxy-body-size': DEFAULT_MAX_BODY_SIZE,
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '300',
        ...extraAnnotations,
      },
    },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          http: {
            paths: routes.map((route) => ({
              path: route.pattern,
              pathType: 'ImplementationSpecific',
              backend: { service: { name: route.service, port: { name: 'http' } } },
            })),
          },
        },
      ],
    },
  };
}

export function ingressYaml(): string {
  return (
    '# GENERATED from tools/front-door/routes.json by `npm run contracts:generate`: edit the table, not this file.\n' +
    '# The public API at one host; the overlay (or your environment) sets the host and TLS.\n' +
    ingressManifests()
      .map((manifest) => dump(manifest, { lineWidth: 200, noRefs: true }))
      .join('---\n')
  );
}

/**
 * The Ingress (k8s/base/ingress.yaml, generated from the route table) is wired to the real
 * Services: every backend is a Service of k8s/base with a port named http, every route of the
 * table is a regex path, in ingress-nginx's longest-first order, and kustomize includes it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { ROUTES, ingressOrder } from './route-table';

const K8S = resolve(__dirname, '../../k8s/base');
type Path = { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } };
type Ingress = {
  metadata: { name: string; annotations: Record<string, string> };
  spec: { rules: { host?: string; http: { paths: Path[] } }[] };
};
const ingresses = loadAll(readFileSync(join(K8S, 'ingress.yaml'), 'utf8')) as Ingress[];

describe('Ingress', () => {
  it('has every route of the table as a regex path, longest first', () => {
    for (const ingress of ingresses)
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/use-regex']).toBe('true');
    const paths = ingresses.flatMap((ingress) => ingress.spec.rules.flatMap((rule) => rule.http.paths));
    const byLength = (a: { path: string }, b: { path: string }) => b.path.length - a.path.length;
    expect(
      paths.map((p) => ({ path: p.path, service: p.backend.service.name, type: p.pathType })).sort(byLength),
    ).toEqual(ingressOrder().map((r) => ({ path: r.pattern, service: r.service, type: 'ImplementationSpecific' })));
    expect(paths).toHaveLength(ROUTES.length);
  });

  it('never logs a path that is itself a secret (the calendar feed)', () => {
    const secret = ingresses.find((ingress) => ingress.metadata.name === 'rj-api-secret-paths');
    expect(secret?.metadata.annotations['nginx.ingress.kubernetes.io/enable-access-log']).toBe('false');
    expect(secret?.spec.rules[0].http.paths.map((p) => p.path)).toEqual(
      ROUTES.filter((r) => r.secretInPath).map((r) => r.pattern),
    );
    expect(ROUTES.filter((r) => r.secretInPath).map((r) => r.pattern)).toEqual(['^/calendar/[^/]+$']);
  });

  it('lets the bulk import’s spreadsheet through above the service’s own 8 MB limit, and every other body up to 1 MB', () => {
    const large = ingresses.find((ingress) => ingress.metadata.name === 'rj-api-bodies-9m');
    expect(large?.spec.rules[0].http.paths.map((p) => p.path)).toEqual(['^/api/referrals/imports$']);
    expect(large?.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('9m');
    for (const ingress of ingresses.filter((i) => i !== large))
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('1m');
  });

  it('sends every path to a Service of k8s/base on its port named http', () => {
    for (const name of new Set(ROUTES.map((r) => r.service))) {
      const service = load(readFileSync(join(K8S, 'services', name, 'service.yaml'), 'utf8')) as {
        metadata: { name: string };
        spec: { ports: { name: string }[] };
      };
      expect({ name, http: service.spec.ports.some((port) => port.name === 'http') }).toEqual({
        name: service.metadata.name,
        http: true,
      });
    }
  });

  it('is part of the base kustomization', () => {
    expect(
      (load(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8')) as { resources: string[] }).resources,
    ).toContain('ingress.yaml');
  });
});

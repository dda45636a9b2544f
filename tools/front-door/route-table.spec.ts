/**
 * The route table cannot drift from the code: every public path of every service's OpenAPI
 * document (built from the services' own modules) is routed to that service, in the table's
 * first-match order (the front door, nginx) and in ingress-nginx's longest-first order (the
 * Ingress); every route serves some documented path; and the services' own probes, which
 * every service has, are not routed.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildServiceDocuments } from '../contracts/service-documents';
import { SERVICE_OWN_PATHS, isPublicPath } from '../contracts/merge-openapi';
import { ROUTES, SERVICE_NAMES, ingressOrder, samplePathOf, serviceFor, type ServiceName } from './route-table';

let documents: Record<ServiceName, OpenAPIObject>;

beforeAll(async () => {
  documents = await buildServiceDocuments();
}, 120_000);

const documented = () =>
  SERVICE_NAMES.flatMap((service) => Object.keys(documents[service].paths).map((path) => ({ service, path })));

describe('route table', () => {
  it('routes every documented public path to the service that documents it (add a route to tools/front-door/routes.json if not)', () => {
    const misrouted = documented()
      .filter(({ path }) => isPublicPath(path))
      .map(({ service, path }) => ({
        path,
        documentedBy: service,
        table: serviceFor(samplePathOf(path)),
        ingress: serviceFor(samplePathOf(path), ingressOrder()),
      }))
      .filter(({ documentedBy, table, ingress }) => table !== documentedBy || ingress !== documentedBy);
    expect(misrouted).toEqual([]);
  });

  it('has no route that serves no documented path, unless it says why its paths are undocumented', () => {
    const samples = documented().map(({ path }) => samplePathOf(path));
    const unused = ROUTES.filter(
      (route) =>
        !route.undocumented &&
        !samples.some((sample) => new RegExp(route.pattern).test(sample) && serviceFor(sample) === route.service),
    );
    expect(unused).toEqual([]);
    // An undocumented route names an example path, and routes it (in both orders) to its service.
    for (const route of ROUTES.filter((r) => r.undocumented)) {
      const example = /example (\S+)/.exec(route.undocumented ?? '')?.[1] ?? '';
      expect({ example, table: serviceFor(example), ingress: serviceFor(example, ingressOrder()) }).toEqual({
        example,
        table: route.service,
        ingress: route.service,
      });
    }
  });

  it("does not route the services' own probes (the front door answers /health itself)", () => {
    for (const path of SERVICE_OWN_PATHS) expect(serviceFor(path)).toBeUndefined();
    expect(
      SERVICE_NAMES.filter((service) => !SERVICE_OWN_PATHS.every((path) => path in documents[service].paths)),
    ).toEqual([]);
  });

  it("separates a case's agreement (outcome) from its sessions (scheduling), also in the Ingress order", () => {
    for (const order of [ROUTES, ingressOrder()]) {
      expect(serviceFor('/api/cases/42/agreement', order)).toBe('outcome-tracking');
      expect(serviceFor('/api/cases/42/sessions', order)).toBe('mediation-scheduling');
      expect(serviceFor('/api/cases/42', order)).toBe('mediation-scheduling');
      expect(serviceFor('/api/referrals/42/match', order)).toBe('partner-matching');
      expect(serviceFor('/api/referrals/42', order)).toBe('referral-intake');
      expect(serviceFor('/api/casesx', order)).toBeUndefined();
    }
  });
});

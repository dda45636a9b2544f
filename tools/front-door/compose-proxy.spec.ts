/**
 * The docker-compose reverse proxy, checked statically (no container engine here; the compose
 * file as a whole is checked by `docker-compose config -q` in tools/deploy): it mounts the
 * generated nginx.conf, and every upstream that file names is a compose service listening on
 * the port the route table says, in the table's order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { ROUTES, SERVICES } from './route-table';

const ROOT = resolve(__dirname, '../..');
type ComposeService = { image?: string; volumes?: string[]; ports?: string[]; environment?: Record<string, string> };
const compose = load(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const nginx = readFileSync(resolve(ROOT, 'tools/front-door/nginx.conf'), 'utf8');

describe('docker-compose proxy', () => {
  it('runs nginx with the generated configuration and the reference documents, on one published port', () => {
    const proxy = compose.services.proxy;
    expect(proxy.image).toMatch(/^nginx:/);
    expect(proxy.volumes).toEqual(
      expect.arrayContaining([
        './tools/front-door/nginx.conf:/etc/nginx/nginx.conf:ro',
        './docs/reference:/srv/reference:ro',
      ]),
    );
    expect(proxy.ports).toEqual(['${RJ_PROXY_HOST_PORT:-8000}:8080']);
    expect(nginx).toContain('listen 8080;');
  });

  it("sends each route, in the table's order, to a compose service on the port it listens on", () => {
    const locations = [...nginx.matchAll(/location ~ "([^"]+)" \{\s*set \$upstream http:\/\/([a-z-]+):(\d+);/g)].map(
      ([, pattern, host, port]) => ({ pattern, host, port: Number(port) }),
    );
    expect(locations).toEqual(
      ROUTES.map((route) => ({ pattern: route.pattern, host: route.service, port: SERVICES[route.service].port })),
    );
    for (const { host, port } of locations)
      expect({ host, port: Number(compose.services[host]?.environment?.PORT) }).toEqual({ host, port });
  });

  it('lets the bulk import’s spreadsheet through above the service’s own 8 MB limit, and every other body up to 1 MB', () => {
    expect(nginx).toMatch(/location ~ "\^\/api\/referrals\/imports\$" \{[^}]*client_max_body_size 9m;[^}]*\}/);
    expect(nginx.match(/client_max_body_size/g)).toHaveLength(2);
    expect(nginx).toContain('  client_max_body_size 1m;');
  });
});

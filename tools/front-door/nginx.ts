/**
 * The docker-compose reverse proxy's nginx.conf, generated from routes.json (the `proxy`
 * service of docker-compose.yml mounts tools/front-door/nginx.conf; a test keeps the committed
 * file equal to this). nginx tries regex locations in the order written, as the table reads.
 * Upstreams are resolved per request through Docker's DNS, so the proxy starts, and answers
 * 502 problem+json, while a service is down.
 */
import { DEFAULT_MAX_BODY_SIZE, ROUTES, SERVICES } from './route-table';

export const NGINX_FILE = 'tools/front-door/nginx.conf';

const problem = (status: number, type: string, title: string, detail: string) =>
  `'${JSON.stringify({ type, title, status, detail })}'`;

export function nginxConf(): string {
  const locations = ROUTES.map((route) =>
    [
      `    location ~ "${route.pattern}" {`,
      `      set $upstream http://${route.service}:${SERVICES[route.service].port};`,
      // The path is the key (a calendar feed): it must not end up in a log.
      ...(route.secretInPath ? ['      access_log off;'] : []),
      ...(route.maxBodySize ? [`      client_max_body_size ${route.maxBodySize};`] : []),
      '      proxy_pass $upstream;',
      '    }',
    ].join('\n'),
  ).join('\n');
  return `# GENERATED from tools/front-door/routes.json by \`npm run contracts:generate\`: edit the table, not this file.
# The whole public API at one origin for docker-compose (service \`proxy\`), like the front door of npm start.
worker_processes 1;
pid /tmp/nginx.pid;
events { worker_connections 1024; }
http {
  client_body_temp_path /tmp/client_body;
  proxy_temp_path /tmp/proxy;
  fastcgi_temp_path /tmp/fastcgi;
  uwsgi_temp_path /tmp/uwsgi;
  scgi_temp_path /tmp/scgi;
  access_log /dev/stdout;
  error_log /dev/stderr warn;
  server_tokens off;
  # Docker's DNS, per request: a service that is down is a 502, not a proxy that will not start.
  resolver 127.0.0.11 valid=10s ipv6=off;
  # Above the services' BODY_LIMIT (256kb), so an oversized body gets the service's 413 problem+json.
  client_max_body_size ${DEFAULT_MAX_BODY_SIZE};
  # NDJSON and CSV exports are read while they are written: no buffering either way.
  proxy_buffering off;
  proxy_request_buffering off;
  proxy_http_version 1.1;
  proxy_read_timeout 300s;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_set_header X-Forwarded-Host $host;

  server {
    listen 8080;
    error_page 502 503 504 = @unreachable;

${locations}

    location = /api/docs-json {
      default_type application/json;
      alias /srv/reference/openapi.json;
    }
    location = /api/asyncapi.json {
      default_type application/json;
      alias /srv/reference/asyncapi.json;
    }
    location = /health/live {
      default_type application/json;
      return 200 '{"status":"ok"}';
    }
    location @unreachable {
      default_type application/problem+json;
      return 502 ${problem(502, 'urn:rj:problem:service-unreachable', 'Bad Gateway', 'The service is not reachable; try again shortly.')};
    }
    location / {
      default_type application/problem+json;
      return 404 ${problem(404, 'urn:rj:problem:not-routed', 'Not Found', 'No service of the platform answers this path. The API is described at /api/docs-json.')};
    }
  }
}
`;
}

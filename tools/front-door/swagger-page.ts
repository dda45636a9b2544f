import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Swagger UI for the merged document, from the swagger-ui-dist the services' own pages use. */
const DIST = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'application/javascript',
};

/** One of the few files of swagger-ui-dist the page needs, or undefined for any other name. */
export function swaggerAsset(name: string): { type: string; body: Buffer } | undefined {
  const type = Object.hasOwn(SWAGGER_ASSETS, name) ? SWAGGER_ASSETS[name] : undefined;
  return type ? { type, body: readFileSync(join(DIST, name)) } : undefined;
}

export const SWAGGER_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Restorative Justice Platform API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<p style="font-family:sans-serif;margin:1em">Events: <a href="/api/asyncapi.json">AsyncAPI document</a></p>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/swagger-initializer.js"></script>
</body></html>
`;

export const SWAGGER_INITIALIZER = `window.ui = SwaggerUIBundle({ url: '/api/docs-json', dom_id: '#swagger-ui' });\n`;

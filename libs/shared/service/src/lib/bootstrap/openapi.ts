import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../openapi/document';

/** Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json (api.md). Not behind auth. */
export function setupOpenApi(app: INestApplication, name: string): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app, name), { jsonDocumentUrl: 'api/docs-json' });
}

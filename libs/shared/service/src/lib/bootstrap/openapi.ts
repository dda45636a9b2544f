import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json (api.md). Not behind auth. */
export function setupOpenApi(app: INestApplication, name: string): void {
  const document = new DocumentBuilder()
    .setTitle(name)
    .setDescription(`HTTP API of ${name}. Errors are application/problem+json (RFC 9457).`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, document), { jsonDocumentUrl: 'api/docs-json' });
}

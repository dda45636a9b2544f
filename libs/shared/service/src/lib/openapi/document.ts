/**
 * A service's OpenAPI document, built the one way: the running service serves it
 * (bootstrap/openapi.ts) and tools/contracts builds the same document offline for the merged
 * reference (docs/reference/openapi.json), so the two cannot drift.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { withFormatBounds } from './format-bounds';
import { withProblemResponses } from './problem-responses';
import { usesIdempotencyInterceptor, withIdempotencyKeys } from './idempotency-header';
import { documentRouteParameters, withPublicOperations } from './route-parameters';
import { documentValidationConstraints } from './validation-constraints';

export function buildOpenApiDocument(app: INestApplication, name: string): OpenAPIObject {
  const settings = new DocumentBuilder()
    .setTitle(name)
    .setDescription(`HTTP API of ${name}. Errors are application/problem+json (RFC 9457).`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  documentValidationConstraints();
  documentRouteParameters(app);
  return withProblemResponses(
    withFormatBounds(
      withIdempotencyKeys(
        withPublicOperations(SwaggerModule.createDocument(app, settings)),
        usesIdempotencyInterceptor(app),
      ),
    ),
  );
}

/**
 * The Idempotency-Key header, documented where the services take it and as they check it
 * (idempotency-rules.ts): on the operations that read it themselves (@Headers('idempotency-key'),
 * declared with @ApiHeader), and, in a service that registers the IdempotencyInterceptor, on
 * every POST behind a bearer token (the interceptor covers those and lets public routes pass),
 * but those whose answer holds a secret shown once (@SecretInAnswer).
 * Header names are case-insensitive: one parameter per operation.
 */
import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IdempotencyInterceptor, SECRET_IN_ANSWER_EXTENSION } from '../idempotency/idempotency.interceptor';
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency-rules';

type Parameter = { name: string; in: string; description?: string; required?: boolean; schema?: object };
interface Operation {
  parameters?: Parameter[];
  [SECRET_IN_ANSWER_EXTENSION]?: boolean;
  security?: Record<string, string[]>[];
}
interface ModulesContainer {
  getModules(): Map<string, { providers: Map<unknown, { metatype?: unknown }> }>;
}

const KEY_DESCRIPTION =
  "Scoped to the caller's organisation: the same key and body return the first answer (Idempotent-Replayed: true); another body is 409.";

/** Whether the app registers the IdempotencyInterceptor (as an APP_INTERCEPTOR of one of its modules). */
export function usesIdempotencyInterceptor(app: INestApplication): boolean {
  const container = (app as unknown as { container: ModulesContainer }).container;
  return [...container.getModules().values()].some((module) =>
    [...module.providers.values()].some((provider) => provider.metatype === IdempotencyInterceptor),
  );
}

const isKey = (parameter: Parameter): boolean =>
  parameter.in === 'header' && parameter.name.toLowerCase() === IDEMPOTENCY_HEADER;

const isSecured = (document: OpenAPIObject, operation: Operation): boolean =>
  (operation.security ?? document.security ?? []).some((requirement) => Object.keys(requirement).length > 0);

export function withIdempotencyKeys(document: OpenAPIObject, intercepted = false): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const parameters = operation.parameters ?? [];
      let key = parameters.filter(isKey).find((parameter) => parameter.name !== IDEMPOTENCY_HEADER);
      key ??= parameters.find(isKey);
      if (
        !key &&
        intercepted &&
        method === 'post' &&
        isSecured(document, operation) &&
        !operation[SECRET_IN_ANSWER_EXTENSION]
      )
        key = { name: 'Idempotency-Key', in: 'header', required: false, description: KEY_DESCRIPTION };
      if (!key) continue;
      // Its maxLength follows from the pattern (format-bounds.ts).
      key.schema = { ...key.schema, type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source };
      operation.parameters = [...parameters.filter((parameter) => !isKey(parameter)), key];
    }
  }
  return document;
}

import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem.exception';

/**
 * Flattens class-validator's tree into `{ field, message }` with the path a client wrote:
 * `parties[0].guardian.fullName`. Array elements appear as children named "0", "1", …
 * under the array property; they become bracketed indices.
 */
export function flattenValidationErrors(
  errors: ValidationError[],
  parentPath = '',
  parentValue?: unknown,
): FieldError[] {
  return errors.flatMap((error) => {
    const path = childPath(parentPath, error.property, Array.isArray(parentValue));
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: path,
      message: humanise(message, error.property),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path, error.value)];
  });
}

function childPath(parent: string, property: string, parentIsArray: boolean): string {
  if (parentIsArray && /^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/**
 * class-validator starts messages with the bare property name ("fullName should not be
 * empty"); the field is already named, so drop it. Its whitelist message names the property
 * too ("property foo should not exist").
 */
function humanise(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'is not a known field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/**
 * The longest value a path parameter (`@Param('id')`) may have: ids, codes, a mediator's `sub`
 * and one-time link secrets are all far shorter. A longer one is a 400 before any other pipe or
 * the handler reads it, so no lookup is made with it; the OpenAPI documents say this bound
 * (openapi/route-parameters.ts). Parameters read into a DTO have the DTO's own limits.
 */
export const MAX_PATH_PARAMETER_LENGTH = 200;

/**
 * A body type's precompiled check (issue 15): the DTO, built as class-transformer would build
 * it, when the value certainly passes the class's rules; undefined to let the strict pipe
 * decide. A hot path's body is checked without class-validator's per-call walk of its
 * metadata, and every refusal is still class-validator's own, with the same field errors.
 */
export type BodyPrecheck<T> = (value: unknown) => T | undefined;

const bodyPrechecks = new Map<unknown, BodyPrecheck<unknown>>();

/** Registers the precompiled check of a body DTO; the class's decorators stay the rules. */
export function precheckBodiesOf<T>(type: abstract new () => T, precheck: BodyPrecheck<T>): void {
  bodyPrechecks.set(type, precheck);
}

class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.type === 'param' &&
      typeof metadata.data === 'string' &&
      typeof value === 'string' &&
      value.length > MAX_PATH_PARAMETER_LENGTH
    ) {
      throw new ValidationProblem([
        { field: metadata.data, message: `must be at most ${MAX_PATH_PARAMETER_LENGTH} characters` },
      ]);
    }
    const prechecked = metadata.type === 'body' ? bodyPrechecks.get(metadata.metatype)?.(value) : undefined;
    return prechecked ?? super.transform(value, metadata);
  }
}

/**
 * The one ValidationPipe every HTTP entry uses (conventions.md): unknown fields are a 400,
 * not silently dropped, and payloads become DTO instances; a path parameter is at most
 * MAX_PATH_PARAMETER_LENGTH characters.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Values stay in the error tree (we need them to tell arrays apart) but never in replies.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}

import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem.exception';

/**
 * Flattens class-validator's tree into `{ field, message }` with the path a client wrote:
 * `parties[0].guardian.fullName`. Array elements appear as children named "0", "1", …
 * under the array property; they become bracketed indices.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = '', parentValue?: unknown): FieldError[] {
  return errors.flatMap((error) => {
    const path = childPath(parentPath, error.property, Array.isArray(parentValue));
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message: humanise(message, error.property) }));
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
 * The one ValidationPipe every HTTP entry uses (conventions.md): unknown fields are a 400,
 * not silently dropped, and payloads become DTO instances.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Values stay in the error tree (we need them to tell arrays apart) but never in replies.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}

import { ValidationProblem, type FieldError } from './problem.exception';

/**
 * Keys class-transformer drops in silence — its prototype-pollution guards and the names of
 * Object.prototype's own members (`toString`, `valueOf`, ...) — so validation never sees them.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
const MAX_DEPTH = 32;

/**
 * api.md: unknown fields are a 400. JSON.parse keeps `"__proto__"`, `"constructor"` or
 * `"toString"` as own keys, but class-transformer skips them when it builds the DTO, so the
 * strict ValidationPipe would accept `{"toString": {}, ...}` as if the key were not there
 * (found by the fuzz test). This refuses them before any pipe runs, naming where they are.
 */
export function rejectReservedKeys(req: { body?: unknown }, _res: unknown, next: (error?: unknown) => void): void {
  const problems = reservedKeysIn(req.body, '', 0);
  next(problems.length ? new ValidationProblem(problems) : undefined);
}

function reservedKeysIn(value: unknown, path: string, depth: number): FieldError[] {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => reservedKeysIn(item, `${path}[${index}]`, depth + 1));
  return Object.keys(value).flatMap((key) => {
    const field = path ? `${path}.${key}` : key;
    return RESERVED.has(key)
      ? [{ field, message: 'is not a known field' }]
      : reservedKeysIn((value as Record<string, unknown>)[key], field, depth + 1);
  });
}

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
  const problems: FieldError[] = [];
  collectReservedKeys(req.body, () => '', 0, problems);
  next(problems.length ? new ValidationProblem(problems) : undefined);
}

/**
 * Depth first, naming a field only when it is refused: every request's body goes through this,
 * and building each key's path string up front was ~6 KB of allocation per referral (issue 15).
 */
function collectReservedKeys(value: unknown, pathOf: () => string, depth: number, problems: FieldError[]): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item !== null && typeof item === 'object')
        collectReservedKeys(item, () => `${pathOf()}[${index}]`, depth + 1, problems);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (RESERVED.has(key)) problems.push({ field: fieldPath(pathOf(), key), message: 'is not a known field' });
    else if (item !== null && typeof item === 'object')
      collectReservedKeys(item, () => fieldPath(pathOf(), key), depth + 1, problems);
  }
}

function fieldPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * A string whose format or pattern fixes its length says so (maxLength): a UUID is 36
 * characters, a date (YYYY-MM-DD) 10, and a time as the services write it (Date#toISOString,
 * RFC 3339 in UTC) at most 27 — 35 leaves room for an offset and microseconds; a string held to
 * an anchored pattern is at most as long as the pattern allows (a code is 64). Clients and the
 * OWASP lint read the bound; a format or pattern without a fixed length is left alone.
 *
 * A nullable enum lists null among its values (OpenAPI 3.0.3: `nullable` does not add null to an
 * `enum`), so a case's `holdReason: null` is what the document allows, for a client's types and
 * for the validating front door alike.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import { maxLengthOfPattern } from './pattern-length';

const BOUND_OF_FORMAT: Record<string, number> = { uuid: 36, date: 10, 'date-time': 35 };

function boundOf(schema: Record<string, unknown>): number | undefined {
  if (typeof schema.format === 'string' && BOUND_OF_FORMAT[schema.format]) return BOUND_OF_FORMAT[schema.format];
  if (typeof schema.pattern !== 'string') return undefined;
  const length = maxLengthOfPattern(schema.pattern);
  return Number.isFinite(length) ? length : undefined;
}

function bound(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(bound);
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  // A copy: the enum may be the very array of the code's vocabulary.
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum = [...(schema.enum as unknown[]), null];
  if (schema.type === 'string' && schema.maxLength === undefined) {
    const length = boundOf(schema);
    if (length !== undefined) schema.maxLength = length;
  }
  Object.values(schema).forEach(bound);
}

export function withFormatBounds(document: OpenAPIObject): OpenAPIObject {
  bound(document.paths);
  bound(document.components);
  return document;
}

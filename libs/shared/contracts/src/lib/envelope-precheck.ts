import { isIn, isInt, isISO8601, isUUID, length, min } from 'class-validator';
import { CORRELATION_ID_MAX_LENGTH, ENVELOPE_FIELDS } from './envelope';
import { ROLES } from './roles';

const ENVELOPE_KEYS = new Set<string>(ENVELOPE_FIELDS);
const ACTOR_KEYS = new Set(['sub', 'role', 'org']);

type Fields = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const onlyKeys = (value: Fields, allowed: Set<string>): boolean => Object.keys(value).every((key) => allowed.has(key));
const text = (value: unknown, max: number): boolean => typeof value === 'string' && length(value, 1, max);
const absent = (value: unknown): boolean => value === null || value === undefined;

/**
 * The envelope's shape (EnvelopeSchema in envelope-schema.ts) as one straight function with
 * class-validator's own checks, so that every event a service publishes or receives is not
 * taken through plainToInstance and validateSync, which cost a consumer several per cent of
 * its time (issue 15). It only ever says "certainly valid": on `false` class-validator decides
 * and words the errors, so a refusal reads the same. A property test holds the two together.
 */
export function envelopeShapeIsCertainlyValid(raw: unknown): boolean {
  if (!isPlainObject(raw) || !onlyKeys(raw, ENVELOPE_KEYS)) return false;
  const { actor } = raw;
  return (
    isUUID(raw.id) &&
    text(raw.type, 100) &&
    isInt(raw.version) &&
    min(raw.version, 1) &&
    isISO8601(raw.occurredAt, { strict: true }) &&
    text(raw.aggregateType, 50) &&
    text(raw.aggregateId, 100) &&
    (absent(raw.referralId) || isUUID(raw.referralId)) &&
    isPlainObject(actor) &&
    onlyKeys(actor, ACTOR_KEYS) &&
    text(actor.sub, 200) &&
    isIn(actor.role, ROLES) &&
    (absent(actor.org) || text(actor.org, 200)) &&
    text(raw.correlationId, CORRELATION_ID_MAX_LENGTH) &&
    (absent(raw.causationId) || text(raw.causationId, CORRELATION_ID_MAX_LENGTH)) &&
    isPlainObject(raw.data)
  );
}

/**
 * The limits the services enforce, said to Swagger too. Every DTO is validated with
 * class-validator (createValidationPipe), but @ApiProperty does not read those decorators (the
 * Swagger CLI plugin would, at compile time; the services run without it). Before a document is
 * built, each property that @ApiProperty documents gains, from its own class-validator
 * decorators, what they enforce: lengths, sizes, bounds, integers, patterns, uuids and allowed
 * values. Nothing is invented: a property without such a decorator is left as it was, and what a
 * property's @ApiProperty says itself wins.
 */
import { getMetadataStorage } from 'class-validator';

const MODEL_PROPERTIES = 'swagger/apiModelProperties';

interface Rule {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

type Options = Record<string, unknown>;

/** What one class-validator decorator enforces, in OpenAPI's words. */
function schemaOf(rule: Rule): Options {
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'isLength':
      return { minLength: first, ...(typeof second === 'number' ? { maxLength: second } : {}) };
    case 'max':
      return { maximum: first };
    case 'min':
      return { minimum: first };
    case 'isInt':
      return { type: 'integer', format: 'int32' };
    case 'isUuid':
      return { format: 'uuid', maxLength: 36 };
    case 'matches':
      return first instanceof RegExp ? { pattern: first.source } : {};
    case 'isIn':
      return Array.isArray(first) ? { enum: first } : {};
    case 'isBoolean':
      return { type: 'boolean' };
    default:
      return {};
  }
}

function arraySchemaOf(rule: Rule): Options {
  const [first] = rule.constraints ?? [];
  if (rule.name === 'arrayMaxSize') return { maxItems: first };
  if (rule.name === 'arrayMinSize') return { minItems: first };
  return {};
}

const isArrayProperty = (options: Options): boolean =>
  Array.isArray(options.type) || options.isArray === true || options.type === Array;

/** Rules that only a string passes: an array whose every item must pass one holds strings. */
const STRING_RULES = new Set(['matches', 'maxLength', 'minLength', 'isLength', 'isUuid', 'isString', 'isEmail']);

/** Adds the enforced limits to every documented property of every validated class. Idempotent. */
export function documentValidationConstraints(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<new () => unknown, Rule[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    if (typeof target !== 'function' || !target.prototype) continue;
    const byProperty = new Map<string, Rule[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [property, own] of byProperty) {
      const options = Reflect.getMetadata(MODEL_PROPERTIES, target.prototype, property) as Options | undefined;
      if (!options) continue;
      const derived: Options = {};
      let stringItems = false;
      if (isArrayProperty(options)) {
        const items: Options = {};
        for (const rule of own) {
          if (rule.each) Object.assign(items, schemaOf(rule));
          else Object.assign(derived, arraySchemaOf(rule));
        }
        // Swagger moves format, bounds, lengths and patterns of an array property to its `items`;
        // only arrays of strings and numbers take them (a class's items have their own schema).
        const { type: _type, enum: _enum, ...itemLimits } = items;
        let itemType = Array.isArray(options.type) ? (options.type as unknown[])[0] : options.type;
        // A `string[]` without its own `type` reflects as Array; its item rules say what it holds.
        if (options.type === Array && own.some((rule) => rule.each && STRING_RULES.has(rule.name ?? ''))) {
          itemType = String;
          stringItems = true;
        }
        if ((itemType === String || itemType === Number) && !options.enum) Object.assign(derived, itemLimits);
      } else {
        for (const rule of own) if (!rule.each) Object.assign(derived, schemaOf(rule));
        // `isInt` makes a number an integer; a property typed otherwise (a class, a string) keeps its type.
        const numeric =
          options.type === undefined ||
          options.type === Number ||
          options.type === 'number' ||
          options.type === 'integer';
        if (derived.type === 'integer' && !numeric) {
          delete derived.type;
          delete derived.format;
        }
        if (derived.type === 'boolean' || options.enum) delete derived.enum;
        if (derived.type === 'boolean') delete derived.type;
      }
      const merged = {
        ...derived,
        ...withoutUndefined(options),
        ...(stringItems ? { type: String, isArray: true } : {}),
      };
      // What @IsInt enforces outranks the `number` reflected from the TypeScript type.
      if (derived.type === 'integer')
        Object.assign(merged, { type: 'integer', format: options.format ?? integerFormat(merged) });
      Reflect.defineMetadata(MODEL_PROPERTIES, merged, target.prototype, property);
    }
  }
}

const INT32_MAX = 2 ** 31 - 1;

/** int32 unless the bounds say the number needs more (a ledger sequence does). */
function integerFormat({ minimum, maximum }: Options): 'int32' | 'int64' {
  const beyond = (bound: unknown, limit: number) => typeof bound === 'number' && Math.abs(bound) > limit;
  return beyond(maximum, INT32_MAX) || beyond(minimum, INT32_MAX + 1) ? 'int64' : 'int32';
}

const withoutUndefined = (options: Options): Options =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));

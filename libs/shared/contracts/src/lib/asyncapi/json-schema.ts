// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
// @Type(() => Class) is recorded only in class-transformer's storage; its types live apart from its code.
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { getMetadataStorage } from 'class-validator';

/**
 * JSON Schema (draft-07, which AsyncAPI's default schema format extends) derived from the
 * class-validator metadata the event schemas already carry, so the published contract is the
 * one producers and consumers validate with. Nested classes become named definitions (`$ref`).
 * Unknown properties are refused (`additionalProperties: false`), as validateEventData does.
 * Rules across fields (@IsConsistent) cannot be said in JSON Schema; they are named in
 * `x-rules`. A decorator this converter does not know is an error, never silently dropped.
 */
export type JsonSchema = Record<string, unknown>;
type Constructor = new (...args: never[]) => object;

interface Metadata {
  target: Constructor;
  type: string;
  name?: string;
  propertyName: string;
  constraints: unknown[];
  each?: boolean;
}

/** Converts `root` and every class it nests; the definitions are keyed by class name. */
export function jsonSchemasOf(
  root: Constructor,
  definitions: Map<string, JsonSchema> = new Map(),
  refPrefix = '#/components/schemas/',
): Map<string, JsonSchema> {
  const pending: Constructor[] = [root];
  const seen = new Map<string, Constructor>();
  for (let target = pending.pop(); target; target = pending.pop()) {
    const existing = seen.get(target.name);
    if (existing === target || (definitions.has(target.name) && !seen.has(target.name))) continue;
    if (existing) throw new Error(`two schema classes are both named ${target.name}: rename one`);
    seen.set(target.name, target);
    definitions.set(
      target.name,
      objectSchema(target, refPrefix, (nested) => pending.push(nested)),
    );
  }
  return definitions;
}

function objectSchema(target: Constructor, refPrefix: string, nest: (nested: Constructor) => void): JsonSchema {
  const metadata = baseClassFirst(
    getMetadataStorage().getTargetValidationMetadatas(target, '', true, false) as unknown as Metadata[],
  );
  const byProperty = new Map<string, Metadata[]>();
  for (const entry of metadata)
    byProperty.set(entry.propertyName, [...(byProperty.get(entry.propertyName) ?? []), entry]);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, entries] of byProperty) {
    const optional = entries.some((e) => e.type === 'conditionalValidation' && e.name === 'isOptional');
    const schema = propertySchema(target, property, entries, refPrefix, nest);
    properties[property] = optional ? orNull(schema) : schema;
    if (!optional) required.push(property);
  }
  return { type: 'object', title: target.name, properties, required, additionalProperties: false };
}

/**
 * class-validator lists a class's own properties before those it inherits; a schema that extends
 * another's (office.updated extends office.registered) lists them in the order they are declared,
 * the base class's first, so sharing a base never reorders a published schema.
 */
function baseClassFirst(metadata: Metadata[]): Metadata[] {
  const depth = (target: Constructor) => {
    let levels = 0;
    for (
      let parent = Object.getPrototypeOf(target);
      parent !== Function.prototype;
      parent = Object.getPrototypeOf(parent)
    )
      levels++;
    return levels;
  };
  return [...metadata].sort((a, b) => depth(a.target) - depth(b.target));
}

/** class-validator's @IsOptional lets null through as well as an absent property. */
function orNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.enum))
    return {
      ...schema,
      ...(typeof schema.type === 'string' ? { type: [schema.type, 'null'] } : {}),
      enum: [...schema.enum, null],
    };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { oneOf: [schema, { type: 'null' }] };
}

function propertySchema(
  target: Constructor,
  property: string,
  entries: Metadata[],
  refPrefix: string,
  nest: (nested: Constructor) => void,
): JsonSchema {
  const designType = Reflect.getMetadata('design:type', target.prototype, property) as unknown;
  const isArray =
    designType === Array || entries.some((e) => e.each || /^array/.test(e.name ?? '') || e.name === 'isArray');
  const own: JsonSchema = {};
  const item: JsonSchema = {};
  const rules: string[] = [];
  for (const entry of entries) {
    if (entry.type === 'nestedValidation') {
      const nested = nestedClassOf(target, property);
      nest(nested);
      Object.assign(isArray ? item : own, { $ref: `${refPrefix}${nested.name}` });
      continue;
    }
    if (entry.type === 'conditionalValidation' || entry.type === 'isDefined') continue;
    if (entry.name === 'isConsistent') {
      rules.push(`a rule across the fields of ${target.name} is checked too (libs/shared/contracts)`);
      continue;
    }
    applyConstraint(entry.each ? item : own, entry, target);
  }
  const schema: JsonSchema = isArray ? { type: 'array', ...own, items: finalize(item) } : finalize(own);
  if (rules.length) schema['x-rules'] = rules;
  return schema;
}

/** date or date-time for ISO 8601 strings: a calendar-date pattern makes it a date. */
function finalize(schema: JsonSchema): JsonSchema {
  if (schema.format === 'iso8601')
    schema.format =
      typeof schema.pattern === 'string' && schema.pattern.startsWith('^\\d{4}-\\d{2}-\\d{2}$') ? 'date' : 'date-time';
  return schema;
}

function nestedClassOf(target: Constructor, property: string): Constructor {
  const type = defaultMetadataStorage.findTypeMetadata(target, property);
  const nested = (type?.typeFunction() ?? Reflect.getMetadata('design:type', target.prototype, property)) as
    Constructor | undefined;
  if (!nested || nested === Array || nested === Object)
    throw new Error(`${target.name}.${property} is nested but names no class (@Type)`);
  return nested;
}

function applyConstraint(schema: JsonSchema, { name, constraints }: Metadata, target: Constructor): void {
  const [first, second] = constraints ?? [];
  switch (name) {
    case 'isUuid':
      return void Object.assign(schema, { type: 'string', format: 'uuid' });
    case 'isString':
      return void (schema.type = 'string');
    case 'isTimeZone':
      return void Object.assign(schema, {
        type: 'string',
        description: 'an IANA time zone (a tz database name such as Europe/Amsterdam)',
      });
    case 'isEmail':
      return void Object.assign(schema, { type: 'string', format: 'email' });
    case 'isIso8601':
      return void Object.assign(schema, { type: 'string', format: 'iso8601' });
    case 'matches':
      return void Object.assign(schema, { type: 'string', pattern: (first as RegExp).source });
    case 'isLength':
      return void Object.assign(schema, {
        type: 'string',
        minLength: first,
        ...(second !== undefined ? { maxLength: second } : {}),
      });
    case 'maxLength':
      return void Object.assign(schema, { maxLength: first });
    case 'minLength':
      return void Object.assign(schema, { minLength: first });
    case 'isIn': {
      const values = first as unknown[];
      const types = [...new Set(values.map((v) => (Number.isInteger(v) ? 'integer' : typeof v)))];
      return void Object.assign(schema, { ...(types.length === 1 ? { type: types[0] } : {}), enum: [...values] });
    }
    case 'equals':
      return void (schema.const = first);
    case 'isBoolean':
      return void (schema.type = 'boolean');
    case 'isInt':
      return void (schema.type = 'integer');
    case 'isNumber':
      schema.type ??= 'number';
      // multipleOf 0.01 would misjudge binary fractions (1.15): said in words instead.
      if ((first as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces !== undefined)
        schema.description = `at most ${(first as { maxDecimalPlaces: number }).maxDecimalPlaces} decimal places`;
      return;
    case 'isPositive':
      return void (schema.exclusiveMinimum = 0);
    case 'min':
      return void (schema.minimum = first);
    case 'max':
      return void (schema.maximum = first);
    case 'isObject':
      return void (schema.type = 'object');
    case 'isArray':
      return void (schema.type = 'array');
    case 'arrayMinSize':
      return void (schema.minItems = first);
    case 'arrayMaxSize':
      return void (schema.maxItems = first);
    case 'arrayUnique':
      return void (schema.uniqueItems = true);
    default:
      throw new Error(
        `${target.name}: the AsyncAPI schema cannot yet express @${name}; teach libs/shared/contracts/src/lib/asyncapi/json-schema.ts`,
      );
  }
}

import 'reflect-metadata';
// class-transformer exports its metadata storage only by path.
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { TransformationType } from 'class-transformer';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';

/**
 * An event's data checked against its schema class without plainToInstance and validateSync
 * (issue 15: they were ~13 % of intake's CPU, and every consumer pays them on every event). The
 * check is compiled once per class from class-validator's own metadata and calls the same
 * constraint objects class-validator calls, so the rules live only in the decorators. It only
 * ever says "certainly valid": on `false`, validateEventData asks class-validator, which decides
 * and words the errors. Whatever class-validator would treat in a way this does not model (groups,
 * promises, class-transformer's own transforms, default values, an unusual value) compiles or
 * answers `false`. event-data-precheck.spec.ts holds it to class-validator's verdict on every
 * event type.
 */
export function eventDataIsCertainlyValid(schema: new () => object, data: unknown): boolean {
  const check = checkOf(schema);
  return check !== UNCERTAIN && isPlainObject(data) && check(data);
}

type Plain = Record<string, unknown>;
type SchemaClass = new () => object;
type Check = (object: Plain) => boolean;
type ValueCheck = (value: unknown, object: Plain) => boolean;

interface Metadata {
  type: string;
  propertyName: string;
  constraintCls: new () => unknown;
  constraints: unknown[];
  each?: boolean;
  always?: boolean;
  groups?: string[];
  validateIf?: (object: object, value: unknown) => boolean;
}

interface Constraint {
  async: boolean;
  instance: { validate(value: unknown, args: ValidationArguments): unknown };
}

/** A class whose instances this check cannot vouch for: class-validator always decides. */
const UNCERTAIN: Check = () => false;
const compiled = new Map<SchemaClass, Check>();

function checkOf(schema: SchemaClass): Check {
  let check = compiled.get(schema);
  if (!check) {
    // Set first: a class that nests itself finds its own entry while being compiled.
    let own: Check = UNCERTAIN;
    compiled.set(schema, (object) => own(object));
    own = compileSafely(schema);
    check = own;
    compiled.set(schema, own);
  }
  return check;
}

/** A class whose constructor or metadata this cannot read is class-validator's to check. */
function compileSafely(schema: SchemaClass): Check {
  try {
    return compileClass(schema) ?? UNCERTAIN;
  } catch {
    return UNCERTAIN;
  }
}

function compileClass(schema: SchemaClass): Check | undefined {
  // The same call, with the same options, as class-validator's executor for validateSync.
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    schema,
    undefined as unknown as string,
    false,
    false,
    undefined,
  ) as unknown as Metadata[];
  // No metadata: forbidUnknownValues refuses the object.
  if (!metadatas.length || !instancesAreBare(schema, metadatas)) return undefined;
  if (hasTransformerDecorators(schema)) return undefined;
  const byProperty = new Map<string, Metadata[]>();
  for (const metadata of metadatas) {
    if (metadata.always !== undefined || metadata.groups?.length) return undefined;
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  const properties: { name: string; check: ValueCheck }[] = [];
  for (const [name, own] of byProperty) {
    const check = compileProperty(schema, name, own);
    if (!check) return undefined;
    properties.push({ name, check });
  }
  const allowed = new Set(byProperty.keys());
  return (object) => {
    // whitelist + forbidNonWhitelisted: a key without metadata is an error.
    for (const key in object) if (!allowed.has(key)) return false;
    for (const property of properties) if (!property.check(object[property.name], object)) return false;
    return true;
  };
}

/** `new schema()` as class-transformer makes it: no default values, no undecorated fields, no methods. */
function instancesAreBare(schema: SchemaClass, metadatas: Metadata[]): boolean {
  const decorated = new Set(metadatas.map((m) => m.propertyName));
  const instance = new (schema as new () => Plain)();
  const fields = Object.keys(instance).every((key) => decorated.has(key) && instance[key] === undefined);
  const prototypeOwn = Object.getOwnPropertyNames(schema.prototype).filter((name) => name !== 'constructor');
  return fields && prototypeOwn.length === 0;
}

function hasTransformerDecorators(schema: SchemaClass): boolean {
  return (
    defaultMetadataStorage.getExposedMetadatas(schema).length > 0 ||
    defaultMetadataStorage.getExcludedMetadatas(schema).length > 0 ||
    defaultMetadataStorage.getStrategy(schema) !== 'none'
  );
}

function compileProperty(schema: SchemaClass, property: string, metadatas: Metadata[]): ValueCheck | undefined {
  const conditions: Metadata[] = [];
  const defined: ValueCheck[] = [];
  const validations: ValueCheck[] = [];
  let nested: Check | undefined;
  for (const metadata of metadatas) {
    switch (metadata.type) {
      case ValidationTypes.WHITELIST:
        break;
      case ValidationTypes.CONDITIONAL_VALIDATION:
        conditions.push(metadata);
        break;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.CUSTOM_VALIDATION: {
        const checks = compileCustom(schema, metadata);
        if (!checks) return undefined;
        (metadata.type === ValidationTypes.IS_DEFINED ? defined : validations).push(...checks);
        break;
      }
      case ValidationTypes.NESTED_VALIDATION: {
        const type = nestedClass(schema, property);
        if (!type) return undefined;
        nested = checkOf(type);
        break;
      }
      default:
        // PROMISE_VALIDATION and anything newer: class-validator decides.
        return undefined;
    }
  }
  if (defaultMetadataStorage.findTransformMetadatas(schema, property, TransformationType.PLAIN_TO_CLASS).length) {
    return undefined;
  }
  // @Type without @ValidateNested: validators would see instances, not the plain values given.
  if (!nested && defaultMetadataStorage.findTypeMetadata(schema, property)) return undefined;
  const nestedCheck = nested;
  return (value, object) => {
    for (const condition of conditions) {
      if (!(condition.constraints[0] as (o: object, v: unknown) => boolean)(object, value)) return true;
    }
    for (const check of defined) if (!check(value, object)) return false;
    if (!isJsonLeafOrShaped(value, nestedCheck !== undefined)) return false;
    for (const check of validations) if (!check(value, object)) return false;
    return nestedCheck === undefined || nestedIsValid(nestedCheck, value);
  };
}

function compileCustom(schema: SchemaClass, metadata: Metadata): ValueCheck[] | undefined {
  const constraints = getMetadataStorage().getTargetValidatorConstraints(
    metadata.constraintCls,
  ) as unknown as Constraint[];
  if (constraints.some((constraint) => constraint.async)) return undefined;
  return constraints.map((constraint) => (value, object) => {
    if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
    const args: ValidationArguments = {
      targetName: schema.name,
      property: metadata.propertyName,
      object,
      value,
      constraints: metadata.constraints,
    };
    if (metadata.each && Array.isArray(value)) {
      return value.every((item) => resultIsTrue(constraint.instance.validate(item, args)));
    }
    return resultIsTrue(constraint.instance.validate(value, args));
  });
}

/** A promise is not a verdict: class-validator would await it. */
function resultIsTrue(result: unknown): boolean {
  return result === true || (Boolean(result) && !(typeof result === 'object' && 'then' in (result as object)));
}

function nestedClass(schema: SchemaClass, property: string): SchemaClass | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(schema, property);
  // A discriminator picks the class per value; a Set or Map field becomes one, not an array.
  if (!type?.typeFunction || type.options?.discriminator) return undefined;
  if (type.reflectedType === Set || type.reflectedType === Map) return undefined;
  const target = type.typeFunction() as unknown;
  const builtIn = [String, Number, Boolean, Date, Object, Array, Map, Set, Buffer, Promise] as unknown[];
  return typeof target === 'function' && !builtIn.includes(target) ? (target as SchemaClass) : undefined;
}

/** What class-validator does with a nested value: an object is validated, an array item by item. */
function nestedIsValid(check: Check, value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return isPlainObject(value) && check(value);
  for (const item of value as unknown[]) if (!isPlainObject(item) || !check(item)) return false;
  return true;
}

/**
 * Values whose class-transformer copy is indistinguishable from them to a validator: primitives,
 * and plain objects and arrays of them. Nested objects are checked by their class instead.
 * Loops, not every() and Object.values(): this runs for every property of every event, and the
 * closures and arrays those allocate were a tenth of intake's allocation per request (issue 15).
 */
function isJsonLeafOrShaped(value: unknown, nestedObjectsAllowed: boolean): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function';
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!isJsonLeafOrShaped(item, nestedObjectsAllowed)) return false;
    return true;
  }
  if (!isPlainObject(value)) return false;
  if (nestedObjectsAllowed) return true;
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && !isJsonLeafOrShaped(value[key], false)) return false;
  }
  return true;
}

/** An object as JSON.parse makes it (of any realm), without the keys class-transformer skips. */
function isPlainObject(value: unknown): value is Plain {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  return (
    !Object.prototype.hasOwnProperty.call(value, '__proto__') &&
    !Object.prototype.hasOwnProperty.call(value, 'constructor')
  );
}

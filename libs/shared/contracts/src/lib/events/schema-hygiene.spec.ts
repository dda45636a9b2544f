import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { EVENT_DEFINITIONS } from './index';

// class-transformer keeps @Type metadata in a storage it does not export from its index.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformMetadataStorage;
};

type Schema = new () => object;
interface Property {
  owner: string;
  name: string;
  designType: unknown;
  validations: ValidationMetadata[];
  nested?: Schema;
}

/** Every property of every event schema, nested classes included, from the decorators' metadata. */
function propertiesOf(schema: Schema, seen = new Map<Schema, Property[]>()): Map<Schema, Property[]> {
  if (seen.has(schema)) return seen;
  const validations = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  const properties = [...new Set(validations.map((v) => v.propertyName))].map((name): Property => {
    const typeFunction = defaultMetadataStorage.findTypeMetadata(schema, name)?.typeFunction;
    return {
      owner: schema.name,
      name,
      designType: Reflect.getMetadata('design:type', schema.prototype, name),
      validations: validations.filter((v) => v.propertyName === name),
      nested: typeFunction ? (typeFunction() as Schema) : undefined,
    };
  });
  seen.set(schema, properties);
  for (const property of properties) if (property.nested) propertiesOf(property.nested, seen);
  return seen;
}

const all = new Map<Schema, Property[]>();
for (const definition of EVENT_DEFINITIONS) propertiesOf(definition.schema as Schema, all);
const properties = [...all.values()].flat();
const label = (p: Property) => `${p.owner}.${p.name}`;
const has = (p: Property, ...names: string[]) => p.validations.some((v) => names.includes(v.name ?? v.type));

/** Names that invite prose (product.md, Confidentiality; api.md, Events: never free text). */
const FREE_TEXT_NAME = /notes?|description|text|location|factors?|statement|comment|message|content|address/i;

describe('event schemas', () => {
  it('reach nested classes through @Type (the walk below sees participants, guardians, contacts, terms)', () => {
    expect([...all.keys()].map((schema) => schema.name)).toEqual(
      expect.arrayContaining([
        'ReferralParticipant',
        'ParticipantGuardian',
        'EncryptedContact',
        'StaffContact',
        'AgreementTerm',
        'Money',
        'MatchCandidate',
      ]),
    );
  });

  it('have no property named like free text; a reason is only ever a reasonCode or a list of codes', () => {
    const offending = properties.filter((p) => FREE_TEXT_NAME.test(p.name) || p.name === 'reason').map(label);
    expect(offending).toEqual([]);
  });

  it('validate every nested object as its class (@ValidateNested always with @Type)', () => {
    const untyped = properties
      .filter((p) => p.validations.some((v) => v.type === 'nestedValidation') && !p.nested)
      .map(label);
    expect(untyped).toEqual([]);
  });

  it('see the design types the bound checks rely on (swc emits decorator metadata)', () => {
    expect(properties.filter((p) => p.designType === Array).length).toBeGreaterThan(20);
    expect(properties.filter((p) => p.designType === String).length).toBeGreaterThan(60);
  });

  it('bound every list', () => {
    const unbounded = properties.filter((p) => p.designType === Array && !has(p, 'arrayMaxSize')).map(label);
    expect(unbounded).toEqual([]);
  });

  it('bound every string: by length, a closed list, or a bounded pattern', () => {
    const boundedPattern = (v: ValidationMetadata) =>
      v.name === 'matches' && !/[+*]|\{\d+,\}/.test(String((v.constraints?.[0] as RegExp).source));
    const unbounded = properties
      .filter((p) => p.designType === String || (p.designType === Array && !p.nested && !has(p, 'isIn', 'isUuid')))
      .filter(
        (p) =>
          !has(p, 'isLength', 'maxLength', 'isIn', 'isUuid', 'equals', 'isIso8601') &&
          !p.validations.some(boundedPattern),
      )
      .map(label);
    expect(unbounded).toEqual([]);
  });

  it('make every property say what it accepts (no property validated by nothing but presence)', () => {
    const loose = properties
      .filter((p) =>
        p.validations.every((v) =>
          ['isOptional', 'isDefined', 'conditionalValidation', 'isConsistent'].includes(v.name ?? v.type),
        ),
      )
      .map(label);
    expect(loose).toEqual([]);
  });
});

import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { findEventDefinition } from './catalogue';
import { flattenValidationErrors, validateEventData, type EventDefinition } from './define-event';
import { CORRELATION_ID_MAX_LENGTH, type EventEnvelope } from './envelope';
import { envelopeShapeIsCertainlyValid } from './envelope-precheck';
import { ROLES, type Role } from './roles';

class ActorSchema {
  @IsString() @Length(1, 200) sub: string;
  @IsIn(ROLES) role: Role;
  // null for the platform's own actions; validated as a string when present.
  @IsOptional() @IsString() @Length(1, 200) org: string | null;
}

class EnvelopeSchema {
  @IsUUID() id: string;
  @IsString() @Length(1, 100) type: string;
  @IsInt() @Min(1) version: number;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsString() @Length(1, 50) aggregateType: string;
  @IsString() @Length(1, 100) aggregateId: string;
  @IsOptional() @IsUUID() referralId: string | null;
  // IsObject: ValidateNested alone lets an array through (an empty one has nothing to check).
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ActorSchema) actor: ActorSchema;
  @IsString() @Length(1, CORRELATION_ID_MAX_LENGTH) correlationId: string;
  @IsOptional() @IsString() @Length(1, CORRELATION_ID_MAX_LENGTH) causationId: string | null;
  @IsObject() data: object;
}

/** The envelope's own fields only (not the catalogue, not the data's schema). Returns messages. */
export function checkEnvelopeShape(raw: object): string[] {
  return envelopeShapeIsCertainlyValid(raw) ? [] : envelopeShapeErrors(raw);
}

/** class-validator's verdict on the envelope's shape, in its words: the reference for the precheck. */
export function envelopeShapeErrors(raw: object): string[] {
  const instance = plainToInstance(EnvelopeSchema, raw);
  return flattenValidationErrors(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
}

export type EnvelopeCheck =
  | { ok: true; envelope: EventEnvelope; definition: EventDefinition }
  | { ok: false; errors: string[]; envelope?: unknown };

/**
 * Checks a received event completely: the envelope's shape, that its type and version are
 * in the catalogue, that referral events name their referral, and the data's schema.
 */
export function checkEnvelope(raw: unknown): EnvelopeCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: ['event must be a JSON object'] };
  const envelopeErrors = checkEnvelopeShape(raw);
  if (envelopeErrors.length) return { ok: false, errors: envelopeErrors, envelope: raw };
  const envelope = raw as EventEnvelope;
  const definition = findEventDefinition(envelope.type, envelope.version);
  if (!definition) return { ok: false, errors: [`unknown event type ${envelope.type} v${envelope.version}`], envelope };
  const errors: string[] = [];
  if (definition.aggregateType !== envelope.aggregateType) {
    errors.push(`aggregateType must be ${definition.aggregateType} for ${envelope.type}`);
  }
  if (definition.referralScoped && !envelope.referralId) errors.push(`referralId is required for ${envelope.type}`);
  if (!definition.referralScoped && envelope.referralId) errors.push(`referralId must be null for ${envelope.type}`);
  errors.push(...validateEventData(definition, envelope.data).map((e) => `data.${e}`));
  return errors.length ? { ok: false, errors, envelope } : { ok: true, envelope, definition };
}

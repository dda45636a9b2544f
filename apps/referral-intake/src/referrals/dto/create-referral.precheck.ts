import {
  arrayMaxSize,
  arrayMinSize,
  arrayUnique,
  isBoolean,
  isEmail,
  isIn,
  isISO8601,
  isString,
  length,
  matches,
  maxLength,
} from 'class-validator';
import {
  CODE_PATTERN,
  ISO_DATE_PATTERN,
  LANGUAGE_PATTERN,
  MAX_PARTICIPANTS,
  OFFENSE_SEVERITIES,
  PARTY_ROLES,
  REFERRAL_SOURCES,
  SAFE_CHANNELS,
  STAGES,
} from '@rj/shared/contracts';
import { CreateReferralDto, OffenseDto } from './create-referral.dto';
import {
  ContactDto,
  MAX_FREE_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  NOT_BLANK,
  PartyDto,
  PHONE,
  RepresentativeDto,
  unreachableSafeChannel,
} from './party.dto';

/**
 * The referral body's rules, precompiled (issue 15: class-validator and class-transformer were a
 * fifth of a submission's CPU). The same constraints as the decorators of CreateReferralDto and
 * its nested classes, through class-validator's own functions, so a value passes here only if it
 * passes there; anything in doubt returns undefined and the strict pipe decides, naming the
 * field errors as ever. The DTO is built as class-transformer builds it: `new` of each class,
 * then the body's own keys. create-referral.precheck.spec.ts holds both to the same answers and
 * fails when a decorator changes without this file.
 */
type Plain = Record<string, unknown>;

const optional = (value: unknown) => value === null || value === undefined;
// class-validator's `matches` and `isISO8601` refuse a non-string themselves; isString says so to the compiler.
const isCode = (value: unknown) => isString(value) && matches(value, CODE_PATTERN);
const isIsoDate = (value: unknown) =>
  isString(value) && matches(value, ISO_DATE_PATTERN) && isISO8601(value, { strict: true });
const isText = (value: unknown) => optional(value) || (isString(value) && maxLength(value, MAX_FREE_TEXT_LENGTH));
const isName = (value: unknown) => isString(value) && length(value, 1, MAX_NAME_LENGTH) && matches(value, NOT_BLANK);

/** A JSON object with no key but these: class-validator's whitelist refuses any other. */
function plainWithOnly(value: unknown, keys: ReadonlySet<string>): value is Plain {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  // A plain object (of any realm), as JSON.parse makes them; never an instance of a class.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || Object.getPrototypeOf(prototype) !== null) return false;
  for (const key of Object.keys(value)) if (!keys.has(key)) return false;
  return true;
}

/** What plainToInstance makes of a checked object: a new instance with the body's keys. */
function instance<T extends object>(type: new () => T, value: Plain, nested: Partial<Record<keyof T, unknown>>): T {
  return Object.assign(new type(), value, nested);
}

const CONTACT_KEYS = new Set(['email', 'phone', 'safeChannels']);
function contact(value: unknown): ContactDto | undefined {
  if (!plainWithOnly(value, CONTACT_KEYS)) return undefined;
  const { email, phone, safeChannels } = value;
  const valid =
    (optional(email) || (isEmail(email) && maxLength(email, 254))) &&
    (optional(phone) || (isString(phone) && matches(phone, PHONE))) &&
    Array.isArray(safeChannels) &&
    arrayMaxSize(safeChannels, SAFE_CHANNELS.length) &&
    arrayUnique(safeChannels) &&
    safeChannels.every((channel) => isIn(channel, SAFE_CHANNELS)) &&
    unreachableSafeChannel(value) === undefined;
  return valid ? instance(ContactDto, value, { safeChannels: [...safeChannels] }) : undefined;
}

const REPRESENTATIVE_KEYS = new Set(['fullName', 'contact']);
/** Undefined when invalid; null or undefined as given when the optional field is absent. */
function representative(value: unknown): RepresentativeDto | null | undefined | false {
  if (optional(value)) return value as null | undefined;
  if (!plainWithOnly(value, REPRESENTATIVE_KEYS) || !isName(value.fullName)) return false;
  const checked = contact(value.contact);
  return checked ? instance(RepresentativeDto, value, { contact: checked }) : false;
}

const PARTY_KEYS = new Set([
  'role',
  'fullName',
  'dateOfBirth',
  'minor',
  'guardian',
  'contact',
  'preferredLanguage',
  'interpreter',
  'accessibilityNeeds',
  'counsel',
]);
function party(value: unknown): PartyDto | undefined {
  if (!plainWithOnly(value, PARTY_KEYS)) return undefined;
  const valid =
    isIn(value.role, PARTY_ROLES) &&
    isName(value.fullName) &&
    (optional(value.dateOfBirth) || isIsoDate(value.dateOfBirth)) &&
    isBoolean(value.minor) &&
    isString(value.preferredLanguage) &&
    matches(value.preferredLanguage, LANGUAGE_PATTERN) &&
    isBoolean(value.interpreter) &&
    isText(value.accessibilityNeeds);
  if (!valid) return undefined;
  const [guardian, counsel, checkedContact] = [
    representative(value.guardian),
    representative(value.counsel),
    contact(value.contact),
  ];
  if (guardian === false || counsel === false || !checkedContact) return undefined;
  const nested: Partial<Record<keyof PartyDto, unknown>> = { contact: checkedContact };
  if ('guardian' in value) nested.guardian = guardian;
  if ('counsel' in value) nested.counsel = counsel;
  return instance(PartyDto, value, nested);
}

const OFFENSE_KEYS = new Set(['code', 'category', 'severity', 'description']);
function offense(value: unknown): OffenseDto | undefined {
  if (!plainWithOnly(value, OFFENSE_KEYS)) return undefined;
  const valid =
    isCode(value.code) &&
    isCode(value.category) &&
    isIn(value.severity, OFFENSE_SEVERITIES) &&
    isText(value.description);
  return valid ? instance(OffenseDto, value, {}) : undefined;
}

const REFERRAL_KEYS = new Set([
  'source',
  'caseNumber',
  'jurisdiction',
  'offense',
  'incidentDate',
  'stage',
  'protectiveOrder',
  'reportBackBy',
  'parties',
  'notes',
]);
export function precheckReferralBody(value: unknown): CreateReferralDto | undefined {
  if (!plainWithOnly(value, REFERRAL_KEYS)) return undefined;
  const { parties } = value;
  const valid =
    isIn(value.source, REFERRAL_SOURCES) &&
    isString(value.caseNumber) &&
    length(value.caseNumber, 1, 100) &&
    matches(value.caseNumber, NOT_BLANK) &&
    isCode(value.jurisdiction) &&
    isIsoDate(value.incidentDate) &&
    isIn(value.stage, STAGES) &&
    isBoolean(value.protectiveOrder) &&
    isIsoDate(value.reportBackBy) &&
    isText(value.notes) &&
    Array.isArray(parties) &&
    arrayMinSize(parties, 2) &&
    arrayMaxSize(parties, MAX_PARTICIPANTS);
  if (!valid) return undefined;
  const checkedOffense = offense(value.offense);
  const checkedParties = parties.map(party);
  if (!checkedOffense || !checkedParties.every((p) => p !== undefined)) return undefined;
  return instance(CreateReferralDto, value, { offense: checkedOffense, parties: checkedParties });
}

import type { ContactRow, PartyEntity, RepresentativeRow } from '@rj/referral/data-access';
import { decryptFields, encryptFields, mapPaths, type DataKey } from '@rj/shared/pii';
import type { ContactDto, PartyDto, RepresentativeDto } from './dto/party.dto';

/**
 * Where a party's personal data sits (api.md, Referral body: names, birth dates, contacts,
 * guardians, counsel; accessibility needs are free text). Each is encrypted on its own under
 * the referral's data key; everything else about a party is a code or a flag.
 */
export const PARTY_PERSONAL_PATHS = [
  'fullName',
  'dateOfBirth',
  'accessibilityNeeds',
  'contact.email',
  'contact.phone',
  'guardian.fullName',
  'guardian.contact.email',
  'guardian.contact.phone',
  'counsel.fullName',
  'counsel.contact.email',
  'counsel.contact.phone',
] as const;

/** A party's personal part, encrypted (ciphertext strings) or decrypted; null once erased. */
export interface PartyPersonalData {
  fullName: string | null;
  dateOfBirth?: string | null;
  accessibilityNeeds?: string | null;
  contact: ContactRow;
  guardian?: RepresentativeRow | null;
  counsel?: RepresentativeRow | null;
}

export function encryptPartyPersonalData(party: PartyDto, dataKey: DataKey): PartyPersonalData {
  const plain: PartyPersonalData = {
    fullName: party.fullName,
    ...(party.dateOfBirth !== undefined && { dateOfBirth: party.dateOfBirth }),
    ...(party.accessibilityNeeds !== undefined && { accessibilityNeeds: party.accessibilityNeeds }),
    contact: contactOf(party.contact),
    ...(party.guardian && { guardian: representativeOf(party.guardian) }),
    ...(party.counsel && { counsel: representativeOf(party.counsel) }),
  };
  return encryptFields(plain, PARTY_PERSONAL_PATHS, dataKey);
}

export function personalDataOf(row: PartyEntity): PartyPersonalData {
  return {
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    accessibilityNeeds: row.accessibilityNeeds,
    contact: row.contact,
    guardian: row.guardian,
    counsel: row.counsel,
  };
}

/** Decrypted with the referral's key; with no key (erased), every personal value reads null. */
export function revealPartyPersonalData(data: PartyPersonalData, dataKey: DataKey | null): PartyPersonalData {
  return dataKey ? decryptFields(data, PARTY_PERSONAL_PATHS, dataKey) : erasePartyPersonalData(data);
}

/** Erasure here: every personal value becomes null; safe channels and the shape stay. */
export function erasePartyPersonalData(data: PartyPersonalData): PartyPersonalData {
  return mapPaths(data, PARTY_PERSONAL_PATHS, () => null);
}

/** The personal fields a read actually revealed, as personal_data.read names them. */
export function revealedPartyFields(data: PartyPersonalData): string[] {
  const contactRevealed = (contact?: ContactRow | null) => Boolean(contact?.email || contact?.phone);
  return [
    data.fullName ? 'parties.fullName' : null,
    data.dateOfBirth ? 'parties.dateOfBirth' : null,
    data.accessibilityNeeds ? 'parties.accessibilityNeeds' : null,
    contactRevealed(data.contact) ? 'parties.contact' : null,
    data.guardian?.fullName || contactRevealed(data.guardian?.contact) ? 'parties.guardian' : null,
    data.counsel?.fullName || contactRevealed(data.counsel?.contact) ? 'parties.counsel' : null,
  ].filter((field): field is string => field !== null);
}

function contactOf(contact: ContactDto): ContactRow {
  return {
    ...(contact.email !== undefined && { email: contact.email }),
    ...(contact.phone !== undefined && { phone: contact.phone }),
    safeChannels: [...contact.safeChannels],
  };
}

function representativeOf(representative: RepresentativeDto): RepresentativeRow {
  return { fullName: representative.fullName, contact: contactOf(representative.contact) };
}

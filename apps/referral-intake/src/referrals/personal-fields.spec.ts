import { isCiphertext } from '@rj/shared/contracts';
import { generateDataKey } from '@rj/shared/pii';
import type { PartyDto } from './dto/party.dto';
import {
  encryptPartyPersonalData,
  erasePartyPersonalData,
  revealedPartyFields,
  revealPartyPersonalData,
} from './personal-fields';

const party: PartyDto = {
  role: 'responsible',
  fullName: 'Tom Jansen',
  dateOfBirth: '2009-06-01',
  minor: true,
  guardian: { fullName: 'Els Jansen', contact: { email: 'els@example.org', safeChannels: ['email'] } },
  contact: { phone: '+31 6 87654321', safeChannels: ['phone'] },
  preferredLanguage: 'en',
  interpreter: true,
  accessibilityNeeds: 'Step-free access',
  counsel: { fullName: 'Mr. P. Bakker', contact: { email: 'bakker@law.example', safeChannels: ['email'] } },
};

describe("a party's personal data", () => {
  const key = generateDataKey();

  it('is encrypted field by field, leaving safe channels readable and nothing in plaintext', () => {
    const encrypted = encryptPartyPersonalData(party, key);
    for (const value of [
      encrypted.fullName,
      encrypted.dateOfBirth,
      encrypted.accessibilityNeeds,
      encrypted.contact.phone,
      encrypted.guardian?.fullName,
      encrypted.guardian?.contact.email,
      encrypted.counsel?.fullName,
    ]) {
      expect(isCiphertext(value)).toBe(true);
    }
    expect(encrypted.contact).not.toHaveProperty('email');
    expect(encrypted.guardian?.contact.safeChannels).toEqual(['email']);
    expect(JSON.stringify(encrypted)).not.toMatch(/Jansen|Bakker|example\.org|87654321|Step-free/);
  });

  it('reads back with the key, and as null without it (erased)', () => {
    const encrypted = encryptPartyPersonalData(party, key);
    expect(revealPartyPersonalData(encrypted, key)).toMatchObject({
      fullName: 'Tom Jansen',
      guardian: { fullName: 'Els Jansen', contact: { email: 'els@example.org' } },
      counsel: party.counsel,
    });
    const erased = revealPartyPersonalData(encrypted, null);
    expect(erased).toEqual(erasePartyPersonalData(encrypted));
    expect(erased).toMatchObject({
      fullName: null,
      dateOfBirth: null,
      contact: { phone: null, safeChannels: ['phone'] },
      guardian: { fullName: null, contact: { email: null, safeChannels: ['email'] } },
    });
  });

  it('names the fields a read revealed, and none once erased', () => {
    const revealed = revealPartyPersonalData(encryptPartyPersonalData(party, key), key);
    expect(revealedPartyFields(revealed)).toEqual([
      'parties.fullName',
      'parties.dateOfBirth',
      'parties.accessibilityNeeds',
      'parties.contact',
      'parties.guardian',
      'parties.counsel',
    ]);
    expect(revealedPartyFields(revealPartyPersonalData(encryptPartyPersonalData(party, key), null))).toEqual([]);
  });
});

import type { ReferralParticipant } from '@rj/shared/contracts';
import type { KeyStoreClient } from '@rj/shared/pii';

export interface PlainContact {
  email: string | null;
  phone: string | null;
  safeChannels: string[];
}

export interface PlainParticipant {
  fullName: string | null;
  contact: PlainContact;
  guardian: { fullName: string | null; contact: PlainContact } | null;
}

/**
 * Names and contacts for the accepting partner's people (product.md: "a partner only after
 * accepting"). Erased data reads as null; an unreachable key store is a 503 (DependencyUnavailable).
 */
export async function decryptParticipant(
  keyStore: KeyStoreClient,
  participant: ReferralParticipant,
  erased: boolean,
): Promise<PlainParticipant> {
  const plain = (value: string | undefined) => (erased ? Promise.resolve(null) : keyStore.decrypt(value));
  const contact = async (c: ReferralParticipant['contact']): Promise<PlainContact> => ({
    email: await plain(c.email),
    phone: await plain(c.phone),
    safeChannels: [...c.safeChannels],
  });
  return {
    fullName: await plain(participant.fullName),
    contact: await contact(participant.contact),
    guardian: participant.guardian
      ? { fullName: await plain(participant.guardian.fullName), contact: await contact(participant.guardian.contact) }
      : null,
  };
}

/** The party's name only: all a proposed mediator reads before declaring about the parties. */
export async function decryptName(
  keyStore: KeyStoreClient,
  participant: ReferralParticipant,
  erased: boolean,
): Promise<string | null> {
  return erased ? null : keyStore.decrypt(participant.fullName);
}

export const DECRYPTED_FIELDS = ['participants.fullName', 'participants.contact', 'participants.guardian'];
export const DECRYPTED_NAME_FIELDS = ['participants.fullName'];

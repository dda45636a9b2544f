import type { SafeChannel } from '@rj/shared/contracts';

/** A participant's contact: addresses (plain or ciphertext) and the channels they marked safe. */
export interface ParticipantContact {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly safeChannels: readonly string[];
}

export interface ChosenChannel {
  readonly channel: SafeChannel;
  readonly address: string;
}

/**
 * product.md, Scheduling: reminders go only through channels the participant marked safe. An
 * address on file is not permission to use it; a shared inbox can put someone at risk.
 */
export function safeEmailOf(contact: ParticipantContact): string | null {
  return contact.safeChannels.includes('email') && contact.email ? contact.email : null;
}

/**
 * The first channel, in the platform's order of preference (`supported`), that the participant
 * marked safe and has an address for; null means "record the notification as skipped".
 */
export function chooseChannel(
  contact: ParticipantContact,
  supported: readonly SafeChannel[] = ['email'],
): ChosenChannel | null {
  for (const channel of supported) {
    if (!contact.safeChannels.includes(channel)) continue;
    const address = channel === 'email' ? contact.email : contact.phone;
    if (address) return { channel, address };
  }
  return null;
}

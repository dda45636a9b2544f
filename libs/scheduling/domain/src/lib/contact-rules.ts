import { InvalidInput, type SafeChannel } from '@rj/shared/contracts';

export interface ContactUpdate {
  readonly email: string | null;
  readonly phone: string | null;
  readonly safeChannels: readonly SafeChannel[];
}

/**
 * A channel is safe only for something the participant can be reached on (product.md:
 * reminders go out only through channels the participant marked as safe): e-mail needs an
 * address, a text message or a call needs a number. No safe channel at all is allowed: the
 * participant is then never sent anything.
 */
export function assertContactConsistent(contact: ContactUpdate): void {
  const errors: { field: string; message: string }[] = [];
  if (contact.safeChannels.includes('email') && !contact.email)
    errors.push({ field: 'email', message: 'is needed for e-mail to be a safe channel' });
  const needsPhone = contact.safeChannels.filter((channel) => channel === 'sms' || channel === 'phone');
  if (needsPhone.length && !contact.phone)
    errors.push({ field: 'phone', message: 'is needed for text messages or calls to be a safe channel' });
  if (new Set(contact.safeChannels).size !== contact.safeChannels.length)
    errors.push({ field: 'safeChannels', message: 'names each channel once' });
  if (errors.length) throw new InvalidInput('invalid contact', errors);
}

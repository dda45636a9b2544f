import type { ReminderSkipReasonCode } from '@rj/shared/contracts';
import { FALLBACK_LANGUAGE, messageLanguageFor, renderMessage } from './messages/catalogue';
import type { MessageKey, MessageValues } from './messages/message-keys';

/** A mail to a participant as the catalogue writes it: a subject key and a body key under one name. */
export type ParticipantMailKind = MessageKey extends `${infer Kind}.${'subject' | 'body'}` ? Kind : never;

/** Subject and body of one kind of mail in one catalogued language. */
export function renderParticipantMail(
  language: string,
  kind: ParticipantMailKind,
  values: MessageValues,
): { subject: string; body: string } {
  return {
    subject: renderMessage(language, `${kind}.subject` as MessageKey, values),
    body: renderMessage(language, `${kind}.body` as MessageKey, values),
  };
}

/**
 * The zone whose quiet hours a participant's mail waits out: their own when a mediator recorded
 * one, else their jurisdiction's. None known: the mail goes as due (there is no night to keep).
 */
export function quietHoursZone(
  own: string | null | undefined,
  jurisdiction: string | null | undefined,
): string | undefined {
  return own || jurisdiction || undefined;
}

/**
 * messageLanguageFor, for a service that may not know the language or the interpreter need (a
 * participant kept before they were): unknown reads as English without an interpreter.
 */
export function participantMessageLanguage(
  participant: Pick<ParticipantMailFacts, 'preferredLanguage' | 'interpreter'>,
): string | null {
  return messageLanguageFor({
    preferredLanguage: participant.preferredLanguage ?? FALLBACK_LANGUAGE,
    interpreter: participant.interpreter === true,
  });
}

export interface ParticipantMailFacts {
  /** Their safe e-mail address (ciphertext), or null when none is confirmed safe now. */
  readonly address: string | null;
  readonly personalDataErased?: boolean;
  /** Null when the service does not know it (kept before languages were): treated as English, no interpreter. */
  readonly preferredLanguage: string | null;
  readonly interpreter: boolean | null;
}

export type ParticipantMailDecision =
  | { readonly send: true; readonly address: string; readonly language: string }
  | {
      readonly send: false;
      readonly reason: ReminderSkipReasonCode;
      /** The language its skipped record is written in (the record keeps the words that were not sent). */
      readonly language: string;
    };

/**
 * Whether a participant gets a mail, and in which language, in the order every service checks:
 * erased data, then a safe channel, then a catalogue they can read. Someone who needs an
 * interpreter in a language without a catalogue gets no mail they cannot read
 * (`no_message_in_language`: their mediator phones them instead).
 */
export function decideParticipantMail(facts: ParticipantMailFacts): ParticipantMailDecision {
  const language = participantMessageLanguage(facts);
  if (facts.personalDataErased) return { send: false, reason: 'personal_data_erased', language: FALLBACK_LANGUAGE };
  if (!facts.address) return { send: false, reason: 'no_safe_channel', language: language ?? FALLBACK_LANGUAGE };
  if (!language) return { send: false, reason: 'no_message_in_language', language: FALLBACK_LANGUAGE };
  return { send: true, address: facts.address, language };
}

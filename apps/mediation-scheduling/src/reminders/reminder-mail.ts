import type { SessionKind } from '@rj/shared/contracts';
import { localDateTime, renderMessage } from '@rj/shared/notifications';

export interface ReminderMailInput {
  readonly kind: SessionKind;
  readonly startsAt: Date;
  /** A language with a catalogue (messageLanguageFor): the caller has decided one can be written. */
  readonly language: string;
  /** The participant's IANA time zone: the time is theirs, with the zone named. */
  readonly timeZone: string;
  /** Someone in the session needs an interpreter: the reminder says one will be there. */
  readonly interpreter: boolean;
}

/**
 * A reminder's words, from the catalogue in the participant's language: the kind of meeting
 * and its local time, and the interpreter when there is one. No names, no place, no offence: a
 * reminder may be read by someone else on the participant's device.
 */
export function reminderMail(input: ReminderMailInput): { subject: string; body: string } {
  const values = {
    kind: input.kind,
    ...localDateTime(input.startsAt, input.language, input.timeZone),
    interpreter: input.interpreter ? ('yes' as const) : ('no' as const),
  };
  return {
    subject: renderMessage(input.language, 'session.reminder.subject', values),
    body: renderMessage(input.language, 'session.reminder.body', values),
  };
}

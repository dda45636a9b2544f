import type { SessionKind } from '@rj/shared/contracts';

const KIND_WORDS: Record<SessionKind, string> = {
  preparation: 'preparation meeting',
  joint_dialogue: 'dialogue meeting',
  indirect_dialogue: 'mediation session',
  follow_up: 'follow-up meeting',
};

/**
 * A reminder's words: the kind of meeting and its time, nothing else. No names, no place, no
 * offence: a reminder may be read by someone else on the participant's device.
 */
export function reminderMail(kind: SessionKind, startsAt: Date): { subject: string; body: string } {
  const when = `${startsAt.toISOString().slice(0, 10)} at ${startsAt.toISOString().slice(11, 16)} UTC`;
  return {
    subject: `Reminder: your ${KIND_WORDS[kind]} on ${when}`,
    body: `This is a reminder of your ${KIND_WORDS[kind]} on ${when}.\nIf you cannot attend, please contact your mediator.`,
  };
}

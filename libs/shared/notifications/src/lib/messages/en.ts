import type { Catalogue } from './message-keys';

const KIND =
  '{kind, select, preparation {preparation meeting} joint_dialogue {dialogue meeting} indirect_dialogue {mediation session} other {follow-up meeting}}';

// Every survey mail ends with the "stop asking me" link (issue 20).
const SURVEY =
  'Some time ago you took part in a meeting. We would like to know how it went for you.\n\nAnswering takes about five minutes. Your answers are anonymous, change nothing for you, and nobody checks whether you answered.\n\nAnswer here (the link works once, for 30 days): {link}\n\nIf you would rather answer by phone, or with an interpreter, with someone other than the person who ran your meeting, reply to this e-mail.\n\nIf you would rather not be asked again, tell us here and we will not write about this again: {stopLink}';

export const en: Catalogue = {
  'session.reminder.subject': `Reminder: your ${KIND} on {date} at {time}`,
  'session.reminder.body': `This is a reminder of your ${KIND} on {date} at {time} ({zone}).{interpreter, select, yes {\nAn interpreter will be there for you.} other {}}\nIf you cannot attend, please contact your mediator.`,
  // Read by whoever sees the inbox or the screen: says that an agreement was kept or not, never what it was about.
  'outcome.notice.subject': 'An update you asked for',
  'outcome.notice.body':
    'You asked to be told whether the agreement made after your meeting was kept.\n{result, select, completed {Every term of the agreement has been completed.} other {The terms of the agreement were not all completed, and the case has been returned to the prosecutor.}}',
  'feedback.invitation.subject': 'A few questions for you',
  'feedback.invitation.body': SURVEY,
  'feedback.reminder.subject': 'A reminder: a few questions for you',
  'feedback.reminder.body': `We wrote to you a week ago with a few questions. This is our only reminder.\n\n${SURVEY}`,
};

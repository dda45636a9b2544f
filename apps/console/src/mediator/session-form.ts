/** The schedule form's fields, read into the service's body; times are UTC, as the console shows them. */
export interface SessionFormValues {
  kind?: string;
  day?: string;
  month?: string;
  year?: string;
  time?: string;
  duration?: string;
  venueType?: string;
  location?: string;
  participantIds?: string[];
  held?: string;
  present?: string[];
}

export interface FormErrors {
  summary: { href: string; text: string }[];
  byField: Record<string, { text: string }>;
}

export const SESSION_KINDS = ['preparation', 'joint_dialogue', 'indirect_dialogue', 'follow_up'] as const;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

export function readSessionForm(form: Record<string, unknown>): SessionFormValues {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : undefined);
  return {
    kind: text('kind'),
    day: text('startsOn-day'),
    month: text('startsOn-month'),
    year: text('startsOn-year'),
    time: text('time'),
    duration: text('duration'),
    venueType: text('venueType'),
    location: text('location'),
    participantIds: asList(form['participantIds']),
    held: text('held'),
    present: asList(form['present']),
  };
}

/** The start and end in ISO 8601 (UTC), or the problems with what was entered. */
export function sessionTimes(values: SessionFormValues): { startsAt: string; endsAt: string } | FormErrors {
  const errors: FormErrors = { summary: [], byField: {} };
  const add = (field: string, href: string, text: string) => {
    errors.summary.push({ href, text });
    errors.byField[field] = { text };
  };
  const [day, month, year] = [Number(values.day), Number(values.month), Number(values.year)];
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    year > 2000 &&
    date.getUTCDate() === day &&
    date.getUTCMonth() === month - 1;
  if (!realDate) add('startsOn', '#startsOn-day', 'Enter a real date, for example 27 3 2027');
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(values.time ?? '');
  if (!time) add('time', '#time', 'Enter a start time in 24-hour form, for example 14:30');
  const minutes = Number(values.duration);
  if (!Number.isInteger(minutes) || minutes < 15 || minutes > 480)
    add('duration', '#duration', 'Enter how long it lasts in minutes, from 15 to 480');
  if (errors.summary.length || !time) return errors;
  const startsAt = new Date(date.getTime() + (Number(time[1]) * 60 + Number(time[2])) * 60_000);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() };
}

export function isFormErrors(value: unknown): value is FormErrors {
  return typeof value === 'object' && value !== null && 'summary' in value;
}

/** One BullMQ queue the dashboard shows: the service's key prefix and the queue's name. */
export interface QueueRef {
  prefix: string;
  name: string;
}

/** The platform's queues: each service's JOBS_PREFIX with its own job queue and its e-mail queue. */
export const DEFAULT_DASHBOARD_QUEUES = [
  'rj-referral-intake:referral-deadlines',
  'rj-referral-intake:notifications',
  'rj-partner-matching:offer-expiry',
  'rj-partner-matching:notifications',
  'rj-mediation-scheduling:scheduling-reminders',
  'rj-mediation-scheduling:notifications',
  'rj-outcome-tracking:outcome-scan',
  'rj-outcome-tracking:notifications',
].join(',');

const NAME = '[A-Za-z0-9._-]+';
/** `prefix:queue` pairs separated by commas; names as the services' env validation allows. */
export const QUEUE_LIST_PATTERN = new RegExp(`^\\s*${NAME}:${NAME}(\\s*,\\s*${NAME}:${NAME})*\\s*$`);

/** The queues of a validated QUEUE_DASHBOARD_QUEUES value, duplicates dropped. */
export function parseQueueList(value: string): QueueRef[] {
  if (!QUEUE_LIST_PATTERN.test(value)) throw new Error(`not a list of prefix:queue: ${value}`);
  const unique = new Set(value.split(',').map((entry) => entry.trim()));
  return [...unique].map((entry) => {
    const [prefix, name] = entry.split(':');
    return { prefix, name };
  });
}

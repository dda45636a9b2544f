import { validateConsoleConfig } from '../../console.env';
import { mayOpenQueueDashboard } from './queue-access';
import { DEFAULT_DASHBOARD_QUEUES, parseQueueList } from './queue-list';

describe('the queue dashboard’s queue list', () => {
  it('defaults to every service’s job queue and e-mail queue under its JOBS_PREFIX', () => {
    const queues = parseQueueList(DEFAULT_DASHBOARD_QUEUES);
    expect(queues).toContainEqual({ prefix: 'rj-referral-intake', name: 'referral-deadlines' });
    expect(queues).toContainEqual({ prefix: 'rj-partner-matching', name: 'offer-expiry' });
    expect(queues).toContainEqual({ prefix: 'rj-mediation-scheduling', name: 'scheduling-reminders' });
    expect(queues).toContainEqual({ prefix: 'rj-outcome-tracking', name: 'outcome-scan' });
    expect(queues.filter((queue) => queue.name === 'notifications')).toHaveLength(4);
  });

  it('reads prefix:queue pairs, spaces and duplicates aside', () => {
    expect(parseQueueList(' a:one , b:two,a:one ')).toEqual([
      { prefix: 'a', name: 'one' },
      { prefix: 'b', name: 'two' },
    ]);
  });

  it('is validated with the console’s environment', () => {
    expect(validateConsoleConfig({}).config?.QUEUE_DASHBOARD_QUEUES).toBe(DEFAULT_DASHBOARD_QUEUES);
    expect(validateConsoleConfig({ QUEUE_DASHBOARD_QUEUES: 'x:y,z:w' }).config?.QUEUE_DASHBOARD_QUEUES).toBe('x:y,z:w');
    expect(validateConsoleConfig({ QUEUE_DASHBOARD_QUEUES: 'no-colon' }).errors.join()).toContain(
      'QUEUE_DASHBOARD_QUEUES',
    );
  });

  it('opens for administrators only', () => {
    expect(mayOpenQueueDashboard('admin')).toBe(true);
    for (const role of ['prosecutor', 'auditor', 'partner_admin', 'mediator'] as const)
      expect(mayOpenQueueDashboard(role)).toBe(false);
    expect(mayOpenQueueDashboard(undefined)).toBe(false);
  });
});

import type { Role } from '@rj/shared/contracts';
import { navigationFor } from '../../platform/page-context';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Who may open the dashboard: whoever's navigation offers it (administrators). */
export function mayOpenQueueDashboard(role: Role | undefined): boolean {
  return role !== undefined && navigationFor(role).some((item) => item.href === QUEUE_DASHBOARD_PATH);
}

/** The dashboard only reads: anything but GET/HEAD is refused before the third-party router. */
export function isReadOnlyMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

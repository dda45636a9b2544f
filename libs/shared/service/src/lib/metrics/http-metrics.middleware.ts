import { serviceMetrics } from './metrics-registry';

interface RoutedRequest {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown };
}

interface FinishingResponse {
  statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/**
 * Times every request. The route label is Express's matched template (`/api/referrals/:id`),
 * never the raw URL: ids in labels would create a series per referral. Requests that matched
 * no route (404s, bodies refused before routing) share the label "unmatched".
 */
export function httpMetricsMiddleware(req: RoutedRequest, res: FinishingResponse, next: () => void): void {
  const stop = serviceMetrics().httpDuration.startTimer();
  let recorded = false;
  const record = (): void => {
    if (recorded) return;
    recorded = true;
    const template = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
    stop({ method: req.method, route: template, status: String(res.statusCode) });
  };
  res.once('finish', record);
  res.once('close', record);
  next();
}

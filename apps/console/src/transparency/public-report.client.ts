import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ConsoleEnv } from '../console.env';
import { ApiUnavailable } from '../platform/api-client';
import { CONSOLE_CONFIG } from '../platform/tokens';

/**
 * Reads outcome-tracking's public transparency endpoints, which need no token: the public
 * pages are for people who never sign in. A 404 there (not published) is a 404 here.
 */
@Injectable()
export class PublicReportClient {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv) {}

  async get<T>(path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.config.OUTCOME_TRACKING_URL), {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.config.API_TIMEOUT_MS),
      });
    } catch {
      throw new ApiUnavailable('outcome-tracking', '');
    }
    if (response.status === 404 || response.status === 400) throw new NotFoundException();
    if (!response.ok) throw new ApiUnavailable('outcome-tracking', '', response.status);
    return (await response.json()) as T;
  }
}

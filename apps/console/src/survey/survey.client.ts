import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleEnv } from '../console.env';
import { ApiUnavailable } from '../platform/api-client';
import { CONSOLE_CONFIG } from '../platform/tokens';

export interface SurveyAnswer {
  survey: string;
  language: string;
  version: 'adult' | 'minor';
  items: { id: string; text: string }[];
}

export type SurveyReply<T> =
  | { status: 'ok'; body: T }
  | { status: 'closed'; state: 'used' | 'expired' | 'unknown'; language?: string }
  | { status: 'invalid' };

/** outcome-tracking's survey endpoints, which take the link's token instead of a sign-in. */
@Injectable()
export class SurveyClient {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv) {}

  get(token: string): Promise<SurveyReply<SurveyAnswer>> {
    return this.call<SurveyAnswer>('GET', token);
  }

  answer(token: string, answers: Record<string, string>): Promise<SurveyReply<unknown>> {
    return this.call('POST', token, { answers });
  }

  /** "Stop asking me": any link we sent works (open, used or expired); a forged one is 'unknown'. */
  stop(token: string): Promise<SurveyReply<unknown>> {
    return this.call('POST', token, undefined, '/stop');
  }

  private async call<T>(method: string, token: string, body?: unknown, suffix = ''): Promise<SurveyReply<T>> {
    let response: Response;
    const path = `/api/surveys/${encodeURIComponent(token)}${suffix}`;
    try {
      response = await fetch(new URL(path, this.config.OUTCOME_TRACKING_URL), {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.config.API_TIMEOUT_MS),
      });
    } catch {
      throw new ApiUnavailable('outcome-tracking', '');
    }
    if (response.status === 404 || response.status === 400) return { status: 'closed', state: 'unknown' };
    if (response.status === 410)
      return { status: 'closed', state: ((await response.json()) as { state: 'used' | 'expired' }).state };
    if (response.status === 409) return { status: 'invalid' };
    if (!response.ok) throw new ApiUnavailable('outcome-tracking', '', response.status);
    return { status: 'ok', body: (await response.json()) as T };
  }
}

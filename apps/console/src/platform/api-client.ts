import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { traceCarrier } from '@rj/shared/service';
import { CONSOLE_CONFIG } from './tokens';
import type { ConsoleEnv } from '../console.env';
import type { SessionUser } from './session-user';

export type ServiceName =
  'referral-intake' | 'partner-matching' | 'mediation-scheduling' | 'outcome-tracking' | 'audit-ledger';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** The service refused the request (4xx): the page shows its words, field by field. */
export class ApiRefused extends Error {
  constructor(
    readonly problem: Problem,
    readonly correlationId: string,
  ) {
    super(problem.detail ?? problem.title ?? `refused with ${problem.status}`);
  }
}

/** The service could not answer (5xx, timeout, unreachable): the error page, with the id. */
export class ApiUnavailable extends Error {
  constructor(
    readonly service: ServiceName,
    readonly correlationId: string,
    readonly status?: number,
  ) {
    super(`${service} could not answer${status ? ` (${status})` : ''}`);
  }
}

/** The token was refused: the person signs in again and comes back to the page. */
export class ApiSignInAgain extends Error {}

export interface ApiCall {
  body?: unknown;
  /** A body sent as it is, with its content type (a CSV upload), instead of `body` as JSON. */
  raw?: { text: string; contentType: string };
  /** Longer than API_TIMEOUT_MS for a call that does much (a bulk import). */
  timeoutMs?: number;
  query?: Record<string, string | string[] | number | undefined>;
  idempotencyKey?: string;
  correlationId?: string;
}

/**
 * Calls a service's public HTTP API as the signed-in person, with their own token: the
 * services decide what that person may see and do; the console shows exactly what they return.
 */
@Injectable()
export class ServiceApi {
  private readonly baseUrls: Record<ServiceName, string>;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv) {
    this.baseUrls = {
      'referral-intake': config.REFERRAL_INTAKE_URL,
      'partner-matching': config.PARTNER_MATCHING_URL,
      'mediation-scheduling': config.MEDIATION_SCHEDULING_URL,
      'outcome-tracking': config.OUTCOME_TRACKING_URL,
      'audit-ledger': config.AUDIT_LEDGER_URL,
    };
  }

  get<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T> {
    return this.send<T>(user, service, 'GET', path, call);
  }

  post<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T> {
    return this.send<T>(user, service, 'POST', path, call);
  }

  put<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T> {
    return this.send<T>(user, service, 'PUT', path, call);
  }

  patch<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T> {
    return this.send<T>(user, service, 'PATCH', path, call);
  }

  delete<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T> {
    return this.send<T>(user, service, 'DELETE', path, call);
  }

  /** A GET whose 404 means "nothing there yet" (a report not ready), not "no such page". */
  async getOptional<T>(user: SessionUser, service: ServiceName, path: string, call: ApiCall = {}): Promise<T | null> {
    try {
      return await this.get<T>(user, service, path, call);
    } catch (error) {
      if (error instanceof ApiRefused && [404, 409, 410].includes(error.problem.status)) return null;
      throw error;
    }
  }

  private async send<T>(
    user: SessionUser,
    service: ServiceName,
    method: string,
    path: string,
    call: ApiCall,
  ): Promise<T> {
    const correlationId = call.correlationId ?? randomUUID();
    const url = new URL(path, this.baseUrls[service]);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value === undefined || value === '') continue;
      for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(one));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${user.accessToken}`,
      accept: 'application/json',
      'x-correlation-id': correlationId,
      // The page's trace (W3C traceparent), so the service's spans join it; nothing when tracing is off.
      ...traceCarrier(),
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.raw) headers['content-type'] = call.raw.contentType;
    if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: call.raw ? call.raw.text : call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(call.timeoutMs ?? this.config.API_TIMEOUT_MS),
      });
    } catch {
      throw new ApiUnavailable(service, correlationId);
    }
    if (response.status === 401) throw new ApiSignInAgain('The service no longer accepts this sign-in.');
    if (response.status >= 500) throw new ApiUnavailable(service, correlationId, response.status);
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok)
      throw new ApiRefused({ status: response.status, ...(isObject(parsed) ? parsed : {}) } as Problem, correlationId);
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

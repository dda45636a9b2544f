import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ConsoleEnv } from '../console.env';
import { ApiRefused, ApiSignInAgain, ApiUnavailable } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import { CONSOLE_CONFIG } from '../platform/tokens';

/**
 * Passes the ledger's export through to the browser as it arrives: the console never holds the
 * file (an export may be the whole ledger). The service records the read before its first byte;
 * its refusals become the console's pages like any other call's.
 */
@Injectable()
export class LedgerDownload {
  private readonly logger = new Logger('ledger-download');

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleEnv) {}

  async pipe(user: SessionUser, query: Record<string, string | undefined>, res: Response): Promise<void> {
    const correlationId = randomUUID();
    const url = new URL('/api/audit/export', this.config.AUDIT_LEDGER_URL);
    for (const [name, value] of Object.entries(query)) if (value) url.searchParams.set(name, value);
    const controller = new AbortController();
    // The timeout covers the wait for the answer to start, not the (possibly long) transfer.
    const timer = setTimeout(() => controller.abort(), this.config.API_TIMEOUT_MS);
    let response: globalThis.Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${user.accessToken}`, 'x-correlation-id': correlationId },
        signal: controller.signal,
      });
    } catch {
      throw new ApiUnavailable('audit-ledger', correlationId);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 401) throw new ApiSignInAgain('The service no longer accepts this sign-in.');
    if (response.status >= 500 || !response.body)
      throw new ApiUnavailable('audit-ledger', correlationId, response.status);
    if (!response.ok) {
      const text = await response.text();
      throw new ApiRefused({ status: response.status, ...safeJson(text) }, correlationId);
    }
    res.status(200);
    res.setHeader('content-type', response.headers.get('content-type') ?? 'application/octet-stream');
    res.setHeader('content-disposition', response.headers.get('content-disposition') ?? 'attachment');
    res.setHeader('cache-control', 'no-store');
    try {
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), res);
    } catch (error) {
      // Headers are gone: the browser sees a cut-off download. Say so in the log, never the data.
      this.logger.warn(
        `the export stopped before its end: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
      controller.abort();
      res.destroy();
    }
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

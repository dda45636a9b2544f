import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';

/**
 * The host name tests register; a stub resolver maps it to loopback, which the operator range
 * allows. Services started whole register `https://127.0.0.1:<port>` instead (the certificate
 * names both).
 */
export const RECEIVER_HOST = 'receiver.test';

export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
}

/** A self-signed certificate for `receiver.test` and 127.0.0.1, made by the system's openssl for this run. */
export function makeTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'rj-webhook-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${RECEIVER_HOST}`,
        '-addext',
        `subjectAltName=DNS:${RECEIVER_HOST},IP:127.0.0.1`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReceivedDelivery {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The payload as the Standard Webhooks library verified it with the receiver's secrets, or null. */
  readonly verified: unknown;
  readonly answered: number;
}

/**
 * A case-management system's receiving end, on HTTPS and loopback: it verifies each request
 * with the standardwebhooks library against the secrets it holds for the path, and answers
 * 500 while a path's planned failures last.
 */
export class TestWebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly secrets = new Map<string, string[]>();
  private readonly failuresLeft = new Map<string, number>();
  private readonly hooks = new Map<string, () => void | Promise<void>>();
  private server?: Server;

  constructor(private readonly certificate: TestCertificate) {}

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  url(path: string, host = RECEIVER_HOST): string {
    return `https://${host}:${this.port}${path}`;
  }

  /** The secrets the receiver accepts for `path` (any one verifies). */
  hold(path: string, ...secrets: string[]): void {
    this.secrets.set(path, secrets);
  }

  failNext(path: string, times: number): void {
    this.failuresLeft.set(path, times);
  }

  /** Runs `hook` when a request for `path` arrives, before it is answered (a test's "meanwhile"). */
  onReceive(path: string, hook: () => void | Promise<void>): void {
    this.hooks.set(path, hook);
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer({ key: this.certificate.key, cert: this.certificate.cert }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const path = request.url ?? '/';
        await this.hooks.get(path)?.();
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        );
        const verified = this.verify(path, body, headers);
        const left = this.failuresLeft.get(path) ?? 0;
        const answered = left > 0 ? 500 : verified === null ? 401 : 204;
        if (left > 0) this.failuresLeft.set(path, left - 1);
        this.received.push({ path, headers, body, verified, answered });
        response.writeHead(answered).end();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Verifies a delivery already received against the secrets the path holds now. */
  verifyAgain(delivery: ReceivedDelivery): unknown {
    return this.verify(delivery.path, delivery.body, delivery.headers);
  }

  private verify(path: string, body: string, headers: Record<string, string>): unknown {
    for (const secret of this.secrets.get(path) ?? []) {
      try {
        return new Webhook(secret).verify(body, headers);
      } catch {
        // try the next secret the receiver holds
      }
    }
    return null;
  }
}

import { Logger, type INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { describeError } from '../logging/safe-error';
import { acceptorsOf } from './shared-port-listeners';

/**
 * Shutdown ordering contract (every lib with resources follows it):
 *   1. SIGTERM/SIGINT: every listener stops accepting connections; in-flight requests finish
 *      (idle keep-alive sockets are closed so they cannot start new ones).
 *   2. The event transport (the hybrid microservice's Kafka consumer) stops and finishes the
 *      message in hand; then `onModuleDestroy`: outbox relays and BullMQ workers stop taking
 *      work and finish the job in hand (workers before queues).
 *   3. `beforeApplicationShutdown`: flush what producers still hold.
 *   4. `onApplicationShutdown`: database pools, Redis connections and producers close.
 *   5. exit 0 — or exit 1 when SHUTDOWN_GRACE_MS passes first.
 * Nest's own `enableShutdownHooks()` is deliberately not used: its listener runs
 * onModuleDestroy while the HTTP server still accepts requests, and closes the server only
 * afterwards. `app.close()` below runs the same hooks, in the order above.
 */
export async function stopAccepting(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  if (!server.listening) return;
  // The port's other sockets too: each waits for the connections it accepted, whose requests
  // the server runs, so this resolves only once every request in flight has ended.
  const listeners: Array<{ close(callback: () => void): unknown }> = [server, ...acceptorsOf(server)];
  await new Promise<void>((resolve) => {
    // A keep-alive socket turns idle when its response ends; sweep until all are gone.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    let open = listeners.length;
    const closed = (): void => {
      if (--open > 0) return;
      clearInterval(sweep);
      resolve();
    };
    for (const listener of listeners) listener.close(closed);
    server.closeIdleConnections();
  });
}

export async function closeGracefully(
  apps: INestApplication[],
  stopConsuming: () => Promise<void> = async () => undefined,
): Promise<void> {
  await Promise.all(apps.map(stopAccepting));
  // Before app.close(): Nest would close a hybrid app's microservices only after onModuleDestroy.
  await stopConsuming();
  for (const app of apps) await app.close();
}

/** Installs the SIGTERM/SIGINT handlers; returns a function that removes them. */
export function onShutdownSignal(close: () => Promise<void>, graceMs: number): () => void {
  const logger = new Logger('Shutdown');
  const handler = (signal: NodeJS.Signals): void => {
    logger.log(`${signal} received: draining requests, then stopping workers and pools`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than SHUTDOWN_GRACE_MS (${graceMs} ms): exiting now`);
      process.exit(1);
    }, graceMs);
    deadline.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(
          { err: error instanceof Error ? error : new Error(String(error)) },
          `shutdown failed: ${describeError(error)}`,
        );
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
  return () => {
    process.removeListener('SIGTERM', handler);
    process.removeListener('SIGINT', handler);
  };
}

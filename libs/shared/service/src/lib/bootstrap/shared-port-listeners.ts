import type { INestApplication } from '@nestjs/common';
import type { Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer } from 'node:net';

/**
 * Why a service listens on its public port with several sockets (issue 15, overload):
 * libuv (Node 20 on) accepts ONE connection per listening socket per turn of the event loop.
 * A busy service turns its loop a few dozen times a second, so a burst of new connections
 * (an office's batch, a proxy opening connections to a cold pod) fills the 511-deep accept
 * queue; the kernel then drops the handshakes and the clients wait for TCP's retransmits
 * (1, 3, 7 s) before even a 503 can reach them. Measured at 300 referrals/s on two cores:
 * intake accepted 6–50 connections a second, its accept queue stayed full, refusals took up
 * to 9 s and 1,195 of 4,500 requests timed out, while its loop never stalled more than 0.2 s.
 * With N sockets on the port (SO_REUSEPORT: the kernel spreads new connections over them),
 * each turn accepts up to N: no timeouts, refusals' p99 under a second in the same run.
 */
const acceptorsOfServer = new WeakMap<HttpServer, NetServer[]>();

/**
 * How many sockets listen on the public port. Only Linux spreads connections over sockets
 * sharing a port (other systems refuse the option or give all to one socket): one elsewhere.
 */
export function acceptSocketCount(configured: number, platform: NodeJS.Platform = process.platform): number {
  return platform === 'linux' ? Math.max(1, configured) : 1;
}

/**
 * Listens with `sockets` sockets on one port: Nest's own server first (on the port asked for,
 * or a free one for 0), then the others on the same port, each handing its connections to
 * that server, which parses, times out and closes them as its own. Returns the URL.
 */
export async function listenOnSharedPort(
  app: INestApplication,
  {
    port,
    host,
    sockets,
    keepAliveTimeoutMs,
  }: { port: number; host?: string; sockets: number; keepAliveTimeoutMs?: number },
): Promise<string> {
  const reusePort = sockets > 1;
  // A port shared this way would be shared with any process of the same user that asked for it
  // too: a service left running from an earlier start would silently take half the requests.
  // Bound plainly for a moment first, a port that anything listens on fails as it always did.
  // (Port 0 needs no check: the kernel never picks a port already bound for another process.)
  if (reusePort && port !== 0) await assertPortFree(port, host);
  // Nest passes its first argument to http.Server#listen, which takes an options object; its
  // types only name a port, and the object is the only way to ask for SO_REUSEPORT.
  const listenOptions = { port, host, reusePort };
  await app.listen(listenOptions as unknown as number);
  const server = app.getHttpServer() as HttpServer;
  if (keepAliveTimeoutMs) {
    server.keepAliveTimeout = keepAliveTimeoutMs;
    // A request's headers must be allowed to arrive on a connection kept that long.
    server.headersTimeout = Math.max(server.headersTimeout, keepAliveTimeoutMs + 1000);
  }
  const { port: bound } = server.address() as AddressInfo;
  const acceptors: NetServer[] = [];
  acceptorsOfServer.set(server, acceptors);
  for (let i = 1; i < sockets; i++) acceptors.push(await listenAcceptor(server, { port: bound, host }));
  return `http://127.0.0.1:${bound}`;
}

/** The extra sockets of a server started by listenOnSharedPort (none otherwise). */
export function acceptorsOf(server: HttpServer): readonly NetServer[] {
  return acceptorsOfServer.get(server) ?? [];
}

function assertPortFree(port: number, host?: string): Promise<void> {
  const probe = createServer();
  return new Promise((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

function listenAcceptor(server: HttpServer, { port, host }: { port: number; host?: string }): Promise<NetServer> {
  // noDelay as http.Server sets it on the sockets it accepts itself.
  const acceptor = createServer({ noDelay: true }, (socket) => server.emit('connection', socket));
  return new Promise((resolve, reject) => {
    acceptor.once('error', reject);
    acceptor.listen({ port, host, reusePort: true }, () => {
      acceptor.removeListener('error', reject);
      // A failed accept (out of file descriptors) is the server's error, as it would be on its own socket.
      acceptor.on('error', (error) => server.emit('error', error));
      resolve(acceptor);
    });
  });
}

/**
 * Issue 15, overload: the public port is served by several listening sockets (SO_REUSEPORT),
 * so a busy loop accepts several new connections per turn instead of one. What must hold:
 * the kernel hands connections to the extra sockets too, and a request on such a connection
 * runs through the whole app like any other; shutdown waits for a request in flight on one.
 */
import http from 'node:http';
import net from 'node:net';
import { mintToken } from '@rj/shared/auth';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';
import { ShutdownProbe, SlowRequestGate, TestAppModule } from '../../test/fixtures/test-app.module';
import { acceptSocketCount, acceptorsOf } from './shared-port-listeners';

const SECRET = 'integration-test-secret-0123456789abcdef';
const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice Prosecutor' }, SECRET);
const SOCKETS = 4;

async function startService(port = 0): Promise<RunningService> {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    HTTP_ACCEPT_SOCKETS: String(SOCKETS),
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  return bootstrapService({
    name: 'shared-port-service',
    module: TestAppModule,
    config: result.config,
    logDestination: { write: () => undefined },
    handleSignals: false,
  });
}

const portOf = (service: RunningService) => Number(new URL(service.url).port);
const serverOf = (service: RunningService) => service.app.getHttpServer() as http.Server;

/** The client ports of the connections the service accepted: by any socket, by the extra ones. */
function watchAccepts(service: RunningService) {
  const byAny = new Set<number>();
  const byExtra = new Set<number>();
  let waiting: { port: number; resolve: () => void } | undefined;
  for (const acceptor of acceptorsOf(serverOf(service)))
    acceptor.prependListener('connection', (socket: net.Socket) => byExtra.add(socket.remotePort as number));
  serverOf(service).on('connection', (socket: net.Socket) => {
    byAny.add(socket.remotePort as number);
    if (waiting && waiting.port === socket.remotePort) waiting.resolve();
  });
  return {
    byExtra,
    /** Once the service has accepted the connection from this client port (by whichever socket). */
    accepted: (port: number) =>
      byAny.has(port) ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { port, resolve })),
  };
}

async function connect(service: RunningService): Promise<net.Socket> {
  const socket = net.connect(portOf(service), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

/** A fresh connection the port's extra sockets accepted (connections are tried until one is). */
async function connectionAcceptedByAnExtraSocket(
  service: RunningService,
  accepts: ReturnType<typeof watchAccepts>,
): Promise<net.Socket> {
  for (;;) {
    const socket = await connect(service);
    const port = socket.localPort as number;
    await accepts.accepted(port);
    if (accepts.byExtra.has(port)) return socket;
    socket.destroy();
  }
}

function getOn(socket: net.Socket, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const request = http.request({ createConnection: () => socket, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the public port shared by several listening sockets (issue 15)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service?.close());

  it('listens with HTTP_ACCEPT_SOCKETS sockets on one port on Linux, one elsewhere', () => {
    expect(acceptSocketCount(SOCKETS, 'linux')).toBe(SOCKETS);
    expect(acceptSocketCount(SOCKETS, 'darwin')).toBe(1);
    expect(acceptSocketCount(SOCKETS, 'win32')).toBe(1);
    const acceptors = acceptorsOf(serverOf(service));
    expect(acceptors).toHaveLength(SOCKETS - 1);
    for (const acceptor of acceptors) expect((acceptor.address() as net.AddressInfo).port).toBe(portOf(service));
    // The internal listener (/metrics) stays a single socket.
    expect(acceptorsOf(service.internal.app.getHttpServer() as http.Server)).toHaveLength(0);
  });

  it('spreads new connections over the sockets, and the whole app answers on each', async () => {
    const accepts = watchAccepts(service);
    const statuses: number[] = [];
    const ports: number[] = [];
    for (let i = 0; i < 40; i++) {
      const socket = await connect(service);
      ports.push(socket.localPort as number);
      const answer = await getOn(socket, '/api/things/me', { authorization: `Bearer ${token}`, connection: 'close' });
      statuses.push(answer.status);
      expect(JSON.parse(answer.body)).toEqual(expect.objectContaining({ sub: 'alice' }));
      // The app's own middleware ran: correlation id and security headers on every answer.
      expect(answer.headers['x-correlation-id']).toBeDefined();
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const byExtraSockets = ports.filter((port) => accepts.byExtra.has(port)).length;
    // Spread by the kernel over four sockets: all forty on one of them would mean no spreading.
    expect(byExtraSockets).toBeGreaterThan(0);
    expect(byExtraSockets).toBeLessThan(ports.length);
  });

  it('keeps idle connections HTTP_KEEP_ALIVE_TIMEOUT_MS (65 s), longer than a proxy in front keeps them', async () => {
    const socket = await connect(service);
    const answer = await getOn(socket, '/api/things/me', {
      authorization: `Bearer ${token}`,
      connection: 'keep-alive',
    });
    expect(answer.status).toBe(200);
    // Node announces the server's keepAliveTimeout to the client; its own default is 5 s.
    expect(answer.headers['keep-alive']).toBe('timeout=65');
    expect(serverOf(service).headersTimeout).toBeGreaterThan(65_000);
    socket.destroy();
  });

  it('will not start on a port a running service holds: a second instance fails as it always did', async () => {
    await expect(startService(portOf(service))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // The first still has the port to itself.
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
  });

  it('refuses a request without a token on an extra socket as the app does (the guard runs there too)', async () => {
    const socket = await connectionAcceptedByAnExtraSocket(service, watchAccepts(service));
    const answer = await getOn(socket, '/api/things/me', { connection: 'close' });
    expect(answer.status).toBe(401);
  });
});

describe('shutdown with a request in flight on an extra socket', () => {
  it('waits for it to end before the service closes, and it is answered', async () => {
    const service = await startService();
    const socket = await connectionAcceptedByAnExtraSocket(service, watchAccepts(service));
    const entered = SlowRequestGate.reset();
    const answered = getOn(socket, '/api/things/slow', { authorization: `Bearer ${token}` });
    await entered;

    const closing = service.close();
    // Every socket stops listening at once: a new connection to the port is refused.
    await expect(
      new Promise((resolve, reject) => {
        const probe = net.connect(portOf(service), '127.0.0.1');
        probe.once('connect', () => resolve(probe.destroy())).once('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The extra socket that accepted the held connection still counts it, so it has not closed.
    const counts = await Promise.all(
      acceptorsOf(serverOf(service)).map(
        (acceptor) => new Promise<number>((resolve) => acceptor.getConnections((_, count) => resolve(count))),
      ),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);

    SlowRequestGate.release();
    const answer = await answered;
    await closing;
    expect(answer.status).toBe(200);
    // The destroy hooks (pools, producers) ran only once the request had finished.
    expect(ShutdownProbe.destroyedAt).toBeGreaterThanOrEqual(JSON.parse(answer.body).finishedAt);
  });
});

import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999): the kernel never hands these out for a listen(0)
// or an outgoing connection, so a port found free here stays free until a child process binds
// it — unless another test picked the same one, which the random choice makes unlikely and the
// set below makes impossible within one worker.
const LOWEST = 20_000;
const HIGHEST = 32_000;
const handedOut = new Set<number>();

/**
 * A TCP port on the loopback interface for a process a test starts itself (a signer, a
 * redis-server). Asking the kernel (listen on port 0, close, return it) is racy when suites run
 * in parallel: the kernel may give the same port to the next listen(0) or outgoing connection
 * of any process before the child has bound it. (tools/infra/services.js does the same for the
 * JavaScript tools: the e2e platform, the identity provider, the chaos infrastructure.)
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = randomInt(LOWEST, HIGHEST);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${HIGHEST} after 100 tries`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts the development identity provider as a child process for tests and tools: on a free
 * port, with a signing key and demo organisations of the caller's choosing, and resolves once
 * its discovery document answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// tools/infra/services.js is plain CommonJS shared with the shell-facing infra scripts.
const { freePort } = require('../infra/services') as { freePort: () => Promise<number> };

const ROOT = path.resolve(__dirname, '../..');

/** The fields of the discovery document the platform reads. */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint: string;
  [field: string]: unknown;
}

export interface RunningIdp {
  issuer: string;
  discovery: Discovery;
  jwksUrl: string;
  tokenUrl: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startIdp(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<RunningIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/idp/server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', IDP_PORT: String(port), IDP_ISSUER: issuer, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the identity provider exited while starting:\n${output}`);
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (response.ok) {
        const discovery = (await response.json()) as Discovery;
        return {
          issuer,
          discovery,
          jwksUrl: discovery.jwks_uri,
          tokenUrl: discovery.token_endpoint,
          child,
          output: () => output,
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the identity provider was not ready within ${timeoutMs / 1000} s:\n${output}`);
}

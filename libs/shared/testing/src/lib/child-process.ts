import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { productionNodeOptions, serviceOfEntry } from './production-node-options';

const ROOT = path.resolve(__dirname, '../../../../..');

export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the process prints a line containing `marker`. */
  waitFor(marker: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process ends. */
  exited: Promise<number | NodeJS.Signals>;
  kill(signal?: NodeJS.Signals): void;
}

export interface SpawnOptions {
  /**
   * Start the process in a session of its own. With Linux's autogroup scheduler
   * (/proc/sys/kernel/sched_autogroup_enabled) every session is a scheduling group, and the CPU
   * is shared between groups before it is shared between their processes: a process's nice
   * value then weighs against the other processes of its session only. A session of its own
   * lets a benchmark weigh one service against everything else on the host, as a pod's
   * cgroup does on a Kubernetes node.
   */
  ownSession?: boolean;
}

/** Runs a TypeScript file of the workspace as a real Node process (tools/runtime/register.js). */
export function spawnTs(file: string, env: Record<string, string> = {}, options: SpawnOptions = {}): SpawnedProcess {
  return spawnNode('tools/runtime/register.js', file, env, options);
}

/**
 * Runs a file of the tsc build (`npm run build`: dist/...) as the container image does
 * (tools/runtime/dist-paths.js), without swc and the sources: what a benchmark of the
 * services' own memory must measure.
 */
export function spawnBuilt(file: string, env: Record<string, string> = {}, options: SpawnOptions = {}): SpawnedProcess {
  return spawnNode('tools/runtime/dist-paths.js', file, env, options);
}

function spawnNode(preload: string, file: string, env: Record<string, string>, options: SpawnOptions): SpawnedProcess {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, preload), path.resolve(ROOT, file)], {
    cwd: ROOT,
    // With production's V8 flags (the heap's limits: the Dockerfile's NODE_OPTIONS, or the
    // service's deployment's) unless the caller's environment or `env` names others, so the
    // memory and CPU a bench measures are production's (issue 15).
    env: { NODE_OPTIONS: productionNodeOptions(serviceOfEntry(file)), ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownSession ?? false,
  });
  // A test that fails or times out must not leave its processes behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'SIGKILL')),
  );
  return {
    child,
    output: () => output,
    exited,
    kill: (signal = 'SIGKILL') => child.kill(signal),
    waitFor: (marker, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (output.includes(marker)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`process did not print "${marker}" within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (!output.includes(marker))
            reject(new Error(`process exited before printing "${marker}"; output:\n${output}`));
        });
        check();
      }),
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_ENTRY = fileURLToPath(
  new URL('../../dist/src/main.js', import.meta.url),
);

/**
 * The Node flags of package.json's `start:prod`, the command production runs the server with, so
 * tests and benchmarks start it as it runs there.
 */
export const SERVER_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts['start:prod']
  .split(' ')
  .filter((word) => word.startsWith('--'));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface FinishedProcess extends Exit {
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Just enough of this process's environment for node and npm to run, plus `env`. */
function childEnvironment(env: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? ROOT,
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    ...env,
  };
}

/**
 * Runs a command in the project directory to completion, keeping its output; SIGKILL after
 * `timeoutMs`, a hang guard that leaves room for a compile on a busy machine.
 */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<FinishedProcess> {
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr,
        durationMs: Math.round(performance.now() - startedAt),
      }),
    );
  });
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<Exit>;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /**
   * Stops keeping output (it is still read, and dropped): a server under a benchmark's load logs a
   * line per request, which would pile up in the load generator's own heap.
   */
  discardOutput(): void;
  /**
   * Resolves once GET /health/ready answers 200; rejects if the process exits first. The bound only
   * catches a process that hangs: a busy machine (CI, parallel test files) may take a minute.
   */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<Exit>;
}

/** Starts `node <SERVER_NODE_FLAGS> dist/src/main.js` listening on 127.0.0.1:`port`. */
export function startServerProcess(
  port: number,
  env: Record<string, string>,
): ServerProcess {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
    cwd: ROOT,
    env: childEnvironment({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let chunks: string[] | undefined = [];
  child.stdout.on('data', (chunk: Buffer) => chunks?.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => chunks?.push(chunk.toString()));
  let exit: Exit | undefined;
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    }),
  );
  const server: ServerProcess = {
    child,
    baseUrl,
    exited,
    output: () => chunks?.join('') ?? '',
    discardOutput: () => {
      chunks = undefined;
    },
    async ready(timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (exit) {
          throw new Error(
            `${SERVER_ENTRY} on port ${port} exited (${JSON.stringify(exit)}) before it was ready:\n${server.output()}`,
          );
        }
        const status = await fetch(`${baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(2_000),
        }).then(
          (response) => response.status,
          () => undefined,
        );
        if (status === 200) return;
        if (Date.now() > deadline) {
          throw new Error(
            `${baseUrl}/health/ready not 200 within ${timeoutMs} ms (last: ${status ?? 'no answer'}):\n${server.output()}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
  return server;
}

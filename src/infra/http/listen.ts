import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:net';
import { StartupError } from '../startup-error.js';

const REASONS: Record<string, string> = {
  EADDRINUSE: 'the address is already in use by another process',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'HOST is not an address of this machine',
};

function describeAddress(port: number, host: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The URL a listener on host:port answers at, for startup lines. */
export function listenUrl(port: number, host: string): string {
  return `http://${describeAddress(port, host)}`;
}

/**
 * A listen failure as a one-line StartupError naming the address and its variables (`PORT/HOST`
 * unless told otherwise), or the error itself when it is not one an operator fixes by changing
 * them.
 */
export function explainListenError(
  error: unknown,
  port: number,
  host: string,
  variables = 'PORT/HOST',
): unknown {
  const reason = REASONS[(error as NodeJS.ErrnoException).code ?? ''];
  return reason
    ? new StartupError(
        `Cannot listen on ${describeAddress(port, host)} (${variables}): ${reason}`,
      )
    : error;
}

/**
 * Binds and releases host:port, so an address in use stops the boot before Nest connects to
 * anything and logs that it started. `listen` can still lose a race for the port afterwards; its
 * caller maps that failure with explainListenError too.
 */
export async function assertCanListen(
  port: number,
  host: string,
  variables?: string,
): Promise<void> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, resolve);
    });
  } catch (error) {
    throw explainListenError(error, port, host, variables);
  }
  await new Promise((resolve) => probe.close(resolve));
}

/** How long a client may take to send a request's headers (slow-loris protection). */
export const HEADERS_TIMEOUT_MS = 60_000;
/** How long a request body may stall between two chunks before its socket is closed. */
export const BODY_IDLE_TIMEOUT_MS = 60_000;
/**
 * How long an idle keep-alive connection is kept. Longer than the clients' and proxies' own idle
 * timeouts (undici 4 s, AWS ALB 60 s), so they always close first: with Node's 5 s a client
 * reusing a connection at the moment the server closed it got ECONNRESET for its request.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Node's defaults cut every request at 5 minutes (`requestTimeout`), however steadily its body is
 * flowing: a large upload PUT on a slow link got a 408 halfway. Instead there is no bound on the
 * whole request, the headers must arrive within `headersTimeoutMs`, and while a body is being
 * received the socket is closed when no byte arrives for `bodyIdleMs`. Once the body is in, the
 * socket may stay quiet while the handler works (a URL upload waits for its download).
 */
export function applyRequestTimeouts(
  server: Server,
  {
    headersTimeoutMs = HEADERS_TIMEOUT_MS,
    bodyIdleMs = BODY_IDLE_TIMEOUT_MS,
  }: { headersTimeoutMs?: number; bodyIdleMs?: number } = {},
): void {
  server.requestTimeout = 0;
  server.headersTimeout = headersTimeoutMs;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('request', (request: IncomingMessage) => {
    // Only while a body is on its way: a request without one may wait on its handler for long.
    const hasBody =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    if (!hasBody || request.complete) return;
    const { socket } = request;
    socket.setTimeout(bodyIdleMs);
    const settle = () => socket.setTimeout(0);
    request.once('end', settle);
    request.once('close', settle);
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { redactUrl } from './logger.options.js';

/**
 * The request headers worth a line: who called and what they sent. Credentials never reach the log
 * this way, and each line stays small.
 */
const LOGGED_REQUEST_HEADERS = [
  'user-agent',
  'content-type',
  'content-length',
  'x-forwarded-for',
  'idempotency-key',
] as const;

function loggedHeaders(request: IncomingMessage): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_REQUEST_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/**
 * One line per request when its response completes (`request completed`: info, warn for 4xx,
 * error for 5xx) or the client goes away first (`request aborted`, warn), carrying the request's
 * id. Health probes, called every few seconds, are not logged. Our own rather than pino-http: this
 * is all of it we use, and pino-http made a child logger for every request and serialised it
 * through custom serializers, which cost too much per request.
 *
 * The id is not bound to the other lines logged while a request is handled: that takes an
 * AsyncLocalStorage, which on Node 20 runs a hook for every promise the process creates. Those
 * lines name what they are about (`mediaId`, `workspaceId`), and the error filter logs `requestId`
 * with every failure. Why both: docs/performance.md#request-logging.
 */
export function requestLogging(
  root: Logger,
): (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void {
  // The line is built from the allowlist above and a redacted URL, so the root logger's
  // redaction, whose wildcard paths walk every object logged, is off
  // (docs/performance.md#request-logging).
  const lines = root.child({}, { redact: [] });
  return (request, response, next) => {
    const id = request.id ?? '';
    if (!request.url?.startsWith('/health')) {
      const startedAt = performance.now();
      response.once('close', () => {
        const finished = response.writableFinished;
        const status = response.statusCode;
        const line = {
          reqId: id,
          req: {
            id,
            method: request.method,
            url: redactUrl(request.url ?? ''),
            headers: loggedHeaders(request),
          },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - startedAt),
        };
        if (!finished) {
          lines.warn(line, 'request aborted');
        } else if (status >= 500) {
          lines.error(line, 'request completed');
        } else if (status >= 400) {
          lines.warn(line, 'request completed');
        } else {
          lines.info(line, 'request completed');
        }
      });
    }
    next();
  };
}

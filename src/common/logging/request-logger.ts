import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { redactUrl } from './logger.options.js';

interface RequestScope {
  root: Logger;
  id: string;
  /** Made on the first line logged while handling the request; most requests log none. */
  logger?: Logger;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The logger bound to the request being handled (its lines carry `reqId`), if there is one. */
export function requestBoundLogger(): Logger | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  scope.logger ??= scope.root.child({ reqId: scope.id });
  return scope.logger;
}

/**
 * The request headers worth a line: who called and what they sent. Credentials never reach the log
 * this way (the root logger's redaction stays as a second guard), and each line stays small.
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
 * error for 5xx) or the client goes away first (`request aborted`, warn), and the request's id
 * bound to every line logged while it is handled. Health probes, called every few seconds, are
 * not logged. Our own rather than pino-http: this is all of it we use, and pino-http made a child
 * logger for every request and serialised it through custom serializers, which profiling put at
 * a tenth of a GET's CPU.
 */
export function requestLogging(
  root: Logger,
): (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void {
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
          root.warn(line, 'request aborted');
        } else if (status >= 500) {
          root.error(line, 'request completed');
        } else if (status >= 400) {
          root.warn(line, 'request completed');
        } else {
          root.info(line, 'request completed');
        }
      });
    }
    scopes.run({ root, id }, next);
  };
}

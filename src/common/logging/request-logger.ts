import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { httpLoggerOptions } from './logger.options.js';

const requestLoggers = new AsyncLocalStorage<Logger>();

/** The logger bound to the request being handled, if the caller runs inside one. */
export function requestBoundLogger(): Logger | undefined {
  return requestLoggers.getStore();
}

/**
 * pino-http's request logging, plus the request's child logger kept in AsyncLocalStorage for the
 * rest of the request, so `new Logger(...)` calls made anywhere while handling it carry its id.
 */
export function requestLogging(
  root: Logger,
): (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void {
  const logRequest = pinoHttp({ ...httpLoggerOptions, logger: root });
  return (request, response, next) =>
    logRequest(request, response, () => requestLoggers.run(request.log, next));
}

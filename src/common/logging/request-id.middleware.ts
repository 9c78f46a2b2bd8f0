import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echoes a well-formed client `X-Request-Id`, otherwise mints one; either way it is on the response. */
export function assignRequestId(
  request: IncomingMessage,
  response: ServerResponse,
): string {
  const incoming = request.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && CLIENT_REQUEST_ID.test(incoming)
      ? incoming
      : `req_${randomUUID()}`;
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Installed on Express ahead of everything else, so even responses Nest never sees (Swagger UI,
 * undecodable paths) carry the id. pino-http keeps a `request.id` that is already set, so the
 * request's log lines carry the same id as the response.
 */
export function requestIdMiddleware(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  request.id = assignRequestId(request, response);
  next();
}

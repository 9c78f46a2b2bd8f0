import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id, as in its `X-Request-Id` response header. */
    id?: string;
  }
}

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
 * undecodable paths) carry the id; the request's log lines (requestLogging) carry the same id.
 */
export function requestIdMiddleware(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  request.id = assignRequestId(request, response);
  next();
}

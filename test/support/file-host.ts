import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (
  request: IncomingMessage,
  response: ServerResponse,
) => void | Promise<void>;

export interface FileHost {
  baseUrl: string;
  /** Requests seen, as `METHOD path` with the Authorization header if any. */
  requests: Array<{ path: string; authorization?: string }>;
  close(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 answering by exact path (query ignored); 404 otherwise. */
export async function startFileHost(
  routes: Record<string, Route>,
): Promise<FileHost> {
  const requests: FileHost['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    requests.push({ path, authorization: request.headers.authorization });
    const route = routes[path];
    if (!route) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no');
      return;
    }
    void Promise.resolve(route(request, response)).catch(() =>
      response.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with the given type, with a Content-Length unless `chunked`. */
export function serve(
  body: Buffer,
  contentType: string,
  options: { chunked?: boolean; bearer?: string } = {},
): Route {
  return (request, response) => {
    if (
      options.bearer !== undefined &&
      request.headers.authorization !== `Bearer ${options.bearer}`
    ) {
      response.writeHead(401, { 'Content-Type': 'text/plain' }).end('no');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentType,
      ...(options.chunked ? {} : { 'Content-Length': String(body.length) }),
    });
    if (options.chunked) {
      const half = Math.floor(body.length / 2);
      response.write(body.subarray(0, half));
      setTimeout(() => response.end(body.subarray(half)), 50);
    } else {
      response.end(body);
    }
  };
}

/** One response of a `trickle` source: bytes written so far, and whether its connection has closed. */
export interface TrickleResponse {
  sent: number;
  closed: boolean;
}

/**
 * A slow source: serves `body` with its Content-Length, the first `head` bytes at once, then one
 * byte a second, for as long as the client stays; `responses` records each request's progress.
 */
export function trickle(
  body: Buffer,
  contentType: string,
  { head = 0 }: { head?: number } = {},
): Route & { responses: TrickleResponse[] } {
  const responses: TrickleResponse[] = [];
  const route: Route = (_request, response) => {
    const state: TrickleResponse = { sent: 0, closed: false };
    responses.push(state);
    response.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': String(body.length),
    });
    response.write(body.subarray(0, head));
    state.sent = head;
    const timer = setInterval(() => {
      if (state.sent < body.length) {
        response.write(body.subarray(state.sent, state.sent + 1));
        state.sent += 1;
      }
    }, 1_000);
    response.once('close', () => {
      clearInterval(timer);
      state.closed = true;
    });
  };
  return Object.assign(route, { responses });
}

import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { rootLoggerOptions } from './logger.options.js';
import { PinoLoggerService } from './pino-logger.service.js';
import { requestIdMiddleware } from './request-id.middleware.js';
import { requestLogging } from './request-logger.js';

describe('requestLogging', () => {
  const lines: Record<string, unknown>[] = [];
  const root = pino(rootLoggerOptions({ logLevel: 'info' } as AppConfig), {
    write: (line: string) => lines.push(JSON.parse(line)),
  });
  const logRequest = requestLogging(root);
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    Logger.overrideLogger(new PinoLoggerService(root));
    server = createServer((request, response) =>
      requestIdMiddleware(request, response, () =>
        logRequest(request, response, async () => {
          await new Promise((resolve) =>
            setTimeout(resolve, request.url === '/slow' ? 500 : 5),
          );
          new Logger('Handler').log('handling');
          response.statusCode =
            request.url === '/missing'
              ? 404
              : request.url === '/broken'
                ? 500
                : 200;
          response.end('ok');
        }),
      ),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  beforeEach(() => (lines.length = 0));

  const completed = () =>
    vi.waitFor(() => {
      const line = lines.find((entry) => entry.msg === 'request completed');
      expect(line).toBeDefined();
      return line!;
    });

  it('logs the completed request with the same id, credentials left out', async () => {
    const response = await fetch(
      `${baseUrl}/uploads/ws_1/media_1/a.png?expires=1&signature=abc123`,
      {
        headers: {
          Authorization: 'Bearer mk_live_secret',
          'X-API-Key': 'mk_live_other',
          'User-Agent': 'scheduler/1.0',
        },
      },
    );
    const line = await completed();
    expect(line).toMatchObject({
      level: 30,
      reqId: response.headers.get('x-request-id'),
      req: {
        id: response.headers.get('x-request-id'),
        method: 'GET',
        url: '/uploads/ws_1/media_1/a.png?expires=1&signature=[redacted]',
        headers: { 'user-agent': 'scheduler/1.0' },
      },
      res: { statusCode: 200 },
    });
    expect(line.res).toEqual({ statusCode: 200 });
    expect(JSON.stringify(lines)).not.toContain('mk_live_');
  });

  it('logs client errors as warnings', async () => {
    await fetch(`${baseUrl}/missing`);
    expect((await completed()).level).toBe(40);
  });

  it('logs server errors as errors', async () => {
    await fetch(`${baseUrl}/broken`);
    expect((await completed()).level).toBe(50);
  });

  it('logs a request the client gave up on as aborted', async () => {
    await expect(
      fetch(`${baseUrl}/slow`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    const line = await vi.waitFor(() => {
      const aborted = lines.find((entry) => entry.msg === 'request aborted');
      expect(aborted).toBeDefined();
      return aborted!;
    });
    expect(line).toMatchObject({ level: 40, req: { url: '/slow' } });
    // The handler finishes after the client left; nothing more is logged for the request.
    await vi.waitFor(() =>
      expect(lines.some((entry) => entry.msg === 'handling')).toBe(true),
    );
    expect(lines.some((entry) => entry.msg === 'request completed')).toBe(
      false,
    );
  });

  it('does not log health probes', async () => {
    await fetch(`${baseUrl}/health/live`);
    await vi.waitFor(() =>
      expect(lines.some((line) => line.msg === 'handling')).toBe(true),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.map((line) => line.msg)).toEqual(['handling']);
  });

  it('logs outside a request without a request id', () => {
    new Logger('Boot').log('started');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toHaveProperty('reqId');
  });
});

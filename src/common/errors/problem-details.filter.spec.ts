import {
  ConflictException,
  HttpException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
} from '@nestjs/common';
import { loadConfig } from '../../config/app-config.js';
import { ApiError } from './api-error.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

const filter = () =>
  new ProblemDetailsFilter(
    loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/media_api',
      REDIS_URL: 'redis://cache.internal:6380',
    }),
  );

function fakeHost() {
  const sent: {
    status?: number;
    type?: string;
    body?: string;
    headers: Record<string, string>;
  } = { headers: { 'X-Request-Id': 'req_test' } };
  const response = {
    headersSent: false,
    getHeader: (name: string) => sent.headers[name],
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    removeHeader: (name: string) => delete sent.headers[name],
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({}),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  return { host, sent, json: () => JSON.parse(sent.body!) };
}

describe('ProblemDetailsFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers a failure of our own storage with 507, without the caching headers a handler had set', () => {
    const { host, sent, json } = fakeHost();
    sent.headers['Cache-Control'] = 'public, max-age=86400';
    sent.headers.ETag = '"abc"';
    sent.headers['Content-Disposition'] = 'inline';
    filter().catch(
      new Error('write failed', {
        cause: Object.assign(new Error('ENOSPC: no space left on device'), {
          code: 'ENOSPC',
        }),
      }),
      host,
    );
    expect(sent.status).toBe(507);
    expect(json()).toMatchObject({ code: 'insufficient_storage' });
    expect(sent.body).not.toContain('ENOSPC');
    expect(sent.headers['Cache-Control']).toBe('no-store');
    expect(sent.headers.ETag).toBeUndefined();
    expect(sent.headers['Content-Disposition']).toBeUndefined();
  });

  it('hides unexpected errors behind 500 internal_error', () => {
    const { host, sent, json } = fakeHost();
    filter().catch(
      new Error('password=hunter2 at Database.connect (/srv/app.js:1:1)'),
      host,
    );
    expect(sent.status).toBe(500);
    expect(sent.type).toBe('application/problem+json');
    expect(json()).toEqual({
      type: 'urn:media-api:problem:internal_error',
      title: 'Internal error',
      status: 500,
      code: 'internal_error',
      message: 'An unexpected error occurred',
      requestId: 'req_test',
    });
    expect(sent.body).not.toContain('hunter2');
  });

  it('logs an unexpected error with the request id the client was given', () => {
    const logged: unknown[][] = [];
    Logger.overrideLogger({
      log: () => undefined,
      warn: () => undefined,
      error: (...args: unknown[]) => logged.push(args),
    });
    try {
      const failure = new Error('disk on fire');
      filter().catch(failure, fakeHost().host);
      expect(logged).toEqual([
        [
          { err: failure, requestId: 'req_test' },
          'Unexpected error',
          'ProblemDetails',
        ],
      ]);
    } finally {
      Logger.overrideLogger(false);
    }
  });

  it('logs the cause of a domain error with the request id, and answers only its message', () => {
    const logged: unknown[][] = [];
    Logger.overrideLogger({
      log: () => undefined,
      warn: (...args: unknown[]) => logged.push(args),
      error: () => undefined,
    });
    try {
      const cause = new Error('connect ECONNREFUSED 203.0.113.9:443');
      const { host, json } = fakeHost();
      filter().catch(
        new ApiError(
          'internal_error',
          'The file could not be downloaded: could not connect to example.com',
          {},
          { cause },
        ),
        host,
      );
      expect(json()).toMatchObject({
        status: 500,
        message:
          'The file could not be downloaded: could not connect to example.com',
      });
      expect(JSON.stringify(json())).not.toContain('ECONNREFUSED');
      expect(logged).toEqual([
        [
          { err: cause, requestId: 'req_test', code: 'internal_error' },
          'The file could not be downloaded: could not connect to example.com',
          'ProblemDetails',
        ],
      ]);
    } finally {
      Logger.overrideLogger(false);
    }
  });

  it('does not log a domain error without a cause: its answer says it all', () => {
    const logged: unknown[][] = [];
    Logger.overrideLogger({
      log: () => undefined,
      warn: (...args: unknown[]) => logged.push(args),
      error: (...args: unknown[]) => logged.push(args),
    });
    try {
      filter().catch(ApiError.validation('url', 'bad'), fakeHost().host);
      expect(logged).toEqual([]);
    } finally {
      Logger.overrideLogger(false);
    }
  });

  it('maps an unreachable database to 503 with Retry-After', () => {
    const { host, sent, json } = fakeHost();
    filter().catch(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        address: '127.0.0.1',
        port: 5432,
      }),
      host,
    );
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('5');
    expect(json().code).toBe('service_unavailable');
    expect(json().message).not.toContain('5432');
  });

  it('passes domain errors through with their code, field errors and headers', () => {
    const { host, sent, json } = fakeHost();
    filter().catch(
      new ApiError('idempotency_in_progress', 'still running', {
        headers: { 'Retry-After': '1' },
      }),
      host,
    );
    expect(sent.status).toBe(409);
    expect(sent.headers['Retry-After']).toBe('1');
    expect(json()).toMatchObject({
      code: 'idempotency_in_progress',
      message: 'still running',
    });
    const second = fakeHost();
    filter().catch(
      ApiError.validation('url', 'url must be https'),
      second.host,
    );
    expect(second.json().errors).toEqual([
      { field: 'url', message: 'url must be https' },
    ]);
  });

  it('turns Nest HTTP exceptions into the same shape', () => {
    const { host, sent, json } = fakeHost();
    filter().catch(new NotFoundException(), host);
    expect(sent.status).toBe(404);
    expect(json().code).toBe('not_found');
  });

  it.each([
    [
      'our Redis, configured by name, refusing connections',
      { code: 'ECONNREFUSED', address: '10.1.2.3', port: 6380 },
      503,
    ],
    [
      "our Redis host's name not resolving",
      { code: 'ENOTFOUND', hostname: 'cache.internal' },
      503,
    ],
    [
      'a PostgreSQL admin shutdown (57P01) inside a TypeORM error',
      {
        driverError: Object.assign(new Error('terminating'), { code: '57P01' }),
      },
      503,
    ],
    [
      'another host refusing connections (a user URL)',
      { code: 'ECONNREFUSED', address: '203.0.113.7', port: 443 },
      500,
    ],
    [
      'another host on our database port',
      { code: 'ECONNREFUSED', address: '203.0.113.7', port: 5432 },
      500,
    ],
    [
      "another host's name not resolving",
      { code: 'ENOTFOUND', hostname: 'files.example.com' },
      500,
    ],
    ['a timeout without an address', { code: 'ETIMEDOUT' }, 500],
  ])('answers %s with %i', (_, fields, status) => {
    const { host, sent } = fakeHost();
    filter().catch(Object.assign(new Error('failure'), fields), host);
    expect(sent.status).toBe(status);
  });

  it.each([
    [new ConflictException('busy'), 409, 'conflict', 'busy'],
    [
      new HttpException('bad entity', 422),
      422,
      'unprocessable_entity',
      'bad entity',
    ],
    [
      new NotFoundException('No such export'),
      404,
      'not_found',
      'No such export',
    ],
    [
      new NotFoundException('Cannot GET /nowhere'),
      404,
      'not_found',
      'No such route',
    ],
    [
      new HttpException('teapot', 500),
      500,
      'internal_error',
      'An unexpected error occurred',
    ],
  ])(
    'maps %s to its own status and code',
    (exception, status, code, message) => {
      const { host, sent, json } = fakeHost();
      filter().catch(exception, host);
      expect(sent.status).toBe(status);
      expect(json()).toMatchObject({ status, code, message });
    },
  );
});

import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ApiError } from './api-error.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

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

  it('hides unexpected errors behind 500 internal_error', () => {
    const { host, sent, json } = fakeHost();
    new ProblemDetailsFilter().catch(
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

  it('maps an unreachable database to 503 with Retry-After', () => {
    const { host, sent, json } = fakeHost();
    new ProblemDetailsFilter().catch(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
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
    new ProblemDetailsFilter().catch(
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
    new ProblemDetailsFilter().catch(
      ApiError.validation('url', 'url must be https'),
      second.host,
    );
    expect(second.json().errors).toEqual([
      { field: 'url', message: 'url must be https' },
    ]);
  });

  it('turns Nest HTTP exceptions into the same shape', () => {
    const { host, sent, json } = fakeHost();
    new ProblemDetailsFilter().catch(new NotFoundException(), host);
    expect(sent.status).toBe(404);
    expect(json().code).toBe('not_found');
  });
});

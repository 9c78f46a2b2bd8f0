import {
  Logger,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { lastValueFrom, of, throwError } from 'rxjs';
import { ApiError } from '../../common/errors/api-error.js';
import { StoredProblem } from '../../common/errors/render-problem.js';
import { loadConfig } from '../../config/app-config.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import type {
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from './idempotency.store.js';

/** The Redis records in memory, with the store's owner-conditional semantics. */
class FakeIdempotencyStore implements Pick<
  IdempotencyStore,
  'claim' | 'renew' | 'complete' | 'release'
> {
  readonly records = new Map<string, IdempotencyRecord>();
  failing = false;

  async claim(key: string, fingerprint: string) {
    if (this.failing) throw new Error('redis down');
    const current = this.records.get(key);
    if (current) return { record: current };
    const owner = randomUUID();
    this.records.set(key, { state: 'running', fingerprint, owner });
    return { owner };
  }

  async renew(): Promise<void> {}

  async complete(
    key: string,
    owner: string,
    fingerprint: string,
    response: StoredResponse,
  ) {
    const current = this.records.get(key);
    if (current?.state === 'running' && current.owner === owner) {
      this.records.set(key, { state: 'done', fingerprint, ...response });
    }
  }

  async release(key: string, owner: string) {
    const current = this.records.get(key);
    if (current?.state === 'running' && current.owner === owner) {
      this.records.delete(key);
    }
  }
}

function httpContext(body: unknown, key: string | null = 'key-1') {
  const headers: Record<string, string> = {};
  const request = {
    method: 'POST',
    originalUrl: '/v1/media',
    body,
    auth: { workspace: { id: 'ws_test' } },
    header: (name: string) =>
      name.toLowerCase() === 'idempotency-key' ? (key ?? undefined) : undefined,
  };
  const response = {
    getHeader: () => 'req-1',
    setHeader: (name: string, value: string) => {
      headers[name] = value;
    },
  };
  const context = {
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => response,
    }),
    getHandler: () => function handler() {},
    getClass: () => class Controller {},
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('IdempotencyInterceptor', () => {
  let store: FakeIdempotencyStore;
  let interceptor: IdempotencyInterceptor;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    store = new FakeIdempotencyStore();
    interceptor = new IdempotencyInterceptor(
      store as unknown as IdempotencyStore,
      new Reflector(),
      loadConfig({}),
    );
  });

  function call(
    body: unknown,
    handler: () => unknown,
  ): { result: Promise<unknown>; headers: Record<string, string> } {
    const { context, headers } = httpContext(body);
    const next: CallHandler = {
      handle: () => {
        try {
          return of(handler());
        } catch (error) {
          return throwError(() => error);
        }
      },
    };
    return {
      result: lastValueFrom(interceptor.intercept(context, next), {
        defaultValue: undefined,
      }),
      headers,
    };
  }

  it('runs the first request and replays its response to a repeat with Idempotent-Replayed: true', async () => {
    const handler = vi.fn(() => ({ id: 'media_1' }));
    const first = call({ url: 'https://x.test/a' }, handler);
    expect(await first.result).toEqual({ id: 'media_1' });
    expect(first.headers).not.toHaveProperty('Idempotent-Replayed');

    const again = call({ url: 'https://x.test/a' }, handler);
    expect(await again.result).toEqual({ id: 'media_1' });
    expect(again.headers['Idempotent-Replayed']).toBe('true');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('stores a success with status 201 and the JSON body', async () => {
    await call({ a: 1 }, () => ({ ok: true })).result;
    const [record] = [...store.records.values()];
    expect(record).toMatchObject({
      state: 'done',
      status: 201,
      body: JSON.stringify({ ok: true }),
    });
  });

  it('answers 409 idempotency_conflict for a different body under the same key', async () => {
    await call({ a: 1 }, () => ({ ok: true })).result;
    const handler = vi.fn(() => ({ ok: 'second' }));
    await expect(call({ a: 2 }, handler).result).rejects.toMatchObject({
      code: 'idempotency_conflict',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('treats a body with its keys in another order as the same request', async () => {
    await call({ a: 1, b: 2 }, () => ({ ok: true })).result;
    const again = call({ b: 2, a: 1 }, () => ({ ok: 'other' }));
    expect(await again.result).toEqual({ ok: true });
  });

  it('answers idempotency_in_progress while the first request still runs', async () => {
    let finish!: (value: unknown) => void;
    const first = call(
      { a: 1 },
      () => new Promise((resolve) => (finish = resolve)),
    );
    // The handler returns a promise the interceptor awaits through `of(...)`; it stays running.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [record] = [...store.records.values()];
    expect(record.state).toBe('running');
    await expect(call({ a: 1 }, () => ({})).result).rejects.toMatchObject({
      code: 'idempotency_in_progress',
    });
    finish({ ok: true });
    await first.result;
  }, 10_000);

  it('replays a replayable refusal as the same problem', async () => {
    const first = call({ a: 1 }, () => {
      throw ApiError.notFound('media item', 'media_x');
    });
    await expect(first.result).rejects.toBeInstanceOf(ApiError);
    const handler = vi.fn();
    const again = call({ a: 1 }, handler);
    const error = await again.result.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredProblem);
    expect((error as StoredProblem).problem.status).toBe(404);
    expect(again.headers['Idempotent-Replayed']).toBe('true');
    expect(handler).not.toHaveBeenCalled();
  });

  it('does not keep a refusal marked replayable: false, so the key can be used again', async () => {
    await expect(
      call({ a: 1 }, () => {
        throw new ApiError('validation_error', 'bad body', {
          replayable: false,
        });
      }).result,
    ).rejects.toMatchObject({ code: 'validation_error' });
    expect(store.records.size).toBe(0);
    expect(await call({ a: 1 }, () => ({ ok: true })).result).toEqual({
      ok: true,
    });
  });

  it.each([
    ['a 5xx ApiError', () => new ApiError('internal_error', 'boom')],
    ['an unexpected error', () => new Error('bug')],
  ])('does not keep %s', async (_name, error) => {
    await expect(
      call({ a: 1 }, () => {
        throw error();
      }).result,
    ).rejects.toBeDefined();
    expect(store.records.size).toBe(0);
  });

  it('answers 503 service_unavailable when the store is away, without running the handler', async () => {
    store.failing = true;
    const handler = vi.fn();
    await expect(call({ a: 1 }, handler).result).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an invalid Idempotency-Key', () => {
    const { context } = httpContext({}, '');
    expect(() =>
      interceptor.intercept(context, { handle: () => of(null) }),
    ).toThrow(ApiError);
  });

  it('passes through a request without a key', async () => {
    const { context } = httpContext({ a: 1 }, null);
    const result = await lastValueFrom(
      interceptor.intercept(context, { handle: () => of('plain') }),
    );
    expect(result).toBe('plain');
    expect(store.records.size).toBe(0);
  });
});

import {
  Logger,
  type CallHandler,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of, throwError } from 'rxjs';
import { ApiError } from '../../common/errors/api-error.js';
import { StoredProblem } from '../../common/errors/render-problem.js';
import { loadConfig } from '../../config/app-config.js';
import { SigningKeys } from '../../infra/secrets/signing-keys.js';
import type {
  HeldKey,
  IdempotencyRecordRepository,
  StoredResponse,
} from './idempotency-record.repository.js';
import {
  DERIVES_IDEMPOTENCY_KEY,
  IdempotencyInterceptor,
} from './idempotency.interceptor.js';
import { recoveryPoints } from '../../infra/database/recovery-point.js';

type Row = { fingerprint: string } & (
  | { state: 'running'; owner: string | null; created?: string[] }
  | ({ state: 'done' } & StoredResponse)
);

/** The PostgreSQL records in memory, with the repository's owner-conditional semantics. */
class FakeRecords implements Pick<
  IdempotencyRecordRepository,
  'claim' | 'renew' | 'complete' | 'release' | 'recoveryPoint'
> {
  readonly records = new Map<string, Row>();
  /** Every statement fails (the database is away). */
  failing = false;
  /** Only storing an answer fails (the record store refuses after the handler ran). */
  refusingAnswers = false;

  async claim(
    workspaceId: string,
    key: string,
    fingerprint: string,
    owner: string,
  ): Promise<{ owner: string } | { held: HeldKey }> {
    if (this.failing) throw new Error('database down');
    const current = this.records.get(`${workspaceId}:${key}`);
    if (current?.state === 'running') {
      return {
        held:
          current.created && current.owner === null
            ? {
                state: 'unanswered',
                fingerprint: current.fingerprint,
                created: current.created,
              }
            : { state: 'running', fingerprint: current.fingerprint },
      };
    }
    if (current) return { held: current };
    this.records.set(`${workspaceId}:${key}`, {
      state: 'running',
      fingerprint,
      owner,
    });
    return { owner };
  }

  async renew(): Promise<void> {}

  async complete(
    workspaceId: string,
    key: string,
    owner: string,
    response: StoredResponse,
  ): Promise<boolean> {
    if (this.failing || this.refusingAnswers) throw new Error('refused');
    const current = this.records.get(`${workspaceId}:${key}`);
    if (current?.state !== 'running' || current.owner !== owner) return false;
    this.records.set(`${workspaceId}:${key}`, {
      state: 'done',
      fingerprint: current.fingerprint,
      ...response,
    });
    return true;
  }

  async release(workspaceId: string, key: string, owner: string) {
    if (this.failing) throw new Error('database down');
    const current = this.records.get(`${workspaceId}:${key}`);
    if (current?.state === 'running' && current.owner === owner) {
      if (current.created) current.owner = null;
      else this.records.delete(`${workspaceId}:${key}`);
    }
  }

  /** Its statement or clause, run by an effect, records what the effect created (for the SQL). */
  recoveryPoint(workspaceId: string, key: string, owner: string) {
    const mark = (createdIds: string[]) => {
      const current = this.records.get(`${workspaceId}:${key}`);
      if (current?.state === 'running' && current.owner === owner) {
        current.created = [...(current.created ?? []), ...createdIds];
      }
      return { name: 'recovery-point', text: '', values: createdIds };
    };
    return { statement: mark, clause: mark };
  }
}

function httpContext(
  body: unknown,
  key: string | null = 'key-1',
  derives = false,
) {
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
  function handler() {}
  if (derives) Reflect.defineMetadata(DERIVES_IDEMPOTENCY_KEY, true, handler);
  const context = {
    switchToHttp: () => ({
      getRequest: () => request,
      getResponse: () => response,
    }),
    getHandler: () => handler,
    getClass: () => class Controller {},
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('IdempotencyInterceptor', () => {
  let store: FakeRecords;
  let interceptor: IdempotencyInterceptor;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    store = new FakeRecords();
    interceptor = new IdempotencyInterceptor(
      store as unknown as IdempotencyRecordRepository,
      new Reflector(),
      loadConfig({ IDEMPOTENCY_MAX_RESPONSE_BYTES: '1024' }),
      new SigningKeys('x'.repeat(32)),
    );
  });

  function call(
    body: unknown,
    handler: () => unknown,
    key: string | null = 'key-1',
  ): { result: Promise<unknown>; headers: Record<string, string> } {
    const { context, headers } = httpContext(body, key, key === null);
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

  it('stores a success with status 201 and its JSON body sealed', async () => {
    await call({ a: 1 }, () => ({ secret: 'whsec_abc' })).result;
    const [record] = [...store.records.values()];
    expect(record).toMatchObject({
      state: 'done',
      status: 201,
      contentType: 'application/json; charset=utf-8',
    });
    const { sealedBody } = record as StoredResponse;
    expect(sealedBody).toEqual(expect.any(String));
    expect(sealedBody).not.toContain('whsec_abc');
    expect(
      Buffer.from(sealedBody!.split('.')[1], 'base64').toString(),
    ).not.toContain('whsec_abc');
  });

  it('answers the real response when its record cannot be stored, and stores it once it can', async () => {
    store.refusingAnswers = true;
    const handler = vi.fn(() => ({ id: 'media_1' }));
    expect(await call({ a: 1 }, handler).result).toEqual({ id: 'media_1' });
    // The key stays held (lease renewed) while the record is retried: no second execution.
    await expect(call({ a: 1 }, handler).result).rejects.toMatchObject({
      code: 'idempotency_in_progress',
    });
    store.refusingAnswers = false;
    await vi.waitFor(() =>
      expect([...store.records.values()][0].state).toBe('done'),
    );
    const again = call({ a: 1 }, handler);
    expect(await again.result).toEqual({ id: 'media_1' });
    expect(again.headers['Idempotent-Replayed']).toBe('true');
    expect(handler).toHaveBeenCalledTimes(1);
  }, 10_000);

  it('keeps a receipt of the created items over IDEMPOTENCY_MAX_RESPONSE_BYTES, and does not run the request again', async () => {
    const handler = vi.fn(() => ({
      uploads: [
        { mediaId: 'media_a', url: 'x'.repeat(1_000) },
        { mediaId: 'media_b', url: 'x'.repeat(1_000) },
      ],
    }));
    expect(await call({ a: 1 }, handler).result).toMatchObject({
      uploads: [{ mediaId: 'media_a' }, { mediaId: 'media_b' }],
    });
    const [record] = [...store.records.values()];
    expect(record).toMatchObject({
      state: 'done',
      contentType: 'application/vnd.media-api.receipt+json',
    });
    const again = call({ a: 1 }, handler).result;
    await expect(again).rejects.toMatchObject({
      code: 'idempotency_conflict',
    });
    await expect(again).rejects.toThrow(/created media_a, media_b/);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('keeps only successes under a derived key: a refusal may be retried', async () => {
    const refused = vi.fn(() => {
      throw ApiError.validation('url', 'private address');
    });
    await expect(call({ a: 1 }, refused, null).result).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(store.records.size).toBe(0);
    const again = call({ a: 1 }, () => ({ ok: true }), null);
    expect(await again.result).toEqual({ ok: true });
    expect(again.headers).not.toHaveProperty('Idempotent-Replayed');
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

  it('answers 503 service_unavailable when the records are away, without running the handler', async () => {
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

  it('does not free the key of a failed request whose effect committed: a retry is told what it created', async () => {
    const handler = vi.fn(() => {
      // The effect's transaction runs the recovery point in scope, then the request fails.
      recoveryPoints.current()!.statement(['media_1', 'job_1']);
      throw new Error('the queue went away after the item was saved');
    });
    await expect(call({ a: 1 }, handler).result).rejects.toThrow('queue');
    const retry = call({ a: 1 }, handler).result;
    await expect(retry).rejects.toMatchObject({
      code: 'idempotency_conflict',
      message: expect.stringContaining('It created media_1, job_1:'),
    });
    await expect(retry).rejects.toMatchObject({
      message: expect.stringContaining('GET /v1/media/import/{jobId}/status'),
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('frees the key of a failed request that committed nothing', async () => {
    const handler = vi
      .fn<() => unknown>()
      .mockImplementationOnce(() => {
        throw new Error('boom');
      })
      .mockImplementationOnce(() => ({ id: 'media_2' }));
    await expect(call({ a: 1 }, handler).result).rejects.toThrow('boom');
    expect(await call({ a: 1 }, handler).result).toEqual({ id: 'media_2' });
  });
});

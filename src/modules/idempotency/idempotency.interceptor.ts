import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../common/auth/auth.decorators.js';
import { ApiError } from '../../common/errors/api-error.js';
import {
  PROBLEM_CONTENT_TYPE,
  renderProblem,
  StoredProblem,
} from '../../common/errors/render-problem.js';
import { AppConfig } from '../../config/app-config.js';
import {
  IdempotencyStore,
  type IdempotencyRecord,
  type StoredResponse,
} from './idempotency.store.js';
import {
  isValidIdempotencyKey,
  requestFingerprint,
} from './request-fingerprint.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const DERIVES_IDEMPOTENCY_KEY = 'idempotency:derive-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a duplicate waits for the first request before it is told to retry. */
const DUPLICATE_WAIT_MS = 3_000;
const POLL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function unavailable(): ApiError {
  return new ApiError(
    'service_unavailable',
    'Idempotency records (Redis) are unavailable; retry shortly',
    { headers: { 'Retry-After': '5' } },
  );
}

/**
 * Stripe-grade idempotency for POST requests (docs/contracts.md#idempotency), after authentication,
 * rate limits and the scope checks. The first request with a key takes a short lease and runs; its
 * 2xx or 4xx response is kept 24 h and replayed, byte for byte with `Idempotent-Replayed: true`, to
 * any later request with the same key and the same method, path and body (keys in any order). A
 * different request under the key is 409 `idempotency_conflict`; one arriving while the first still
 * runs waits a little, then gets the replay or 409 `idempotency_in_progress`. Refused requests
 * (body validation) and 5xx are not kept, so the key can be used again. Without Redis: 503, never a
 * silent second execution.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly leaseMs: number;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.leaseMs = config.idempotency.leaseSeconds * 1_000;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.method !== 'POST' || !request.auth) {
      return next.handle();
    }
    const header = request.header(IDEMPOTENCY_KEY_HEADER);
    const derives = this.reflector.get<boolean>(
      DERIVES_IDEMPOTENCY_KEY,
      context.getHandler(),
    );
    if (header === undefined && !derives) {
      return next.handle();
    }
    if (header !== undefined && !isValidIdempotencyKey(header)) {
      throw ApiError.validation(
        'Idempotency-Key',
        'Idempotency-Key must be 1–255 printable ASCII characters',
      );
    }
    const fingerprint = requestFingerprint(
      request.method,
      request.originalUrl,
      request.body,
    );
    const scopedKey = `idempotency:${request.auth.workspace.id}:${createHash(
      'sha256',
    )
      .update(header ?? `derived:${fingerprint}`)
      .digest('hex')}`;
    const requestId = context
      .switchToHttp()
      .getResponse<Response>()
      .getHeader('X-Request-Id');
    return from(
      this.run(context, next, scopedKey, fingerprint, String(requestId ?? '')),
    );
  }

  private async run(
    context: ExecutionContext,
    next: CallHandler,
    key: string,
    fingerprint: string,
    requestId: string,
  ): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    const deadline = Date.now() + DUPLICATE_WAIT_MS;
    for (;;) {
      const claim = await this.guard(() =>
        this.store.claim(key, fingerprint, this.leaseMs),
      );
      if ('owner' in claim) {
        return this.execute(
          context,
          next,
          key,
          claim.owner,
          fingerprint,
          requestId,
        );
      }
      const { record } = claim;
      if (record.fingerprint !== fingerprint) {
        throw new ApiError(
          'idempotency_conflict',
          'This Idempotency-Key was used for a different request (method, path or body); use a new key',
        );
      }
      if (record.state === 'done') {
        response.setHeader(REPLAYED_HEADER, 'true');
        return this.replay(record);
      }
      // Still running: wait for its response (or for its lease to lapse) a little while.
      if (Date.now() >= deadline) {
        throw new ApiError(
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still in progress; retry shortly',
          { headers: { 'Retry-After': '1' } },
        );
      }
      await sleep(POLL_MS);
    }
  }

  private async execute(
    context: ExecutionContext,
    next: CallHandler,
    key: string,
    owner: string,
    fingerprint: string,
    requestId: string,
  ): Promise<unknown> {
    const renewal = setInterval(() => {
      this.store.renew(key, owner, this.leaseMs).catch((error: unknown) =>
        // The request goes on; if its lease lapses, a retry of the key may run it again.
        this.logger.warn(
          { requestId },
          `Could not renew the idempotency lease: ${String(error)}`,
        ),
      );
    }, this.leaseMs / 3);
    try {
      const body = await lastValueFrom(next.handle(), {
        defaultValue: undefined,
      });
      await this.keep(key, owner, fingerprint, {
        status: this.successStatus(context),
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(body ?? null),
      });
      return body;
    } catch (error) {
      if (error instanceof ApiError && error.replayable) {
        const problem = renderProblem(error, requestId);
        await this.keep(key, owner, fingerprint, {
          status: problem.status,
          contentType: PROBLEM_CONTENT_TYPE,
          body: JSON.stringify(problem),
        });
        throw error;
      }
      await this.store.release(key, owner).catch((error: unknown) =>
        // The lease lapses by itself within IDEMPOTENCY_LEASE_SECONDS.
        this.logger.warn(
          { requestId },
          `Could not release the idempotency key: ${String(error)}`,
        ),
      );
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }

  private async keep(
    key: string,
    owner: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<void> {
    await this.guard(() =>
      this.store.complete(key, owner, fingerprint, response),
    );
  }

  private replay(
    record: Extract<IdempotencyRecord, { state: 'done' }>,
  ): unknown {
    if (record.contentType === PROBLEM_CONTENT_TYPE) {
      throw new StoredProblem(JSON.parse(record.body));
    }
    return JSON.parse(record.body);
  }

  /** The status Nest will send for a success: `@HttpCode`, else 201 for POST. */
  private successStatus(context: ExecutionContext): number {
    return (
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      201
    );
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch {
      throw unavailable();
    }
  }
}

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
import { createHash, randomUUID } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../common/auth/auth.decorators.js';
import { ApiError } from '../../common/errors/api-error.js';
import {
  PROBLEM_CONTENT_TYPE,
  renderProblem,
  StoredProblem,
} from '../../common/errors/render-problem.js';
import { AppConfig } from '../../config/app-config.js';
import { recoveryPoints } from '../../infra/database/recovery-point.js';
import { SealedBox } from '../../infra/secrets/sealed-box.js';
import { SigningKeys } from '../../infra/secrets/signing-keys.js';
import { WEBHOOK_SECRET_KEYS } from '../webhooks/webhook-secrets.js';
import {
  IdempotencyRecordRepository,
  type HeldKey,
  type StoredResponse,
} from './idempotency-record.repository.js';
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
/**
 * Storing a success's answer is retried this long, the waits doubling from the first up to the
 * most, while the lease is kept renewed: the client already has its answer, and its retry meets
 * `idempotency_in_progress` until the record is in (docs/contracts.md#idempotency).
 */
const KEEP_RETRY_FIRST_MS = 100;
const KEEP_RETRY_MAX_MS = 5_000;
const KEEP_RETRY_FOR_MS = 10 * 60_000;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** What is kept of an answer over IDEMPOTENCY_MAX_RESPONSE_BYTES: the ids of the items it created. */
const RECEIPT_CONTENT_TYPE = 'application/vnd.media-api.receipt+json';
/** A receipt names at most this many items (bulk routes create at most 100). */
const RECEIPT_MAX_IDS = 100;

/**
 * The media ids an answer names (`mediaId` fields, `id` fields holding a media id), in order: what a
 * client needs to read back what an oversized answer created.
 */
function createdMediaIds(value: unknown, found = new Set<string>()): string[] {
  if (Array.isArray(value)) {
    for (const item of value) createdMediaIds(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [name, field] of Object.entries(value)) {
      if (
        typeof field === 'string' &&
        (name === 'mediaId' || (name === 'id' && field.startsWith('media_')))
      ) {
        found.add(field);
      } else {
        createdMediaIds(field, found);
      }
    }
  }
  return [...found];
}

/** Where a client reads back what a request it has no answer to created, by the ids' kinds. */
function whatItCreated(ids: string[]): string {
  if (ids.length === 0) return 'It created nothing.';
  const hints = [];
  if (ids.some((id) => id.startsWith('media_'))) {
    hints.push(
      'read items with GET /v1/media/{id} and get new upload URLs with POST /v1/media/{id}/refresh-presign',
    );
  }
  if (ids.some((id) => id.startsWith('job_'))) {
    hints.push('follow an import with GET /v1/media/import/{jobId}/status');
  }
  if (ids.some((id) => id.startsWith('wh_'))) {
    hints.push(
      "get a webhook endpoint's new signing secret with POST /v1/webhooks/{id}/rotate-secret",
    );
  }
  return `It created ${ids.join(', ')}: ${hints.join('; ')}.`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key a request is claimed under: one workspace's, hashed so any key fits the column. */
interface ClaimedKey {
  workspaceId: string;
  key: string;
  fingerprint: string;
  /** No Idempotency-Key was sent: only successes are kept. */
  derived: boolean;
  requestId: string;
}

/**
 * Stripe-grade idempotency for POST requests (docs/contracts.md#idempotency), after authentication,
 * rate limits and the scope checks, with its records in PostgreSQL beside the data the requests
 * create (IdempotencyRecordRepository): a Redis outage or restart changes nothing here. The first
 * request with a key claims it with a lease and runs; its 2xx (or, under a sent key, judged 4xx)
 * answer is kept 24 h, sealed, and replayed with `Idempotent-Replayed: true` to any later request
 * with the same key and the same method, path and body (keys in any order). A different request
 * under the key is 409 `idempotency_conflict`; one arriving while the first still runs waits a
 * little, then gets the replay or 409 `idempotency_in_progress`. Without the database: 503 before
 * running, never a silent second execution; after a success the real answer, always.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly leaseMs: number;
  private readonly maxResponseBytes: number;
  private readonly box: SealedBox;

  constructor(
    private readonly records: IdempotencyRecordRepository,
    private readonly reflector: Reflector,
    config: AppConfig,
    keys: SigningKeys,
  ) {
    this.leaseMs = config.idempotency.leaseSeconds * 1_000;
    this.maxResponseBytes = config.idempotency.maxResponseBytes;
    // Stored answers may carry a webhook signing secret: sealed with the keys that seal those.
    this.box = new SealedBox(keys.keyring(WEBHOOK_SECRET_KEYS), 'base64');
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
    const requestId = context
      .switchToHttp()
      .getResponse<Response>()
      .getHeader('X-Request-Id');
    const claimed: ClaimedKey = {
      workspaceId: request.auth.workspace.id,
      key: createHash('sha256')
        .update(header ?? `derived:${fingerprint}`)
        .digest('hex'),
      fingerprint,
      derived: header === undefined,
      requestId: String(requestId ?? ''),
    };
    return from(this.run(context, next, claimed));
  }

  private async run(
    context: ExecutionContext,
    next: CallHandler,
    claimed: ClaimedKey,
  ): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    const deadline = Date.now() + DUPLICATE_WAIT_MS;
    for (;;) {
      const claim = await this.claim(claimed);
      if (claim && 'owner' in claim) {
        return this.execute(context, next, claimed, claim.owner);
      }
      if (claim) {
        const { held } = claim;
        if (held.fingerprint !== claimed.fingerprint) {
          throw new ApiError(
            'idempotency_conflict',
            'This Idempotency-Key was used for a different request (method, path or body); use a new key',
          );
        }
        if (held.state === 'done') {
          response.setHeader(REPLAYED_HEADER, 'true');
          return this.replay(claimed, held);
        }
        if (held.state === 'unanswered') {
          throw new ApiError(
            'idempotency_conflict',
            `The request with this Idempotency-Key ran once and will not run again, but its answer was lost (the server stopped before storing it). ${whatItCreated(held.created)}`,
          );
        }
        // Still running: wait for its answer (or for its lease to lapse) a little while.
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
  }

  private async claim(
    claimed: ClaimedKey,
  ): Promise<{ owner: string } | { held: HeldKey } | null> {
    try {
      return await this.records.claim(
        claimed.workspaceId,
        claimed.key,
        claimed.fingerprint,
        randomUUID(),
        this.leaseMs,
      );
    } catch (error) {
      this.logger.warn(
        { requestId: claimed.requestId },
        `Could not claim the idempotency key: ${String(error)}`,
      );
      // Nothing ran: the client may retry. Never run a keyed request unprotected.
      throw new ApiError(
        'service_unavailable',
        'Idempotency records (PostgreSQL) are unavailable; retry shortly',
        { headers: { 'Retry-After': '5' } },
      );
    }
  }

  private async execute(
    context: ExecutionContext,
    next: CallHandler,
    claimed: ClaimedKey,
    owner: string,
  ): Promise<unknown> {
    const stopRenewing = this.renewLease(claimed, owner);
    let body: unknown;
    try {
      // The handler's PostgreSQL effect marks this record in its own transaction (RecoveryPoint).
      body = await recoveryPoints.run(
        this.records.recoveryPoint(claimed.workspaceId, claimed.key, owner),
        () => lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
    } catch (error) {
      stopRenewing();
      await this.settleFailure(claimed, owner, error);
      throw error;
    }
    const text = JSON.stringify(body ?? null);
    const whole = Buffer.byteLength(text) <= this.maxResponseBytes;
    // The effect is done: the client gets this answer whatever becomes of the record.
    await this.keepSuccess(
      claimed,
      owner,
      {
        status: this.successStatus(context),
        contentType: whole ? JSON_CONTENT_TYPE : RECEIPT_CONTENT_TYPE,
        sealedBody: this.seal(
          claimed,
          whole
            ? text
            : JSON.stringify({
                mediaIds: createdMediaIds(body).slice(0, RECEIPT_MAX_IDS),
              }),
        ),
      },
      stopRenewing,
    );
    return body;
  }

  /** Renews the lease every third of it until stopped, so no retry takes over a running request. */
  private renewLease(claimed: ClaimedKey, owner: string): () => void {
    const timer = setInterval(() => {
      this.records
        .renew(claimed.workspaceId, claimed.key, owner, this.leaseMs)
        .catch((error: unknown) =>
          // The request goes on; if its lease lapses, a retry of the key may run it again.
          this.logger.warn(
            { requestId: claimed.requestId },
            `Could not renew the idempotency lease: ${String(error)}`,
          ),
        );
    }, this.leaseMs / 3);
    return () => clearInterval(timer);
  }

  /**
   * Stores a success's answer before answering. When the database refuses, answers anyway and keeps
   * trying in the background (the lease renewed meanwhile) with doubling waits, for up to
   * KEEP_RETRY_FOR_MS: never a 503 for work that was done.
   */
  private async keepSuccess(
    claimed: ClaimedKey,
    owner: string,
    response: StoredResponse,
    stopRenewing: () => void,
  ): Promise<void> {
    const store = async (): Promise<void> => {
      const kept = await this.records.complete(
        claimed.workspaceId,
        claimed.key,
        owner,
        response,
      );
      if (!kept) {
        this.logger.warn(
          { requestId: claimed.requestId },
          'The idempotency lease lapsed before the answer was stored; the key was taken again',
        );
      }
    };
    try {
      await store();
      stopRenewing();
      return;
    } catch (error) {
      this.logger.warn(
        { requestId: claimed.requestId },
        `Could not store the idempotency record, retrying in the background: ${String(error)}`,
      );
    }
    const retry = async (): Promise<void> => {
      const giveUpAt = Date.now() + KEEP_RETRY_FOR_MS;
      for (let wait = KEEP_RETRY_FIRST_MS; ;) {
        await sleep(wait);
        try {
          await store();
          this.logger.log(
            { requestId: claimed.requestId },
            'Stored the idempotency record after retrying',
          );
          return;
        } catch (error) {
          wait = Math.min(wait * 2, KEEP_RETRY_MAX_MS);
          if (Date.now() + wait > giveUpAt) {
            this.logger.error(
              { requestId: claimed.requestId },
              `Gave up storing the idempotency record: ${String(error)}`,
            );
            return;
          }
        }
      }
    };
    void retry().finally(stopRenewing);
  }

  /**
   * A judged refusal under a sent key is kept (and replayed); anything else frees the key: a 5xx,
   * an unexpected error, a refusal before judging, and any refusal under a derived key (it exists
   * to stop duplicate uploads, and a refusal must stay retryable once its cause is fixed).
   */
  private async settleFailure(
    claimed: ClaimedKey,
    owner: string,
    error: unknown,
  ): Promise<void> {
    try {
      if (error instanceof ApiError && error.replayable && !claimed.derived) {
        const problem = renderProblem(error, claimed.requestId);
        const kept = await this.records.complete(
          claimed.workspaceId,
          claimed.key,
          owner,
          {
            status: problem.status,
            contentType: PROBLEM_CONTENT_TYPE,
            sealedBody: this.seal(claimed, JSON.stringify(problem)),
          },
        );
        if (kept) return;
      }
      await this.records.release(claimed.workspaceId, claimed.key, owner);
    } catch (failure) {
      // A refusal changed nothing, so losing its record costs nothing; the lease lapses by itself.
      this.logger.warn(
        { requestId: claimed.requestId },
        `Could not settle the idempotency key: ${String(failure)}`,
      );
    }
  }

  private replay(
    claimed: ClaimedKey,
    held: Extract<HeldKey, { state: 'done' }>,
  ): unknown {
    const body = this.box.open(this.sealContext(claimed), held.sealedBody);
    if (held.contentType === RECEIPT_CONTENT_TYPE) {
      const { mediaIds } = JSON.parse(body) as { mediaIds: string[] };
      throw new ApiError(
        'idempotency_conflict',
        `The answer to this request was larger than this server keeps (IDEMPOTENCY_MAX_RESPONSE_BYTES); it ran once and will not run again. ${whatItCreated(mediaIds)}`,
      );
    }
    if (held.contentType === PROBLEM_CONTENT_TYPE) {
      throw new StoredProblem(JSON.parse(body));
    }
    return JSON.parse(body);
  }

  private seal(claimed: ClaimedKey, text: string): string {
    return this.box.seal(this.sealContext(claimed), text);
  }

  /** The record's identity as associated data: a sealed answer opens only for its own key. */
  private sealContext(claimed: ClaimedKey): string {
    return `idempotency:${claimed.workspaceId}:${claimed.key}`;
  }

  /** The status Nest will send for a success: `@HttpCode`, else 201 for POST. */
  private successStatus(context: ExecutionContext): number {
    return (
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      201
    );
  }
}

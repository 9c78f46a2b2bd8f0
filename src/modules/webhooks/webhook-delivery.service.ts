import { Injectable } from '@nestjs/common';
import { finished } from 'node:stream/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { FetchError } from '../../infra/fetch/fetch-error.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import type { JobReport } from '../../infra/queue/job-runner.js';
import { retryDelayMs } from './retry-schedule.js';
import { WebhookAttempt } from './webhook-attempt.entity.js';
import {
  WebhookDelivery,
  type DeliveryState,
} from './webhook-delivery.entity.js';
import type { WebhookEndpoint } from './webhook-endpoint.entity.js';
import {
  disableEndpoint,
  WebhookEndpointsService,
} from './webhook-endpoints.service.js';
import { WebhookJobs } from './webhook-jobs.js';
import { signedHeaders, webhookPayload } from './webhook-message.js';

/** An endpoint failing for this long without a single success is disabled. */
const FAILING_ENDPOINT_LIMIT_MS = 5 * 24 * 3_600_000;
/** A job that fires this much before the delivery's due time still runs it (clock skew, rounding). */
const DUE_TOLERANCE_MS = 1_000;
/** Beyond the attempt's own timeout, how long a claimed attempt is left to its worker. */
const LEASE_MARGIN_MS = 10_000;
/** Receivers' answers are read (so the connection can be reused) up to this size, then dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;

interface AttemptOutcome {
  statusCode: number | null;
  /** Null on success. */
  error: string | null;
  durationMs: number;
}

interface Recorded {
  summary: string;
  retry?: { delayMs: number; at: Date };
}

/**
 * One attempt at one delivery, as a Bull job runs it. Safe to run twice or concurrently: the
 * attempt is claimed by a conditional update of the delivery row, and a claim held by a worker
 * that died lapses after the attempt's timeout plus a margin, when the next attempt may start.
 */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fetcher: SafeFetcher,
    private readonly endpoints: WebhookEndpointsService,
    private readonly jobs: WebhookJobs,
    private readonly config: AppConfig,
  ) {}

  /** Makes the delivery's next attempt if it is due; says what it did. */
  async attempt(deliveryId: number): Promise<JobReport> {
    // One query: `findOne` with relations would first select the id, then load the joins.
    const delivery = await this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .innerJoinAndSelect('delivery.endpoint', 'endpoint')
      .innerJoinAndSelect('delivery.event', 'event')
      .where('delivery.id = :deliveryId', { deliveryId })
      .getOne();
    if (!delivery) {
      return { summary: 'delivery gone with its endpoint' };
    }
    return {
      summary: await this.attemptIfDue(delivery),
      mediaId: delivery.event!.mediaId,
      workspaceId: delivery.endpoint!.workspaceId,
    };
  }

  private async attemptIfDue(delivery: WebhookDelivery): Promise<string> {
    const deliveryId = delivery.id;
    if (delivery.state !== 'pending') {
      return `already ${delivery.state}`;
    }
    const waitMs = (delivery.nextAttemptAt?.getTime() ?? 0) - Date.now();
    if (waitMs > DUE_TOLERANCE_MS) {
      await this.jobs.enqueue([
        { deliveryId, attempt: delivery.attempts + 1, delayMs: waitMs },
      ]);
      return `not due for ${Math.round(waitMs / 1000)} s`;
    }
    if (!delivery.endpoint!.enabled) {
      await this.moveOn(this.dataSource.manager, deliveryId, 'cancelled');
      return 'cancelled: the endpoint is disabled';
    }
    if (delivery.attempts > this.config.webhooks.retryDelaysSeconds.length) {
      // The last attempt's worker died before it could record the attempt.
      await this.moveOn(this.dataSource.manager, deliveryId, 'failed');
      return 'given up';
    }
    const attempt = delivery.attempts + 1;
    if (!(await this.claim(deliveryId, delivery.attempts))) {
      return `attempt ${attempt} taken by another worker`;
    }
    const outcome = await this.post(delivery);
    return this.record(delivery, attempt, outcome);
  }

  private async claim(
    deliveryId: number,
    attemptsSoFar: number,
  ): Promise<boolean> {
    const lease = new Date(
      Date.now() +
        this.config.webhooks.timeoutSeconds * 1_000 +
        LEASE_MARGIN_MS,
    );
    const [, affected] = (await this.dataSource.query(
      `UPDATE webhook_deliveries
       SET attempts = attempts + 1, next_attempt_at = $3, updated_at = now()
       WHERE id = $1 AND state = 'pending' AND attempts = $2`,
      [deliveryId, attemptsSoFar, lease],
    )) as [unknown, number];
    return affected === 1;
  }

  /**
   * POSTs the signed event through the SafeFetcher, which checks the address again (a name may
   * resolve elsewhere by now) and follows no redirect. The whole exchange is cut at the timeout.
   */
  private async post(delivery: WebhookDelivery): Promise<AttemptOutcome> {
    const endpoint: WebhookEndpoint = delivery.endpoint!;
    // Registered while FETCH_ALLOW_PRIVATE_ADDRESSES was on, which no longer holds.
    if (
      !endpoint.url.startsWith('https:') &&
      !this.config.fetch.allowPrivateAddresses
    ) {
      return {
        statusCode: null,
        error: 'the endpoint URL is not https',
        durationMs: 0,
      };
    }
    const event = delivery.event!;
    const timeoutMs = this.config.webhooks.timeoutSeconds * 1_000;
    const body = JSON.stringify(webhookPayload(event));
    const signal = AbortSignal.timeout(timeoutMs);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await this.fetcher.fetch(endpoint.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'media-api-webhooks/1',
          ...signedHeaders(
            this.endpoints.signingSecrets(endpoint),
            event.id,
            new Date(),
            body,
          ),
        },
        maxRedirects: 0,
        maxBytes: MAX_RESPONSE_BYTES,
        timeouts: {
          connectMs: timeoutMs,
          headersMs: timeoutMs,
          bodyIdleMs: timeoutMs,
        },
        signal,
      });
      // Only the status counts; a body that is too long or breaks off changes nothing.
      response.body.resume();
      await finished(response.body).catch(() => response.release());
      return {
        statusCode: response.status,
        error: describeStatus(response.status),
        durationMs: elapsed(),
      };
    } catch (error) {
      if (signal.aborted) {
        return {
          statusCode: null,
          error: `the endpoint did not answer within ${timeoutMs / 1000} s`,
          durationMs: elapsed(),
        };
      }
      if (error instanceof FetchError) {
        return {
          statusCode: null,
          error: error.message,
          durationMs: elapsed(),
        };
      }
      throw error;
    }
  }

  /**
   * Logs the attempt and moves the delivery on: done on 2xx; on 410 the endpoint is disabled; any
   * other failure is retried after the next configured delay, or given up after the last, and
   * disables an endpoint that has not succeeded for 5 days. Retries of a disabled endpoint are
   * cancelled when they come due.
   */
  private async record(
    delivery: WebhookDelivery,
    attempt: number,
    outcome: AttemptOutcome,
  ): Promise<string> {
    const recorded = await this.dataSource.transaction(async (manager) => {
      // Holds off a concurrent delete of the endpoint (which cascades to the delivery) until the
      // attempt is logged, while letting other deliveries' updates of the endpoint through.
      const [endpoint] = (await manager.query(
        'SELECT 1 FROM webhook_endpoints WHERE id = $1 FOR KEY SHARE',
        [delivery.endpointId],
      )) as unknown[];
      if (!endpoint) {
        return { summary: `attempt ${attempt} made; the endpoint is gone` };
      }
      const settled = await this.settle(manager, delivery, attempt, outcome);
      await manager.insert(WebhookAttempt, {
        deliveryId: delivery.id,
        endpointId: delivery.endpointId,
        eventId: delivery.eventId,
        eventType: delivery.event!.type,
        attempt,
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs: outcome.durationMs,
        nextRetryAt: settled.retry?.at ?? null,
      });
      return settled;
    });
    if (recorded.retry) {
      await this.jobs.enqueue([
        {
          deliveryId: delivery.id,
          attempt: attempt + 1,
          delayMs: recorded.retry.delayMs,
        },
      ]);
    }
    return recorded.summary;
  }

  private async settle(
    manager: EntityManager,
    delivery: WebhookDelivery,
    attempt: number,
    outcome: AttemptOutcome,
  ): Promise<Recorded> {
    const { endpointId } = delivery;
    if (outcome.error === null) {
      await this.moveOn(manager, delivery.id, 'succeeded');
      await manager.query(
        `UPDATE webhook_endpoints SET failing_since = NULL
         WHERE id = $1 AND failing_since IS NOT NULL`,
        [endpointId],
      );
      return {
        summary: `attempt ${attempt} succeeded (${outcome.statusCode})`,
      };
    }
    const failed = `attempt ${attempt} failed: ${outcome.error}`;
    if (outcome.statusCode === 410) {
      await this.moveOn(manager, delivery.id, 'failed');
      await disableEndpoint(
        manager,
        endpointId,
        'the endpoint answered 410 Gone',
      );
      return { summary: `${failed}; endpoint disabled` };
    }
    const now = new Date();
    if (await this.disableIfFailingTooLong(manager, endpointId, now)) {
      await this.moveOn(manager, delivery.id, 'cancelled');
      return { summary: `${failed}; endpoint disabled after 5 days failing` };
    }
    const delayMs = retryDelayMs(
      attempt,
      this.config.webhooks.retryDelaysSeconds,
    );
    if (delayMs === null) {
      await this.moveOn(manager, delivery.id, 'failed');
      return { summary: `${failed}; given up` };
    }
    const retry = { delayMs, at: new Date(now.getTime() + delayMs) };
    await this.moveOn(manager, delivery.id, 'pending', retry.at);
    return { summary: `${failed}; retry at ${retry.at.toISOString()}`, retry };
  }

  /** Moves a still-pending delivery on (a settled one stays as it is). */
  private async moveOn(
    manager: EntityManager,
    deliveryId: number,
    state: DeliveryState,
    nextAttemptAt: Date | null = null,
  ): Promise<void> {
    await manager.update(
      WebhookDelivery,
      { id: deliveryId, state: 'pending' },
      { state, nextAttemptAt },
    );
  }

  /** Starts the endpoint's run of failures at its first; disables it once the run lasts 5 days. */
  private async disableIfFailingTooLong(
    manager: EntityManager,
    endpointId: string,
    now: Date,
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2)
       WHERE id = $1 AND enabled
       RETURNING failing_since`,
      [endpointId, now],
    )) as [Array<{ failing_since: Date }>, number];
    if (
      rows.length === 0 ||
      now.getTime() - rows[0].failing_since.getTime() <
        FAILING_ENDPOINT_LIMIT_MS
    ) {
      return false;
    }
    await disableEndpoint(
      manager,
      endpointId,
      'the endpoint failed every delivery attempt for 5 days',
    );
    return true;
  }
}

/** Null for a success; otherwise why the answer counts as a failure. */
function describeStatus(status: number): string | null {
  if (status >= 200 && status < 300) {
    return null;
  }
  if (status >= 300 && status < 400) {
    return `the endpoint answered ${status}, a redirect; redirects are not followed`;
  }
  return `the endpoint answered ${status}`;
}

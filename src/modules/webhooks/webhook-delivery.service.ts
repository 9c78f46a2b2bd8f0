import { Injectable } from '@nestjs/common';
import { finished } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config.js';
import {
  UnitOfWork,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import { FetchError } from '../../infra/fetch/fetch-error.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import { OnJob, type JobPlace, type JobReport } from '../../infra/queue/job.js';
import type { MediaEvent } from '../media/media-event.entity.js';
import { MediaEventRepository } from '../media/media-event.repository.js';
import { retryDelayMs } from './retry-schedule.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import {
  DELIVER_WEBHOOK,
  WebhookJobs,
  type DeliverWebhookJob,
} from './webhook.jobs.js';
import {
  WebhookRepository,
  type DeliveryWithEndpoint,
} from './webhook.repository.js';
import { signedHeaders, webhookPayload } from './webhook-message.js';

/** An endpoint failing for this long without a single success is disabled. */
const FAILING_ENDPOINT_LIMIT_MS = 5 * 24 * 3_600_000;
/** A job that fires this much before the delivery's due time still runs it (clock skew, rounding). */
const DUE_TOLERANCE_MS = 1_000;
/** Beyond the attempt's own timeout, how long a claimed attempt is left to its worker. */
const LEASE_MARGIN_MS = 10_000;
/** Receivers' answers are read (so the connection can be reused) up to this size, then dropped. */
const MAX_RESPONSE_BYTES = 64 * 1024;
/**
 * Attempts at once per worker process; they wait on receivers, not on the CPU. Above what one
 * workspace's endpoints can hold (20 endpoints × WEBHOOK_ENDPOINT_CONCURRENCY's default 4 = 80), so
 * even a workspace whose every endpoint is dead leaves slots to everyone else.
 */
const DELIVERY_CONCURRENCY = 100;

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
    private readonly webhooks: WebhookRepository,
    private readonly events: MediaEventRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly fetcher: SafeFetcher,
    private readonly endpoints: WebhookEndpointsService,
    private readonly jobs: WebhookJobs,
    private readonly config: AppConfig,
  ) {}

  /** The job: makes the delivery's next attempt if it is due; says what it did. */
  @OnJob(DELIVER_WEBHOOK, {
    concurrency: () => DELIVERY_CONCURRENCY,
    cap: {
      name: 'deliveries',
      limit: (config) => config.fairness.deliveriesPerEndpoint,
      place: (self: WebhookDeliveryService, job) => self.placeOf(job),
    },
  })
  async attempt({ deliveryId }: DeliverWebhookJob): Promise<JobReport> {
    const delivery = await this.webhooks.findDelivery(deliveryId);
    const event = delivery && (await this.events.findById(delivery.eventId));
    if (!delivery || !event) {
      return { summary: 'delivery gone with its endpoint or its item' };
    }
    return {
      summary: await this.attemptIfDue(delivery, event),
      mediaId: event.mediaId,
      workspaceId: delivery.endpoint.workspaceId,
    };
  }

  /**
   * Before the job runs: a delivery that is not due yet waits in Bull's delayed set until it is
   * (its job keeps its id, so nothing else can queue that attempt meanwhile); a due one counts
   * against its endpoint's WEBHOOK_ENDPOINT_CONCURRENCY, so a dead endpoint holds at most that many
   * worker slots however many deliveries it has. A settled delivery runs uncapped (nothing to do).
   */
  async placeOf({ deliveryId }: DeliverWebhookJob): Promise<JobPlace> {
    const delivery = await this.webhooks.findDelivery(deliveryId);
    if (delivery?.state !== 'pending') {
      return null;
    }
    if (dueInMs(delivery) > DUE_TOLERANCE_MS) {
      return { notBefore: delivery.nextAttemptAt! };
    }
    return { group: delivery.endpointId };
  }

  private async attemptIfDue(
    delivery: DeliveryWithEndpoint,
    event: MediaEvent,
  ): Promise<string> {
    const deliveryId = delivery.id;
    if (delivery.state !== 'pending') {
      return `already ${delivery.state}`;
    }
    const waitMs = dueInMs(delivery);
    if (waitMs > DUE_TOLERANCE_MS) {
      // Rescheduled since the job was admitted (placeOf). Queueing this same attempt again would
      // be a no-op while this job holds its id; the recovery pass queues it once due.
      return `not due for ${Math.round(waitMs / 1000)} s`;
    }
    if (!delivery.endpoint.enabled) {
      await this.webhooks.moveDelivery(deliveryId, 'cancelled', null);
      return 'cancelled: the endpoint is disabled';
    }
    if (delivery.attempts > this.config.webhooks.retryDelaysSeconds.length) {
      // The last attempt's worker died before it could record the attempt.
      await this.webhooks.moveDelivery(deliveryId, 'failed', null);
      return 'given up';
    }
    const attempt = delivery.attempts + 1;
    const lease = new Date(
      Date.now() +
        this.config.webhooks.timeoutSeconds * 1_000 +
        LEASE_MARGIN_MS,
    );
    if (
      !(await this.webhooks.claimAttempt(deliveryId, delivery.attempts, lease))
    ) {
      return `attempt ${attempt} taken by another worker`;
    }
    const outcome = await this.post(delivery, event);
    return this.record(delivery, event, attempt, outcome);
  }

  /**
   * POSTs the signed event through the SafeFetcher, which checks the address again (a name may
   * resolve elsewhere by now) and follows no redirect. The whole exchange is cut at the timeout.
   */
  private async post(
    delivery: DeliveryWithEndpoint,
    event: MediaEvent,
  ): Promise<AttemptOutcome> {
    const { endpoint } = delivery;
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
    delivery: DeliveryWithEndpoint,
    event: MediaEvent,
    attempt: number,
    outcome: AttemptOutcome,
  ): Promise<string> {
    const recorded = await this.unitOfWork.run(async (tx) => {
      // Holds off the purge of a deleted endpoint (which cascades to the delivery) until the
      // attempt is logged; an endpoint deleted meanwhile gets no log.
      if (!(await this.webhooks.holdEndpoint(delivery.endpointId, tx))) {
        return { summary: `attempt ${attempt} made; the endpoint is gone` };
      }
      const settled = await this.settle(delivery, attempt, outcome, tx);
      await this.webhooks.logAttempt(
        {
          deliveryId: delivery.id,
          endpointId: delivery.endpointId,
          eventId: delivery.eventId,
          eventType: event.type,
          attempt,
          statusCode: outcome.statusCode,
          error: outcome.error,
          durationMs: outcome.durationMs,
          nextRetryAt: settled.retry?.at ?? null,
        },
        tx,
      );
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
    delivery: DeliveryWithEndpoint,
    attempt: number,
    outcome: AttemptOutcome,
    tx: Transaction,
  ): Promise<Recorded> {
    const { endpointId } = delivery;
    if (outcome.error === null) {
      await this.webhooks.moveDelivery(delivery.id, 'succeeded', null, tx);
      await this.webhooks.endFailingRun(endpointId, tx);
      return {
        summary: `attempt ${attempt} succeeded (${outcome.statusCode})`,
      };
    }
    const failed = `attempt ${attempt} failed: ${outcome.error}`;
    if (outcome.statusCode === 410) {
      await this.webhooks.moveDelivery(delivery.id, 'failed', null, tx);
      await this.webhooks.disableEndpoint(
        endpointId,
        'the endpoint answered 410 Gone',
        tx,
      );
      return { summary: `${failed}; endpoint disabled` };
    }
    const now = new Date();
    if (await this.disableIfFailingTooLong(endpointId, now, tx)) {
      await this.webhooks.moveDelivery(delivery.id, 'cancelled', null, tx);
      return { summary: `${failed}; endpoint disabled after 5 days failing` };
    }
    const delayMs = retryDelayMs(
      attempt,
      this.config.webhooks.retryDelaysSeconds,
    );
    if (delayMs === null) {
      await this.webhooks.moveDelivery(delivery.id, 'failed', null, tx);
      return { summary: `${failed}; given up` };
    }
    const retry = { delayMs, at: new Date(now.getTime() + delayMs) };
    await this.webhooks.moveDelivery(delivery.id, 'pending', retry.at, tx);
    return { summary: `${failed}; retry at ${retry.at.toISOString()}`, retry };
  }

  /** Starts the endpoint's run of failures at its first; disables it once the run lasts 5 days. */
  private async disableIfFailingTooLong(
    endpointId: string,
    now: Date,
    tx: Transaction,
  ): Promise<boolean> {
    const failingSince = await this.webhooks.continueFailingRun(
      endpointId,
      now,
      tx,
    );
    if (
      failingSince === null ||
      now.getTime() - failingSince.getTime() < FAILING_ENDPOINT_LIMIT_MS
    ) {
      return false;
    }
    await this.webhooks.disableEndpoint(
      endpointId,
      'the endpoint failed every delivery attempt for 5 days',
      tx,
    );
    return true;
  }
}

/** Milliseconds until the delivery's next attempt is due (≤ 0: due). */
function dueInMs(delivery: DeliveryWithEndpoint): number {
  return (delivery.nextAttemptAt?.getTime() ?? 0) - Date.now();
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

import { Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { loadConfig } from '../../config/app-config.js';
import type { UnitOfWork } from '../../infra/database/unit-of-work.js';
import { FetchError } from '../../infra/fetch/fetch-error.js';
import type {
  FetchRequest,
  SafeFetcher,
} from '../../infra/fetch/safe-fetcher.js';
import { FakeUnitOfWork } from '../../testing/fakes/unit-of-work.fake.js';
import type { MediaEvent } from '../media/media-event.entity.js';
import type { MediaEventRepository } from '../media/media-event.repository.js';
import type { DeliveryState } from './webhook-delivery.entity.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import type { WebhookEndpoint } from './webhook-endpoint.entity.js';
import type { WebhookEndpointsService } from './webhook-endpoints.service.js';
import type { DeliverWebhookJob, WebhookJobs } from './webhook.jobs.js';
import type {
  AttemptRecord,
  DeliveryWithEndpoint,
  WebhookRepository,
} from './webhook.repository.js';

const SECRET = `whsec_${Buffer.from('s'.repeat(32)).toString('base64')}`;

/** One endpoint and its deliveries in memory, with the repository's conditional updates. */
class FakeWebhookRepository implements Pick<
  WebhookRepository,
  | 'findDelivery'
  | 'claimAttempt'
  | 'moveDelivery'
  | 'holdEndpoint'
  | 'endFailingRun'
  | 'continueFailingRun'
  | 'disableEndpoint'
  | 'logAttempt'
> {
  endpoint = {
    id: 'wh_1',
    workspaceId: 'ws_test',
    url: 'https://hooks.example.com/in',
    enabled: true,
    disabledReason: null as string | null,
    failingSince: null as Date | null,
  };
  endpointGone = false;
  deliveries = new Map<
    number,
    {
      id: number;
      eventId: string;
      endpointId: string;
      state: DeliveryState;
      attempts: number;
      nextAttemptAt: Date | null;
    }
  >();
  attempts: AttemptRecord[] = [];

  addDelivery(fields: { attempts?: number; nextAttemptAt?: Date | null } = {}) {
    const id = this.deliveries.size + 1;
    this.deliveries.set(id, {
      id,
      eventId: 'evt_1',
      endpointId: this.endpoint.id,
      state: 'pending',
      attempts: fields.attempts ?? 0,
      nextAttemptAt: fields.nextAttemptAt ?? new Date(),
    });
    return id;
  }

  async findDelivery(id: number) {
    const delivery = this.deliveries.get(id);
    return delivery
      ? ({
          ...delivery,
          endpoint: { ...this.endpoint } as unknown as WebhookEndpoint,
        } as unknown as DeliveryWithEndpoint)
      : null;
  }

  async claimAttempt(id: number, attemptsSoFar: number, lease: Date) {
    const delivery = this.deliveries.get(id);
    if (delivery?.state !== 'pending' || delivery.attempts !== attemptsSoFar) {
      return false;
    }
    delivery.attempts += 1;
    delivery.nextAttemptAt = lease;
    return true;
  }

  async moveDelivery(id: number, state: DeliveryState, next: Date | null) {
    const delivery = this.deliveries.get(id);
    if (delivery?.state === 'pending') {
      delivery.state = state;
      delivery.nextAttemptAt = next;
    }
  }

  async holdEndpoint() {
    return !this.endpointGone;
  }

  async endFailingRun() {
    this.endpoint.failingSince = null;
  }

  async continueFailingRun(_id: string, now: Date) {
    if (!this.endpoint.enabled) return null;
    this.endpoint.failingSince ??= now;
    return this.endpoint.failingSince;
  }

  async disableEndpoint(_id: string, reason: string) {
    if (this.endpoint.enabled) {
      this.endpoint.enabled = false;
      this.endpoint.disabledReason = reason;
    }
  }

  async logAttempt(attempt: AttemptRecord) {
    this.attempts.push(attempt);
  }
}

class FakeFetcher {
  requests: Array<{ url: string; request: FetchRequest }> = [];
  answer: () => Promise<number> = async () => 200;

  async fetch(url: string, request: FetchRequest) {
    this.requests.push({ url, request });
    const status = await this.answer();
    return {
      status,
      headers: {},
      url,
      body: Readable.from([Buffer.from('ok')]),
      release: () => undefined,
    };
  }
}

const event = {
  id: 'evt_1',
  seq: 1,
  workspaceId: 'ws_test',
  mediaId: 'media_1',
  type: 'media.ready',
  data: { id: 'media_1', status: 'READY' },
  createdAt: new Date('2026-01-01T00:00:00Z'),
} as MediaEvent;

describe('WebhookDeliveryService', () => {
  let webhooks: FakeWebhookRepository;
  let fetcher: FakeFetcher;
  let queued: Array<DeliverWebhookJob & { delayMs?: number }>;
  let service: WebhookDeliveryService;
  const config = loadConfig({});
  const delays = config.webhooks.retryDelaysSeconds;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    webhooks = new FakeWebhookRepository();
    fetcher = new FakeFetcher();
    queued = [];
    const events = {
      findById: async (id: string) => (id === event.id ? event : null),
    };
    const endpoints = { signingSecrets: () => [SECRET] };
    const jobs = {
      enqueue: async (attempts: typeof queued) => {
        queued.push(...attempts);
      },
    };
    service = new WebhookDeliveryService(
      webhooks as unknown as WebhookRepository,
      events as unknown as MediaEventRepository,
      new FakeUnitOfWork() as unknown as UnitOfWork,
      fetcher as unknown as SafeFetcher,
      endpoints as unknown as WebhookEndpointsService,
      jobs as unknown as WebhookJobs,
      config,
    );
  });

  it('POSTs the signed event and marks the delivery succeeded on 2xx', async () => {
    const id = webhooks.addDelivery();
    const report = await service.attempt({ deliveryId: id, attempt: 1 });

    expect(report).toMatchObject({
      mediaId: 'media_1',
      workspaceId: 'ws_test',
    });
    expect(report.summary).toContain('attempt 1 succeeded (200)');
    expect(webhooks.deliveries.get(id)).toMatchObject({
      state: 'succeeded',
      attempts: 1,
      nextAttemptAt: null,
    });
    const [{ url, request }] = fetcher.requests;
    expect(url).toBe('https://hooks.example.com/in');
    expect(request.method).toBe('POST');
    expect(request.maxRedirects).toBe(0);
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
    });
    expect(request.headers?.['webhook-signature']).toMatch(/^v1,\S+$/);
    expect(JSON.parse(String(request.body))).toMatchObject({
      id: 'evt_1',
      type: 'media.ready',
      data: { media: { id: 'media_1' } },
    });
    expect(webhooks.attempts).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, error: null }),
    ]);
    expect(queued).toEqual([]);
  });

  it('clears the endpoint failing run on success', async () => {
    webhooks.endpoint.failingSince = new Date(Date.now() - 3_600_000);
    await service.attempt({ deliveryId: webhooks.addDelivery(), attempt: 1 });
    expect(webhooks.endpoint.failingSince).toBeNull();
  });

  it('schedules a retry after a non-2xx answer and queues the next attempt', async () => {
    fetcher.answer = async () => 500;
    const id = webhooks.addDelivery();
    const before = Date.now();

    const { summary } = await service.attempt({ deliveryId: id, attempt: 1 });

    expect(summary).toContain('attempt 1 failed: the endpoint answered 500');
    const delivery = webhooks.deliveries.get(id)!;
    expect(delivery.state).toBe('pending');
    const waitMs = delivery.nextAttemptAt!.getTime() - before;
    expect(waitMs).toBeGreaterThanOrEqual(delays[0] * 800 - 50);
    expect(waitMs).toBeLessThanOrEqual(delays[0] * 1_200 + 1_000);
    expect(queued).toEqual([
      expect.objectContaining({ deliveryId: id, attempt: 2 }),
    ]);
    expect(webhooks.attempts[0]).toMatchObject({
      statusCode: 500,
      nextRetryAt: delivery.nextAttemptAt,
    });
    expect(webhooks.endpoint.failingSince).not.toBeNull();
  });

  it('treats a redirect as a failure', async () => {
    fetcher.answer = async () => 302;
    const id = webhooks.addDelivery();
    const { summary } = await service.attempt({ deliveryId: id, attempt: 1 });
    expect(summary).toContain('redirect');
    expect(webhooks.deliveries.get(id)?.state).toBe('pending');
  });

  it('retries a connection failure like a bad status', async () => {
    fetcher.answer = async () => {
      throw new FetchError('connect_failed', 'connection refused');
    };
    const id = webhooks.addDelivery();
    await service.attempt({ deliveryId: id, attempt: 1 });
    expect(webhooks.attempts[0]).toMatchObject({
      statusCode: null,
      error: 'connection refused',
    });
    expect(queued).toHaveLength(1);
  });

  it('gives up after the final attempt fails, queueing nothing', async () => {
    fetcher.answer = async () => 503;
    const id = webhooks.addDelivery({ attempts: delays.length });
    const { summary } = await service.attempt({
      deliveryId: id,
      attempt: delays.length + 1,
    });
    expect(summary).toContain('given up');
    expect(webhooks.deliveries.get(id)?.state).toBe('failed');
    expect(queued).toEqual([]);
  });

  it('fails the delivery and disables the endpoint on 410 Gone', async () => {
    fetcher.answer = async () => 410;
    const id = webhooks.addDelivery();
    await service.attempt({ deliveryId: id, attempt: 1 });
    expect(webhooks.deliveries.get(id)?.state).toBe('failed');
    expect(webhooks.endpoint).toMatchObject({
      enabled: false,
      disabledReason: 'the endpoint answered 410 Gone',
    });
    expect(queued).toEqual([]);
  });

  it('disables an endpoint failing for 5 days and cancels the delivery', async () => {
    fetcher.answer = async () => 500;
    webhooks.endpoint.failingSince = new Date(Date.now() - 6 * 86_400_000);
    const id = webhooks.addDelivery();
    await service.attempt({ deliveryId: id, attempt: 1 });
    expect(webhooks.deliveries.get(id)?.state).toBe('cancelled');
    expect(webhooks.endpoint.enabled).toBe(false);
    expect(queued).toEqual([]);
  });

  it('cancels a due delivery of a disabled endpoint without posting', async () => {
    webhooks.endpoint.enabled = false;
    const id = webhooks.addDelivery();
    await service.attempt({ deliveryId: id, attempt: 1 });
    expect(webhooks.deliveries.get(id)?.state).toBe('cancelled');
    expect(fetcher.requests).toEqual([]);
  });

  it('leaves a delivery rescheduled after admission to the recovery pass, without posting', async () => {
    const id = webhooks.addDelivery({
      nextAttemptAt: new Date(Date.now() + 60_000),
    });
    const { summary } = await service.attempt({ deliveryId: id, attempt: 1 });
    expect(summary).toMatch(/^not due/);
    expect(fetcher.requests).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('places a delivery that is not due yet in the delayed set until it is, and a due one under its endpoint cap', async () => {
    const later = new Date(Date.now() + 60_000);
    const waiting = webhooks.addDelivery({ nextAttemptAt: later });
    expect(await service.placeOf({ deliveryId: waiting, attempt: 1 })).toEqual({
      notBefore: later,
    });
    const due = webhooks.addDelivery();
    expect(await service.placeOf({ deliveryId: due, attempt: 1 })).toEqual({
      group: webhooks.deliveries.get(due)!.endpointId,
    });
  });

  it('leaves a settled delivery alone', async () => {
    const id = webhooks.addDelivery();
    webhooks.deliveries.get(id)!.state = 'succeeded';
    expect(
      (await service.attempt({ deliveryId: id, attempt: 2 })).summary,
    ).toBe('already succeeded');
    expect(fetcher.requests).toEqual([]);
  });

  it('does not post when another worker claimed the attempt', async () => {
    const id = webhooks.addDelivery();
    webhooks.claimAttempt = async () => false;
    const { summary } = await service.attempt({ deliveryId: id, attempt: 1 });
    expect(summary).toContain('taken by another worker');
    expect(fetcher.requests).toEqual([]);
  });

  it('refuses a plain-http endpoint without posting', async () => {
    fetcher.answer = async () => 200;
    webhooks.endpoint.url = 'http://hooks.example.com/in';
    const id = webhooks.addDelivery();
    await service.attempt({ deliveryId: id, attempt: 1 });
    expect(fetcher.requests).toEqual([]);
    expect(webhooks.attempts[0].error).toBe('the endpoint URL is not https');
  });

  it('reports a delivery that is gone', async () => {
    expect(await service.attempt({ deliveryId: 99, attempt: 1 })).toEqual({
      summary: 'delivery gone with its endpoint or its item',
    });
  });
});

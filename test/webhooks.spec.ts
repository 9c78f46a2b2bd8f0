import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  createServer,
  type IncomingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import type { ApiKeyScope } from '../src/common/auth/auth-context.js';
import { nonPublicHostMessage } from '../src/infra/fetch/non-public-host.js';
import { QUEUES } from '../src/infra/registry.js';
import type { DeliverWebhookJob } from '../src/modules/webhooks/webhook.jobs.js';
import { WebhookRelay } from '../src/modules/webhooks/webhook-relay.service.js';
import { WorkspacesService } from '../src/modules/workspaces/workspaces.service.js';
import { ensureBuilt } from './support/build.js';
import { createWorkspaceWithCli } from './support/cli.js';
import { putBytes, SAMPLE_PDF } from './support/media.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import {
  webhookQueue,
  webhooksDrained,
  type Query,
} from './support/webhooks.js';

/**
 * Webhook endpoints and delivery against real PostgreSQL, Redis and Bull, with receivers on
 * 127.0.0.1 that verify signatures with the `standardwebhooks` package.
 *
 * Each describe block has a database of its own: the relay hands on every event of the database
 * it runs against, so a relay of another test file's app (which shares the run's database) must
 * never see these endpoints, and these apps must never deliver another file's events.
 */

// ---------------------------------------------------------------------------------------------
// A receiver on loopback
// ---------------------------------------------------------------------------------------------

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** What a route answers: a status, a redirect, or nothing at all (the request is held open). */
type Answer = number | { status: number; location: string } | 'hang';

interface Receiver {
  baseUrl: string;
  received: Delivery[];
  /** Answers the nth (1-based) request to the path; 200 for unknown paths. */
  routes: Record<string, (nth: number) => Answer>;
  at(path: string): Delivery[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const server = createServer((request, response) => {
    void text(request).then((body) => {
      const path = new URL(request.url ?? '/', 'http://receiver').pathname;
      receiver.received.push({
        path,
        headers: request.headers,
        body,
        at: Date.now(),
      });
      const answer = (receiver.routes[path] ?? (() => 200))(
        receiver.at(path).length,
      );
      if (answer === 'hang') {
        held.push(response);
      } else if (typeof answer === 'number') {
        response.writeHead(answer).end();
      } else {
        response.writeHead(answer.status, { Location: answer.location }).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: [],
    routes: {},
    at: (path) => receiver.received.filter((d) => d.path === path),
    close: () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

/** Verifies with the package a receiver would use; throws when no signature matches. */
function verify(delivery: Delivery, secret: string) {
  return new Webhook(secret).verify(
    delivery.body,
    delivery.headers as Record<string, string>,
  ) as {
    id: string;
    type: string;
    createdAt: string;
    data: { media: { id: string; status: string; filename: string } };
  };
}

// ---------------------------------------------------------------------------------------------
// Databases of their own
// ---------------------------------------------------------------------------------------------

interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database beside the run's one; the application creates and migrates it when it boots. */
function privateDatabase(suffix: string): PrivateDatabase {
  const url = new URL(inject('databaseUrl'));
  url.pathname = `${url.pathname}_${suffix}`;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return {
    url: url.toString(),
    async drop() {
      const admin = new pg.Client({ connectionString: maintenance.toString() });
      await admin.connect();
      try {
        await admin.query(
          `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(url.pathname.slice(1))} WITH (FORCE)`,
        );
      } finally {
        await admin.end();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers (plain fetch: the generated client does not know these routes yet)
// ---------------------------------------------------------------------------------------------

interface Answered {
  status: number;
  body: Record<string, any>;
  raw: string;
}

async function call(
  baseUrl: string,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answered> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = await response.text();
  return {
    status: response.status,
    body: raw ? (JSON.parse(raw) as Record<string, any>) : {},
    raw,
  };
}

async function uploadPdf(
  baseUrl: string,
  apiKey: string,
  filename = 'report.pdf',
): Promise<string> {
  const upload = await call(baseUrl, apiKey, 'POST', '/v1/media/upload', {
    filename,
    contentType: 'application/pdf',
    sizeBytes: SAMPLE_PDF.length,
  });
  expect(upload.status).toBe(201);
  const put = await putBytes(
    upload.body.uploadUrl as string,
    upload.body.uploadHeaders as Record<string, string>,
    SAMPLE_PDF,
  );
  expect(put.status).toBe(200);
  return upload.body.mediaId as string;
}

// ---------------------------------------------------------------------------------------------

describe('webhooks', () => {
  const db = privateDatabase('webhooks');
  let t: TestApp;
  let ws: TestWorkspace;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await startTestApp({
      DATABASE_URL: db.url,
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '1,1,1',
      WEBHOOK_TIMEOUT_SECONDS: '1',
    });
    ws = await t.createWorkspace();
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
    await db.drop();
  });

  const api = (method: string, path: string, body?: unknown, key?: string) =>
    call(t.baseUrl, key ?? ws.apiKey, method, path, body);

  /** Waits until nothing more can be sent to the workspace's endpoints (see webhooksDrained). */
  const drained = (workspace: TestWorkspace) =>
    webhooksDrained(
      (sql, parameters) => t.app.get(DataSource).query(sql, parameters),
      t.app.get<Queue<DeliverWebhookJob>>(
        getQueueToken(QUEUES.webhookDelivery),
      ),
      workspace.workspace.id,
    );

  /** A new endpoint on the receiver, subscribed to media.uploaded, in a workspace of its own. */
  async function subscribe(
    path: string,
    workspace?: TestWorkspace,
  ): Promise<{ id: string; secret: string; ws: TestWorkspace }> {
    const owner = workspace ?? (await t.createWorkspace());
    const created = await api(
      'POST',
      '/v1/webhooks',
      { url: `${receiver.baseUrl}${path}`, events: ['media.uploaded'] },
      owner.apiKey,
    );
    expect(created.status).toBe(201);
    return { id: created.body.id, secret: created.body.secret, ws: owner };
  }

  async function attemptsOf(endpointId: string, key: string) {
    const log = await api(
      'GET',
      `/v1/webhooks/${endpointId}/deliveries`,
      undefined,
      key,
    );
    expect(log.status).toBe(200);
    return log.body.data as Array<Record<string, any>>;
  }

  describe('delivery', () => {
    it('sends exactly one signed media.uploaded per upload, with the media object, to each endpoint', async () => {
      const owner = await t.createWorkspace();
      const first = await subscribe('/first', owner);
      const second = await subscribe('/second', owner);

      const mediaIds = [
        await uploadPdf(t.baseUrl, owner.apiKey, 'one.pdf'),
        await uploadPdf(t.baseUrl, owner.apiKey, 'two.pdf'),
      ];

      await vi.waitFor(
        () => {
          expect(receiver.at('/first')).toHaveLength(2);
          expect(receiver.at('/second')).toHaveLength(2);
        },
        { timeout: 15_000, interval: 100 },
      );
      // The items go on to READY (media.ready), which is internal: nothing more may arrive.
      await vi.waitFor(
        async () => {
          for (const id of mediaIds) {
            const media = await api(
              'GET',
              `/v1/media/${id}`,
              undefined,
              owner.apiKey,
            );
            expect(media.body.status).toBe('READY');
          }
        },
        { timeout: 15_000, interval: 200 },
      );
      // Their media.ready events handed on, every delivery settled and no attempt left queued.
      await drained(owner);
      expect(receiver.at('/first')).toHaveLength(2);
      expect(receiver.at('/second')).toHaveLength(2);

      for (const [path, secret] of [
        ['/first', first.secret],
        ['/second', second.secret],
      ] as const) {
        const payloads = receiver.at(path).map((d) => verify(d, secret));
        expect(payloads.map((p) => p.data.media.id).sort()).toEqual(
          [...mediaIds].sort(),
        );
        for (const [index, payload] of payloads.entries()) {
          const delivery = receiver.at(path)[index];
          expect(payload).toMatchObject({
            type: 'media.uploaded',
            data: {
              media: { status: 'PROCESSING', filename: expect.any(String) },
            },
          });
          expect(payload.id).toMatch(/^evt_[0-9a-z]{24}$/);
          expect(delivery.headers['webhook-id']).toBe(payload.id);
          expect(delivery.headers['content-type']).toBe('application/json');
          expect(Date.parse(payload.createdAt)).not.toBeNaN();
          expect(() =>
            verify(delivery, path === '/first' ? second.secret : first.secret),
          ).toThrow();
        }
      }
      // Both endpoints got the same events, under the same ids.
      const ids = (path: string) =>
        receiver
          .at(path)
          .map((d) => String(d.headers['webhook-id']))
          .sort((a, b) => a.localeCompare(b));
      expect(ids('/first')).toEqual(ids('/second'));

      const log = await attemptsOf(first.id, owner.apiKey);
      expect(log).toHaveLength(2);
      for (const attempt of log) {
        expect(attempt).toMatchObject({
          eventType: 'media.uploaded',
          attempt: 1,
          succeeded: true,
          statusCode: 200,
          error: null,
          nextRetryAt: null,
        });
        expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
      }
    });

    it('retries a failing receiver with the same webhook-id until it answers 2xx, and logs each attempt', async () => {
      receiver.routes['/flaky'] = (nth) => (nth <= 2 ? 500 : 204);
      const { id, secret, ws: owner } = await subscribe('/flaky');

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(() => expect(receiver.at('/flaky')).toHaveLength(3), {
        timeout: 20_000,
        interval: 100,
      });
      const [a, b, c] = receiver.at('/flaky');
      expect(new Set([a, b, c].map((d) => d.headers['webhook-id'])).size).toBe(
        1,
      );
      for (const delivery of [a, b, c]) verify(delivery, secret);
      // Each retry waited its configured 1 s less at most the 20 % jitter. Only a lower bound: a
      // busy machine makes the wait longer, never shorter.
      expect(b.at - a.at).toBeGreaterThanOrEqual(750);
      expect(c.at - b.at).toBeGreaterThanOrEqual(750);

      await vi.waitFor(
        async () => expect(await attemptsOf(id, owner.apiKey)).toHaveLength(3),
        { timeout: 5_000, interval: 100 },
      );
      const log = await attemptsOf(id, owner.apiKey);
      expect(
        log.map((entry) => [entry.attempt, entry.statusCode, entry.succeeded]),
      ).toEqual([
        [3, 204, true],
        [2, 500, false],
        [1, 500, false],
      ]);
      expect(log[2].error).toBe('the endpoint answered 500');
      expect(log[2].nextRetryAt).not.toBeNull();
      expect(log[0].nextRetryAt).toBeNull();
      expect(new Set(log.map((entry) => entry.eventId)).size).toBe(1);
      await drained(owner);
      expect(receiver.at('/flaky')).toHaveLength(3);
      expect(await attemptsOf(id, owner.apiKey)).toHaveLength(3);
    });

    it('gives a delivery up after the last configured retry', async () => {
      receiver.routes['/down'] = () => 503;
      const { id, ws: owner } = await subscribe('/down');

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(
        async () => expect(await attemptsOf(id, owner.apiKey)).toHaveLength(4),
        { timeout: 20_000, interval: 200 },
      );
      await drained(owner);
      expect(receiver.at('/down')).toHaveLength(4);
      const log = await attemptsOf(id, owner.apiKey);
      expect(log).toHaveLength(4);
      expect(log[0]).toMatchObject({
        attempt: 4,
        statusCode: 503,
        nextRetryAt: null,
      });
      const endpoint = await api(
        'GET',
        `/v1/webhooks/${id}`,
        undefined,
        owner.apiKey,
      );
      expect(endpoint.body.enabled).toBe(true);
    });

    it('disables an endpoint that answers 410, and sends it nothing more', async () => {
      receiver.routes['/gone'] = () => 410;
      const { id, ws: owner } = await subscribe('/gone');

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(
        async () => {
          const endpoint = await api(
            'GET',
            `/v1/webhooks/${id}`,
            undefined,
            owner.apiKey,
          );
          expect(endpoint.body).toMatchObject({
            enabled: false,
            disabledReason: 'the endpoint answered 410 Gone',
          });
        },
        { timeout: 15_000, interval: 100 },
      );
      await uploadPdf(t.baseUrl, owner.apiKey);
      // The second upload's event handed on (to nobody) and nothing left to attempt.
      await drained(owner);
      expect(receiver.at('/gone')).toHaveLength(1);
      const log = await attemptsOf(id, owner.apiKey);
      expect(log).toEqual([
        expect.objectContaining({
          attempt: 1,
          statusCode: 410,
          nextRetryAt: null,
        }),
      ]);
    });

    it('cuts a receiver that never answers at WEBHOOK_TIMEOUT_SECONDS and tries again', async () => {
      receiver.routes['/silent'] = () => 'hang';
      const { id, ws: owner } = await subscribe('/silent');

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(
        () => expect(receiver.at('/silent').length).toBeGreaterThanOrEqual(2),
        {
          timeout: 15_000,
          interval: 100,
        },
      );
      const [first] = (await attemptsOf(id, owner.apiKey)).slice(-1);
      expect(first).toMatchObject({
        attempt: 1,
        statusCode: null,
        error: 'the endpoint did not answer within 1 s',
      });
      // Cut at the timeout, not before; the receiver never answers, so the attempt being logged
      // at all (and a second one sent) shows the request was cut rather than left hanging.
      expect(first.durationMs).toBeGreaterThanOrEqual(950);
      expect(first.nextRetryAt).not.toBeNull();
      expect(
        (await api('DELETE', `/v1/webhooks/${id}`, undefined, owner.apiKey))
          .status,
      ).toBe(200);
    });

    it('does not follow a redirect: a 302 is a failed attempt', async () => {
      receiver.routes['/moved'] = () => ({
        status: 302,
        location: '/moved-here',
      });
      const { id, ws: owner } = await subscribe('/moved');

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(
        async () =>
          expect(
            (await attemptsOf(id, owner.apiKey)).length,
          ).toBeGreaterThanOrEqual(1),
        { timeout: 15_000, interval: 100 },
      );
      const [attempt] = (await attemptsOf(id, owner.apiKey)).slice(-1);
      expect(attempt).toMatchObject({
        attempt: 1,
        statusCode: 302,
        succeeded: false,
        error:
          'the endpoint answered 302, a redirect; redirects are not followed',
      });
      expect(receiver.at('/moved-here')).toHaveLength(0);
      await api(
        'PATCH',
        `/v1/webhooks/${id}`,
        { enabled: false },
        owner.apiKey,
      );
    });

    it('signs with both secrets for 24 h after a rotation', async () => {
      const { id, secret: oldSecret, ws: owner } = await subscribe('/rotated');

      const before = Date.now();
      const rotated = await api(
        'POST',
        `/v1/webhooks/${id}/rotate-secret`,
        undefined,
        owner.apiKey,
      );

      expect(rotated.status).toBe(200);
      const newSecret = rotated.body.secret as string;
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(oldSecret);
      // 24 h from the moment of the rotation, which lies between `before` and now.
      const expiresAt = Date.parse(rotated.body.previousSecretExpiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);

      await uploadPdf(t.baseUrl, owner.apiKey);
      await vi.waitFor(() => expect(receiver.at('/rotated')).toHaveLength(1), {
        timeout: 15_000,
        interval: 100,
      });
      const [delivery] = receiver.at('/rotated');
      expect(
        (delivery.headers['webhook-signature'] as string).split(' '),
      ).toHaveLength(2);
      expect(verify(delivery, newSecret).type).toBe('media.uploaded');
      expect(verify(delivery, oldSecret).type).toBe('media.uploaded');

      // Once the overlap is over, only the new secret signs.
      await t.app
        .get(DataSource)
        .query(
          `UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`,
          [id],
        );
      await uploadPdf(t.baseUrl, owner.apiKey);
      await vi.waitFor(() => expect(receiver.at('/rotated')).toHaveLength(2), {
        timeout: 15_000,
        interval: 100,
      });
      const later = receiver.at('/rotated')[1];
      expect(
        (later.headers['webhook-signature'] as string).split(' '),
      ).toHaveLength(1);
      verify(later, newSecret);
      expect(() => verify(later, oldSecret)).toThrow();
    });

    it('disables an endpoint that has failed for 5 days, cancelling its pending retries', async () => {
      receiver.routes['/failing'] = () => 500;
      const { id, ws: owner } = await subscribe('/failing');
      await t.app
        .get(DataSource)
        .query(
          `UPDATE webhook_endpoints SET failing_since = now() - interval '5 days 1 minute' WHERE id = $1`,
          [id],
        );

      await uploadPdf(t.baseUrl, owner.apiKey);

      await vi.waitFor(
        async () => {
          const endpoint = await api(
            'GET',
            `/v1/webhooks/${id}`,
            undefined,
            owner.apiKey,
          );
          expect(endpoint.body).toMatchObject({
            enabled: false,
            disabledReason:
              'the endpoint failed every delivery attempt for 5 days',
          });
        },
        { timeout: 15_000, interval: 100 },
      );
      await drained(owner);
      expect(receiver.at('/failing')).toHaveLength(1);
      const states = await t.app
        .get(DataSource)
        .query('SELECT state FROM webhook_deliveries WHERE endpoint_id = $1', [
          id,
        ]);
      expect(states).toEqual([{ state: 'cancelled' }]);
    });

    it('queues again a due delivery whose job Redis lost', async () => {
      const { id, secret, ws: owner } = await subscribe('/recovered');
      const dataSource = t.app.get(DataSource);
      const item = await api(
        'POST',
        '/v1/media/register',
        { url: 'https://cdn.example.com/lost.jpg', contentType: 'image/jpeg' },
        owner.apiKey,
      );
      expect(item.status).toBe(201);
      // An event already handed on (it has no queue entry), whose delivery row exists but whose job never reached Redis.
      await dataSource.query(
        `INSERT INTO media_events (id, workspace_id, media_id, type, data)
         VALUES ('evt_lostjob00000000000000000', $1, $2, 'media.uploaded', $3)`,
        [
          owner.workspace.id,
          item.body.id,
          JSON.stringify({ id: item.body.id }),
        ],
      );
      await dataSource.query(
        `INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
         VALUES ('evt_lostjob00000000000000000', $1, now() - interval '1 second')`,
        [id],
      );

      expect(await t.app.get(WebhookRelay).requeueLost()).toBe(1);

      await vi.waitFor(
        () => expect(receiver.at('/recovered')).toHaveLength(1),
        {
          timeout: 10_000,
          interval: 100,
        },
      );
      const payload = verify(receiver.at('/recovered')[0], secret);
      expect(payload.id).toBe('evt_lostjob00000000000000000');
      expect(payload.data.media.id).toBe(item.body.id);
      expect(await t.app.get(WebhookRelay).requeueLost()).toBe(0);
    });
  });

  describe('endpoints', () => {
    it('shows the secret once, never in GET or the list, and stores it only sealed', async () => {
      const owner = await t.createWorkspace();
      const created = await api(
        'POST',
        '/v1/webhooks',
        {
          url: `${receiver.baseUrl}/crud`,
          events: ['media.uploaded'],
          description: 'Production hook',
        },
        owner.apiKey,
      );

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.stringMatching(/^wh_[0-9a-z]{24}$/),
        url: `${receiver.baseUrl}/crud`,
        events: ['media.uploaded'],
        description: 'Production hook',
        enabled: true,
        disabledReason: null,
        previousSecretExpiresAt: null,
      });
      const secret = created.body.secret as string;
      expect(
        Buffer.from(secret.slice('whsec_'.length), 'base64').length,
      ).toBeGreaterThanOrEqual(24);
      const secretBody = secret.slice('whsec_'.length);

      const got = await api(
        'GET',
        `/v1/webhooks/${created.body.id}`,
        undefined,
        owner.apiKey,
      );
      const listed = await api('GET', '/v1/webhooks', undefined, owner.apiKey);
      const patched = await api(
        'PATCH',
        `/v1/webhooks/${created.body.id}`,
        { description: 'Renamed' },
        owner.apiKey,
      );
      for (const answer of [got, listed, patched]) {
        expect(answer.status).toBe(200);
        expect(answer.raw).not.toContain(secretBody);
        expect(answer.raw).not.toContain('"secret"');
      }
      expect(listed.body).toEqual({
        data: [expect.objectContaining({ id: created.body.id })],
        hasMore: false,
        nextCursor: null,
      });

      const [row] = await t.app
        .get(DataSource)
        .query('SELECT * FROM webhook_endpoints WHERE id = $1', [
          created.body.id,
        ]);
      expect(JSON.stringify(row)).not.toContain(secretBody);
      expect(JSON.stringify(row)).not.toContain(
        Buffer.from(secretBody, 'base64').toString('hex'),
      );
    });

    it('updates url, events, description and enabled; re-enabling clears the reason', async () => {
      const { id, ws: owner } = await subscribe('/before');
      await t.app
        .get(DataSource)
        .query(
          `UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'the endpoint answered 410 Gone' WHERE id = $1`,
          [id],
        );

      const updated = await api(
        'PATCH',
        `/v1/webhooks/${id}`,
        {
          url: `${receiver.baseUrl}/after`,
          events: ['media.uploaded'],
          description: null,
          enabled: true,
        },
        owner.apiKey,
      );

      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        url: `${receiver.baseUrl}/after`,
        description: null,
        enabled: true,
        disabledReason: null,
      });
      const disabled = await api(
        'PATCH',
        `/v1/webhooks/${id}`,
        { enabled: false },
        owner.apiKey,
      );
      expect(disabled.body).toMatchObject({
        enabled: false,
        disabledReason: null,
      });
    });

    it('pages the list newest first with an opaque cursor', async () => {
      const owner = await t.createWorkspace();
      const ids: string[] = [];
      for (const path of ['/p1', '/p2', '/p3']) {
        ids.push((await subscribe(path, owner)).id);
      }

      const first = await api(
        'GET',
        '/v1/webhooks?limit=2',
        undefined,
        owner.apiKey,
      );
      const second = await api(
        'GET',
        `/v1/webhooks?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        undefined,
        owner.apiKey,
      );

      expect(first.body.data.map((e: { id: string }) => e.id)).toEqual([
        ids[2],
        ids[1],
      ]);
      expect(first.body.hasMore).toBe(true);
      expect(second.body).toMatchObject({ hasMore: false, nextCursor: null });
      expect(second.body.data.map((e: { id: string }) => e.id)).toEqual([
        ids[0],
      ]);
      const elsewhere = await api(
        'GET',
        `/v1/webhooks?cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(elsewhere.status).toBe(400);
    });

    it('answers 404 for another workspace’s endpoint on every route, and changes nothing', async () => {
      const { id, ws: owner } = await subscribe('/mine');
      const stranger = await t.createWorkspace();

      for (const [method, path, body] of [
        ['GET', `/v1/webhooks/${id}`],
        ['PATCH', `/v1/webhooks/${id}`, { enabled: false }],
        ['DELETE', `/v1/webhooks/${id}`],
        ['GET', `/v1/webhooks/${id}/deliveries`],
        ['POST', `/v1/webhooks/${id}/rotate-secret`],
        ['GET', '/v1/webhooks/wh_doesnotexist000000000000'],
        ['GET', '/v1/webhooks/not-an-id'],
      ] as Array<[string, string, unknown?]>) {
        const answer = await api(method, path, body, stranger.apiKey);
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(answer.body.code).toBe('not_found');
      }
      const mine = await api(
        'GET',
        `/v1/webhooks/${id}`,
        undefined,
        owner.apiKey,
      );
      expect(mine.body).toMatchObject({
        enabled: true,
        previousSecretExpiresAt: null,
      });
      expect(
        (await api('GET', '/v1/webhooks', undefined, stranger.apiKey)).body
          .data,
      ).toEqual([]);
    });

    it('deletes an endpoint', async () => {
      const { id, ws: owner } = await subscribe('/deleted');

      expect(
        (await api('DELETE', `/v1/webhooks/${id}`, undefined, owner.apiKey))
          .body,
      ).toEqual({
        success: true,
      });
      expect(
        (await api('GET', `/v1/webhooks/${id}`, undefined, owner.apiKey))
          .status,
      ).toBe(404);
    });

    it('enforces webhooks:read and webhooks:write', async () => {
      const { id, ws: owner } = await subscribe('/scoped');
      const keyWith = async (...scopes: ApiKeyScope[]) =>
        (
          await t.app
            .get(WorkspacesService)
            .createApiKey(owner.workspace.id, scopes, 'scoped')
        ).secret;
      const mediaOnly = await keyWith('media:read', 'media:write');
      const readOnly = await keyWith('webhooks:read');

      const body = { url: `${receiver.baseUrl}/x`, events: ['media.uploaded'] };
      for (const [key, method, path, payload, status] of [
        [mediaOnly, 'GET', '/v1/webhooks', undefined, 403],
        [mediaOnly, 'GET', `/v1/webhooks/${id}/deliveries`, undefined, 403],
        [mediaOnly, 'POST', '/v1/webhooks', body, 403],
        [readOnly, 'GET', '/v1/webhooks', undefined, 200],
        [readOnly, 'GET', `/v1/webhooks/${id}`, undefined, 200],
        [readOnly, 'GET', `/v1/webhooks/${id}/deliveries`, undefined, 200],
        [readOnly, 'POST', '/v1/webhooks', body, 403],
        [readOnly, 'PATCH', `/v1/webhooks/${id}`, { enabled: false }, 403],
        [readOnly, 'DELETE', `/v1/webhooks/${id}`, undefined, 403],
        [readOnly, 'POST', `/v1/webhooks/${id}/rotate-secret`, undefined, 403],
      ] as Array<[string, string, string, unknown, number]>) {
        const answer = await api(method, path, payload, key);
        expect(answer.status, `${method} ${path}`).toBe(status);
        if (status === 403) expect(answer.body.code).toBe('insufficient_scope');
      }
      expect(
        (await api('GET', `/v1/webhooks/${id}`, undefined, owner.apiKey)).body
          .enabled,
      ).toBe(true);
    });

    const valid = { url: 'https://example.com/x', events: ['media.uploaded'] };
    it.each([
      ['no url', { events: valid.events }, 'url', 'url is required'],
      [
        'a url that is not one',
        { ...valid, url: 'not a url' },
        'url',
        'url must be an https URL',
      ],
      [
        'an ftp url',
        { ...valid, url: 'ftp://example.com/x' },
        'url',
        'url must be an https URL',
      ],
      [
        'a url over 2 KB',
        { ...valid, url: `https://example.com/${'a'.repeat(2048)}` },
        'url',
        undefined,
      ],
      ['no events', { url: valid.url }, 'events', 'events is required'],
      ['no event in events', { ...valid, events: [] }, 'events', undefined],
      [
        'events as a string',
        { ...valid, events: 'media.uploaded' },
        'events',
        undefined,
      ],
      [
        'media.ready',
        { ...valid, events: ['media.ready'] },
        'events',
        'events: media.ready is an internal event and cannot be subscribed to; subscribable events: media.uploaded, media.rendition.ready, media.rendition.failed',
      ],
      [
        'media.processing_failed',
        { ...valid, events: ['media.uploaded', 'media.processing_failed'] },
        'events',
        'events: media.processing_failed is an internal event and cannot be subscribed to; subscribable events: media.uploaded, media.rendition.ready, media.rendition.failed',
      ],
      [
        'an unknown event',
        { ...valid, events: ['media.deleted'] },
        'events',
        'events: unknown event "media.deleted"; subscribable events: media.uploaded, media.rendition.ready, media.rendition.failed',
      ],
      [
        'a repeated event',
        { ...valid, events: ['media.uploaded', 'media.uploaded'] },
        'events',
        'events must not repeat an event',
      ],
      [
        'a long description',
        { ...valid, description: 'x'.repeat(501) },
        'description',
        undefined,
      ],
      [
        'a numeric description',
        { ...valid, description: 7 },
        'description',
        undefined,
      ],
      [
        'a secret of its own',
        { ...valid, secret: 'whsec_mine' },
        'secret',
        undefined,
      ],
    ])(
      'refuses %s with 400 on its field, storing nothing',
      async (_label, body, field, message) => {
        const owner = await t.createWorkspace();

        const answer = await api('POST', '/v1/webhooks', body, owner.apiKey);

        expect(answer.status).toBe(400);
        expect(answer.body.code).toBe('validation_error');
        expect(answer.body.errors[0].field).toBe(field);
        if (message) expect(answer.body.errors[0].message).toBe(message);
        expect(
          (await api('GET', '/v1/webhooks', undefined, owner.apiKey)).body.data,
        ).toEqual([]);
      },
    );

    it('refuses bad updates and queries per field', async () => {
      const { id, ws: owner } = await subscribe('/bad-input');
      for (const [method, path, body, field] of [
        ['PATCH', `/v1/webhooks/${id}`, { enabled: 'yes' }, 'enabled'],
        ['PATCH', `/v1/webhooks/${id}`, { events: ['media.ready'] }, 'events'],
        ['PATCH', `/v1/webhooks/${id}`, { url: 'https://' }, 'url'],
        ['PATCH', `/v1/webhooks/${id}`, { id: 'wh_other' }, 'id'],
        ['GET', '/v1/webhooks?limit=0', undefined, 'limit'],
        ['GET', '/v1/webhooks?limit=101', undefined, 'limit'],
        ['GET', '/v1/webhooks?cursor=forged', undefined, 'cursor'],
        ['GET', `/v1/webhooks/${id}/deliveries?limit=abc`, undefined, 'limit'],
      ] as Array<[string, string, unknown, string]>) {
        const answer = await api(method, path, body, owner.apiKey);
        expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(
          400,
        );
        expect(answer.body.errors[0].field).toBe(field);
      }
      expect(
        (await api('GET', `/v1/webhooks/${id}`, undefined, owner.apiKey)).body,
      ).toMatchObject({
        url: `${receiver.baseUrl}/bad-input`,
        enabled: true,
      });
    });

    it('caps a workspace at 20 endpoints', async () => {
      const owner = await t.createWorkspace();
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => subscribe(`/cap${n}`, owner)),
      );

      const over = await api(
        'POST',
        '/v1/webhooks',
        { url: `${receiver.baseUrl}/cap20`, events: ['media.uploaded'] },
        owner.apiKey,
      );

      expect(over.status).toBe(409);
      expect(over.body.code).toBe('conflict');
    });
  });
});

describe('webhook URLs with FETCH_ALLOW_PRIVATE_ADDRESSES off', () => {
  const db = privateDatabase('webhooks_ssrf');
  // Tests run outside production, so refusals name the setting.
  const refusedHost = (host: string) =>
    nonPublicHostMessage(host, { nameSetting: true });
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    // HTTP only: no relay or delivery runs against this database.
    t = await startTestApp({ DATABASE_URL: db.url, APP_ROLE: 'api' });
    ws = await t.createWorkspace();
  });

  afterAll(async () => {
    await t?.close();
    await db.drop();
  });

  it.each([
    ['http://example.com/hook', 'url must be an https URL'],
    // The host before the scheme: what a developer tries first is named like any private host.
    ['http://localhost:4000/hook', refusedHost('localhost')],
    ['https://127.0.0.1/hook', refusedHost('127.0.0.1')],
    ['https://localhost/hook', refusedHost('localhost')],
    ['https://[::1]/hook', refusedHost('::1')],
    [
      'https://169.254.169.254/latest/meta-data',
      refusedHost('169.254.169.254'),
    ],
    ['https://2130706433/hook', 'url must be an https URL'],
  ])('refuses %s with 400 and stores nothing', async (url, message) => {
    const answer = await call(t.baseUrl, ws.apiKey, 'POST', '/v1/webhooks', {
      url,
      events: ['media.uploaded'],
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'validation_error',
      errors: [{ field: 'url', message }],
    });
    const [{ count }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM webhook_endpoints');
    expect(count).toBe(0);
  });
});

describe('a worker process killed before the delivery', () => {
  const db = privateDatabase('webhooks_kill');
  const processes: ServerProcess[] = [];
  let receiver: Receiver;
  let storageDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    await ensureBuilt();
    receiver = await startReceiver();
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
    env = testEnvironment({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-webhooks-kill`,
      LOCAL_STORAGE_DIR: storageDir,
      STORAGE_SIGNING_SECRET: 'webhooks-kill-test-signing-secret-0123456789',
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_TIMEOUT_SECONDS: '3',
      RECONCILER_INTERVAL_SECONDS: '2',
      LOG_LEVEL: 'info',
      // Worker probes would all want the same port.
      WORKER_HEALTH_PORT: '0',
    });
  });

  afterAll(async () => {
    for (const server of processes) server.child.kill('SIGKILL');
    await Promise.all(processes.map((server) => server.exited));
    await receiver?.close();
    await db.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function start(role: 'api' | 'worker'): Promise<ServerProcess> {
    const server = startServerProcess(await freePort(), {
      ...env,
      APP_ROLE: role,
    });
    processes.push(server);
    if (role === 'api') {
      await server.ready();
    } else {
      await vi.waitFor(
        () => expect(server.output()).toContain('Webhook relay runs every'),
        { timeout: 30_000, interval: 100 },
      );
    }
    return server;
  }

  it(
    'delivers the event once another worker runs',
    { timeout: 90_000 },
    async (context) => {
      context.onTestFailed(() => {
        for (const [index, server] of processes.entries()) {
          process.stderr.write(
            `\n--- process ${index} ---\n${server.output()}\n`,
          );
        }
      });
      const httpProcess = await start('api');
      const { apiKey: key, workspaceId } = await createWorkspaceWithCli(
        'media:read,media:write,webhooks:read,webhooks:write',
        env,
      );
      const created = await call(
        httpProcess.baseUrl,
        key,
        'POST',
        '/v1/webhooks',
        {
          url: `${receiver.baseUrl}/hook`,
          events: ['media.uploaded'],
        },
      );
      expect(created.status).toBe(201);
      // The first attempt is held open, so its worker dies mid-delivery; later ones are answered.
      receiver.routes['/hook'] = (nth) => (nth === 1 ? 'hang' : 200);
      const doomed = await start('worker');

      const mediaId = await uploadPdf(httpProcess.baseUrl, key);
      await vi.waitFor(() => expect(receiver.at('/hook')).toHaveLength(1), {
        timeout: 15_000,
        interval: 50,
      });
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      await start('worker');

      await vi.waitFor(() => expect(receiver.at('/hook')).toHaveLength(2), {
        timeout: 45_000,
        interval: 100,
      });
      const [held, delivered] = receiver.at('/hook');
      expect(delivered.headers['webhook-id']).toBe(held.headers['webhook-id']);
      const payload = verify(delivered, created.body.secret);
      expect(payload).toMatchObject({
        type: 'media.uploaded',
        data: { media: { id: mediaId } },
      });
      await vi.waitFor(
        async () => {
          const log = await call(
            httpProcess.baseUrl,
            key,
            'GET',
            `/v1/webhooks/${created.body.id}/deliveries`,
          );
          expect(log.body.data[0]).toMatchObject({
            succeeded: true,
            statusCode: 200,
          });
        },
        { timeout: 10_000, interval: 200 },
      );
      // The killed worker's attempt stays an active job until Bull's stalled check hands it to the
      // live worker; once that has run too (and found the delivery done), nothing is left to send.
      const database = new pg.Client({ connectionString: db.url });
      await database.connect();
      const queue = webhookQueue(env.REDIS_URL, env.REDIS_KEY_PREFIX);
      try {
        const query: Query = async (sql, parameters) =>
          (await database.query(sql, parameters)).rows;
        await webhooksDrained(query, queue, workspaceId);
      } finally {
        await queue.close();
        await database.end();
      }
      expect(receiver.at('/hook')).toHaveLength(2);
    },
  );
});

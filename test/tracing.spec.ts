import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import sharp from 'sharp';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { createWorkspaceWithCli } from './support/cli.js';
import { isolatedDatabase } from './support/database.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { freePort, testEnvironment } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * OpenTelemetry tracing end to end: the built server runs as its own process with the standard
 * OTEL_* variables pointing at an OTLP/HTTP receiver in this process (JSON encoding), and a client
 * that sends its own `traceparent` follows an upload from presign to READY and its webhooks.
 */

// ---------------------------------------------------------------------------------------------
// Receivers on loopback: OTLP/HTTP traces and webhooks
// ---------------------------------------------------------------------------------------------

/** One span as OTLP/JSON encodes it (ids in hex), with the instrumentation scope that made it. */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  scope: string;
  attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

interface OtlpTraces {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      scope: { name: string };
      spans: Array<
        Omit<ExportedSpan, 'scope' | 'attributes'> & {
          attributes?: OtlpAttribute[];
        }
      >;
    }>;
  }>;
}

const SPAN_KIND = { server: 2, client: 3, consumer: 5 } as const;

function attributesOf(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(
    list.map(({ key, value }) => [key, Object.values(value)[0]]),
  );
}

interface Listening {
  server: Server;
  baseUrl: string;
}

async function listen(server: Server): Promise<Listening> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

/** Collects every span exported to POST /v1/traces, and the service names they came from. */
async function startOtlpReceiver() {
  const spans: ExportedSpan[] = [];
  const services = new Set<unknown>();
  const listening = await listen(
    createServer((request, response) => {
      void text(request).then((body) => {
        if (request.url === '/v1/traces') {
          const traces = JSON.parse(body) as OtlpTraces;
          for (const { resource, scopeSpans } of traces.resourceSpans) {
            services.add(attributesOf(resource.attributes)['service.name']);
            for (const { scope, spans: exported } of scopeSpans) {
              for (const span of exported) {
                spans.push({
                  ...span,
                  scope: scope.name,
                  attributes: attributesOf(span.attributes),
                });
              }
            }
          }
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{}');
      });
    }),
  );
  return { ...listening, spans, services };
}

/** Answers every webhook 200 and keeps what arrived. */
async function startWebhookReceiver() {
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const listening = await listen(
    createServer((request, response) => {
      void text(request).then((body) => {
        received.push({ headers: request.headers, body });
        response.end();
      });
    }),
  );
  return { ...listening, received };
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) =>
    server ? server.close(() => resolve()) : resolve(),
  );
}

// ---------------------------------------------------------------------------------------------

describe('tracing (OTEL_* set)', () => {
  const db = isolatedDatabase('tracing');
  let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let webhooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let server: ServerProcess;
  let storageDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    await ensureBuilt();
    otlp = await startOtlpReceiver();
    webhooks = await startWebhookReceiver();
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-tracing-'));
    env = testEnvironment({
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-tracing`,
      LOCAL_STORAGE_DIR: storageDir,
      STORAGE_SIGNING_SECRET: 'tracing-test-signing-secret-0123456789abcdef',
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      LOG_LEVEL: 'info',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.baseUrl,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'media-api-under-test',
      // Spans are sent in batches; a short delay only makes the waits below shorter.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    server = startServerProcess(await freePort(), env);
    await server.ready();
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    await Promise.all([close(otlp?.server), close(webhooks?.server)]);
    await db.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it(
    'follows presign → PUT → READY → rendition → webhook deliveries as one trace, continuing the client’s traceparent',
    { timeout: 120_000 },
    async (context) => {
      context.onTestFailed(() => {
        process.stderr.write(`\n--- server ---\n${server.output()}\n`);
      });
      const { apiKey } = await createWorkspaceWithCli(
        'media:read,media:write,webhooks:write',
        env,
      );
      const traceId = randomBytes(16).toString('hex');
      const clientSpanId = randomBytes(8).toString('hex');
      const traceparent = `00-${traceId}-${clientSpanId}-01`;
      const send = async (method: string, path: string, body?: unknown) => {
        const response = await fetch(`${server.baseUrl}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${apiKey}`,
            traceparent,
            ...(body === undefined
              ? {}
              : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return {
          status: response.status,
          body: (await response.json()) as Record<string, any>,
        };
      };

      const endpoint = await send('POST', '/v1/webhooks', {
        url: `${webhooks.baseUrl}/hook`,
        events: ['media.uploaded', 'media.rendition.ready'],
      });
      expect(endpoint.status).toBe(201);
      // Wider than Instagram takes: its rendition is made by a job, not answered at once.
      const bytes = await sharp({
        create: {
          width: 900,
          height: 300,
          channels: 3,
          background: '#3366cc',
        },
      })
        .jpeg()
        .toBuffer();
      const upload = await send('POST', '/v1/media/upload', {
        filename: 'photo.jpg',
        contentType: 'image/jpeg',
        sizeBytes: bytes.length,
      });
      expect(upload.status).toBe(201);
      const put = await fetch(upload.body.uploadUrl as string, {
        method: 'PUT',
        headers: {
          ...(upload.body.uploadHeaders as Record<string, string>),
          traceparent,
        },
        body: new Uint8Array(bytes),
      });
      expect(put.status).toBe(200);
      const mediaId = upload.body.mediaId as string;
      await waitFor(
        () => send('GET', `/v1/media/${mediaId}`),
        ({ body }) => body.status === 'READY',
        { intervalMs: 100 },
      );
      const asked = await send('POST', `/v1/media/${mediaId}/renditions`, {
        platforms: ['INSTAGRAM'],
      });
      expect(asked.status).toBe(202);
      // Both events reach the receiver, each carrying the trace onward in its own traceparent.
      await waitFor(
        () => webhooks.received.length,
        (count) => count >= 2,
      );
      expect(
        webhooks.received
          .map(({ body }) => (JSON.parse(body) as { type: string }).type)
          .sort(),
      ).toEqual(['media.rendition.ready', 'media.uploaded']);
      for (const { headers } of webhooks.received) {
        expect(headers.traceparent).toMatch(
          new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`),
        );
      }

      // Every span of the trace hangs off the client's span or another span of the trace; it is
      // complete once the spans below are all in and none is missing its parent.
      const inTrace = () =>
        otlp.spans.filter((span) => span.traceId === traceId);
      const spans = await waitFor(
        inTrace,
        (found) => {
          const ids = new Set([
            clientSpanId,
            ...found.map((span) => span.spanId),
          ]);
          const deliveries = found.filter(
            (span) => span.name === 'process webhook-delivery',
          );
          return (
            found.some((span) => span.name === 'process media-processing') &&
            found.some((span) => span.name === 'process media-renditions') &&
            deliveries.length === 2 &&
            found.filter((span) =>
              span.scope.endsWith('instrumentation-undici'),
            ).length === 2 &&
            found.every(
              (span) => span.parentSpanId && ids.has(span.parentSpanId),
            )
          );
        },
        { intervalMs: 100 },
      );

      expect([...otlp.services]).toContain('media-api-under-test');
      const requests = spans.filter((span) => span.kind === SPAN_KIND.server);
      expect(requests.map((span) => span.name)).toEqual(
        expect.arrayContaining([
          'POST /v1/webhooks',
          'POST /v1/media/upload',
          'GET /v1/media/:id',
          'POST /v1/media/:id/renditions',
        ]),
      );
      expect(
        requests.some((span) => span.name.startsWith('PUT ')),
        requests.map((span) => span.name).join(', '),
      ).toBe(true);
      for (const request of requests) {
        expect(request.parentSpanId).toBe(clientSpanId);
      }
      expect(
        spans.filter((span) => span.scope.endsWith('instrumentation-pg')),
      ).not.toHaveLength(0);
      expect(
        spans.filter((span) => span.scope.endsWith('instrumentation-ioredis')),
      ).not.toHaveLength(0);

      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const ancestors = (span: ExportedSpan): ExportedSpan[] => {
        const parent = span.parentSpanId && byId.get(span.parentSpanId);
        return parent ? [parent, ...ancestors(parent)] : [];
      };
      const processing = spans.find(
        (span) => span.name === 'process media-processing',
      )!;
      expect(processing).toMatchObject({
        kind: SPAN_KIND.consumer,
        attributes: {
          'messaging.destination.name': 'media-processing',
          'bull.job.name': 'process-media',
        },
      });
      expect(
        ancestors(processing).some((span) => span.name.startsWith('PUT ')),
      ).toBe(true);
      // The processing job's own queries are its children.
      expect(
        spans.some(
          (span) =>
            span.scope.endsWith('instrumentation-pg') &&
            ancestors(span).includes(processing),
        ),
      ).toBe(true);
      const rendition = spans.find(
        (span) => span.name === 'process media-renditions',
      )!;
      expect(ancestors(rendition).map((span) => span.name)).toContain(
        'POST /v1/media/:id/renditions',
      );
      // media.uploaded was written by the PUT, media.rendition.ready by the rendition job: each
      // delivery continues the trace of the work that wrote its event, and its fetch is its child.
      const deliveries = spans.filter(
        (span) => span.name === 'process webhook-delivery',
      );
      const wroteEvent = (delivery: ExportedSpan) =>
        ancestors(delivery).includes(rendition)
          ? 'rendition job'
          : ancestors(delivery).find((span) => span.kind === SPAN_KIND.server)
              ?.name;
      expect(deliveries).toHaveLength(2);
      expect(deliveries.map(wroteEvent)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^PUT /),
          'rendition job',
        ]),
      );
      for (const delivery of deliveries) {
        expect(
          spans.some(
            (span) =>
              span.scope.endsWith('instrumentation-undici') &&
              span.kind === SPAN_KIND.client &&
              ancestors(span).includes(delivery),
          ),
        ).toBe(true);
      }

      // Log lines written inside the trace carry its id.
      expect(server.output()).toMatch(
        new RegExp(`"trace_id":"${traceId}"[^\\n]*"msg":"Job [^"]+: `),
      );
    },
  );
});

import { DataSource, type QueryRunner } from 'typeorm';
import {
  MediaEventRepository,
  OUTBOX_STATEMENTS,
  type ClaimedEvent,
} from '../src/modules/media/media-event.repository.js';
import { runPass } from '../src/infra/queue/batched-pass.js';
import { RetentionService } from '../src/modules/retention/retention.service.js';
import { WebhookDeliveryService } from '../src/modules/webhooks/webhook-delivery.service.js';
import { WebhookEndpointPurge } from '../src/modules/webhooks/webhook-endpoint-purge.service.js';
import { WebhookRelay } from '../src/modules/webhooks/webhook-relay.service.js';
import {
  ENDPOINT_PURGE_STATEMENTS,
  WebhookRepository,
} from '../src/modules/webhooks/webhook.repository.js';
import { isolatedDatabase } from './support/database.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/** Rows in each large table: enough that reading one whole instead of an index shows in a plan. */
const ROWS = 40_000;
const DAY_MS = 86_400_000;

/**
 * The outbox and the webhook tables at a size where a scan would be chosen if an index were
 * missing: the relay's claim, retention and the endpoint purge read indexes, and cost what they
 * touch. Two apps in the `api` role (no passes of their own: the tests run them) share a database
 * of this file alone, so no other file's relay takes these events.
 */
describe('outbox and webhook tables at scale', () => {
  const database = isolatedDatabase('outbox_scale');
  let t: TestApp;
  let other: TestApp;
  let db: DataSource;
  let owner: TestWorkspace;
  let mediaId: string;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: database.url, APP_ROLE: 'api' });
    other = await startTestApp({ DATABASE_URL: database.url, APP_ROLE: 'api' });
    db = t.app.get(DataSource);
    owner = await t.createWorkspace();
    const item = await t.client(owner.apiKey).POST('/v1/media/register', {
      body: {
        url: 'https://cdn.example.com/scale.jpg',
        contentType: 'image/jpeg',
      },
    });
    mediaId = item.data!.id;
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    await database.drop();
  });

  /** `count` events of the item, `daysAgo` old, queued for the relay or already handed on. */
  async function insertEvents(
    count: number,
    { queued, daysAgo = 0 }: { queued: boolean; daysAgo?: number },
  ): Promise<void> {
    const events = `
      INSERT INTO media_events (id, workspace_id, media_id, type, data, created_at)
      SELECT 'evt_' || substr(md5(random()::text), 1, 24), $1, $2::varchar, 'media.uploaded',
             jsonb_build_object('id', $2::varchar), now() - $4::int * interval '1 day'
      FROM generate_series(1, $3::int)
      RETURNING seq, id, workspace_id, type`;
    await db.query(
      queued
        ? `WITH event AS (${events})
           INSERT INTO media_event_queue (seq, event_id, workspace_id, type)
           SELECT seq, id, workspace_id, type FROM event`
        : events,
      [owner.workspace.id, mediaId, count, daysAgo],
    );
  }

  /** An endpoint of the workspace subscribed to media.uploaded, inserted directly (no URL check). */
  async function insertEndpoint(): Promise<string> {
    const id = `wh_${Math.random().toString(36).slice(2).padEnd(24, '0').slice(0, 24)}`;
    await db.query(
      `INSERT INTO webhook_endpoints (id, workspace_id, url, events, secret_sealed)
       VALUES ($1, $2, 'https://receiver.invalid/hook', '{media.uploaded}', 'unused')`,
      [id, owner.workspace.id],
    );
    return id;
  }

  /** A settled delivery and one attempt to `endpointId` for each of the `count` oldest events. */
  async function insertHistory(endpointId: string, count: number) {
    await db.query(
      `WITH delivery AS (
         INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts)
         SELECT id, $1, 'succeeded', 1 FROM media_events ORDER BY seq LIMIT $2
         RETURNING id, event_id)
       INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, event_type, attempt, status_code, duration_ms)
       SELECT id, $1, event_id, 'media.uploaded', 1, 200, 5 FROM delivery`,
      [endpointId, count],
    );
  }

  const count = async (sql: string, parameters: unknown[] = []) =>
    Number(
      (
        (await db.query(`SELECT count(*)::int AS n ${sql}`, parameters)) as [
          { n: number },
        ]
      )[0].n,
    );

  describe('query plans', () => {
    let runner: QueryRunner;
    let doomed: string;

    beforeAll(async () => {
      await insertEvents(ROWS, { queued: false, daysAgo: 40 });
      await insertEvents(ROWS, { queued: true });
      // Many endpoints, a few of them deleted, and deliveries spread over 400 of them besides the
      // history of the one whose deletion the purge plans are read for.
      await db.query(
        `INSERT INTO webhook_endpoints (id, workspace_id, url, events, secret_sealed, deleted_at)
         SELECT 'wh_many' || lpad(n::text, 17, '0'), $1, 'https://receiver.invalid/many', '{media.uploaded}', 'unused',
                CASE WHEN n % 1000 = 0 THEN now() END
         FROM generate_series(1, $2) AS n`,
        [owner.workspace.id, ROWS],
      );
      await db.query(
        `INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts)
         SELECT id, 'wh_many' || lpad((1 + seq % 400)::text, 17, '0'), 'succeeded', 1 FROM media_events`,
      );
      doomed = await insertEndpoint();
      await insertHistory(doomed, ROWS / 4);
      await db.query('ANALYZE');
      runner = db.createQueryRunner();
      await runner.connect();
    });
    afterAll(async () => {
      await runner?.release();
      await db.query('DELETE FROM webhook_endpoints');
      await db.query('DELETE FROM media_events');
    });

    /** The plan of `text` prepared under `mode`, its parameters given as SQL literals. */
    async function planOf(
      mode: 'force_generic_plan' | 'force_custom_plan',
      text: string,
      values: string[],
    ): Promise<string> {
      await runner.query(`SET plan_cache_mode = ${mode}`);
      await runner.query(`PREPARE scale_plan AS ${text}`);
      try {
        // EXPLAIN of a DELETE plans it without running it.
        const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(
          `EXPLAIN EXECUTE scale_plan(${values.join(', ')})`,
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await runner.query('DEALLOCATE scale_plan');
        await runner.query('RESET plan_cache_mode');
      }
    }

    const horizon = () =>
      `'${new Date(Date.now() - 30 * DAY_MS).toISOString()}'::timestamptz`;
    const STATEMENTS = [
      {
        what: "the relay's claim reads the queue's primary key in seq order",
        text: () => OUTBOX_STATEMENTS.claim,
        values: () => ['500'],
        index: /Index Scan using pk_media_event_queue/,
      },
      {
        what: 'a retention batch walks uq_media_events_seq from its low end',
        text: () => OUTBOX_STATEMENTS.deleteDispatched,
        values: () => [horizon(), '1000'],
        index: /Index (Only )?Scan using uq_media_events_seq/,
      },
      {
        what: 'the purge finds deleted endpoints by idx_webhook_endpoints_deleted',
        text: () => ENDPOINT_PURGE_STATEMENTS.findDeleted,
        values: () => ['20'],
        index: /idx_webhook_endpoints_deleted/,
      },
      {
        what: "a purge batch walks the endpoint's deliveries by idx_webhook_deliveries_endpoint",
        text: () => ENDPOINT_PURGE_STATEMENTS.deleteDeliveries,
        values: () => [`'${doomed}'`, '0', '2000'],
        index: /idx_webhook_deliveries_endpoint\b/,
      },
    ];

    for (const mode of ['force_generic_plan', 'force_custom_plan'] as const) {
      for (const { what, text, values, index } of STATEMENTS) {
        it(`${mode}: ${what}`, async () => {
          const plan = await planOf(mode, text(), values());
          expect(plan, plan).toMatch(index);
          expect(plan, plan).not.toMatch(/Seq Scan|Sort/);
        });
      }
    }

    // PostgreSQL runs a cascade as a cached (generic) plan of this shape for each deleted row. (An
    // endpoint's own cascade is left out: the purge deletes the row once its deliveries are gone.)
    const CASCADES = [
      ['media_event_queue', 'seq', 'pk_media_event_queue'],
      [
        'webhook_deliveries',
        'event_id',
        'uq_webhook_deliveries_event_endpoint',
      ],
      ['webhook_attempts', 'delivery_id', 'idx_webhook_attempts_delivery'],
    ] as const;
    for (const [table, column, index] of CASCADES) {
      it(`the cascade into ${table}.${column} reads ${index}`, async () => {
        const type =
          column === 'delivery_id' || column === 'seq' ? 'bigint' : 'varchar';
        const plan = await planOf(
          'force_generic_plan',
          `DELETE FROM ONLY ${table} WHERE $1::${type} OPERATOR(pg_catalog.=) ${column}`,
          [type === 'bigint' ? '1' : `'x'`],
        );
        expect(plan, plan).toContain(index);
        expect(plan, plan).not.toContain('Seq Scan');
      });
    }
  });

  describe('the relay', () => {
    it('hands every event on exactly once with two relays in two apps claiming at once', async () => {
      const endpoints = [await insertEndpoint(), await insertEndpoint()];
      const EVENTS = 6_000;
      await insertEvents(EVENTS, { queued: true });
      const claimedBy = [t, other].map((app) => {
        const claimed: ClaimedEvent[] = [];
        const events = app.app.get(MediaEventRepository);
        const claim = events.claimUndispatched.bind(events);
        vi.spyOn(events, 'claimUndispatched').mockImplementation(
          async (limit, tx) => {
            const batch = await claim(limit, tx);
            claimed.push(...batch);
            return batch;
          },
        );
        return claimed;
      });

      let delivered = 0;
      while ((await count('FROM media_event_queue')) > 0) {
        const passes = await Promise.all(
          // A budget of nothing: each pass claims one batch, as passes cut short by their budget do.
          [t, other].map((app) => app.app.get(WebhookRelay).relayPending(0)),
        );
        delivered += passes[0] + passes[1];
      }

      const ids = claimedBy.flat().map((event) => event.id);
      expect(new Set(ids).size).toBe(EVENTS);
      expect(ids).toHaveLength(EVENTS);
      // Both took part: every round of passes ran one batch in each app.
      expect(claimedBy[0].length).toBeGreaterThan(0);
      expect(claimedBy[1].length).toBeGreaterThan(0);
      expect(delivered).toBe(EVENTS * endpoints.length);
      expect(
        await count(
          `FROM (SELECT event_id FROM webhook_deliveries WHERE endpoint_id = ANY($1)
                 GROUP BY event_id HAVING count(*) <> $2) AS miscounted`,
          [endpoints, endpoints.length],
        ),
      ).toBe(0);
      expect(
        await count('FROM webhook_deliveries WHERE endpoint_id = ANY($1)', [
          endpoints,
        ]),
      ).toBe(EVENTS * endpoints.length);
      vi.restoreAllMocks();
      await db.query('DELETE FROM webhook_endpoints WHERE id = ANY($1)', [
        endpoints,
      ]);
    });

    it('retention deletes old handed-on events, keeps queued and recent ones', async () => {
      await db.query('DELETE FROM media_events');
      await insertEvents(3_000, { queued: false, daysAgo: 40 });
      await insertEvents(5, { queued: true, daysAgo: 40 });
      await insertEvents(100, { queued: false });

      const pass = await t.app.get(RetentionService).prune();

      expect(pass.events).toBe(3_000);
      expect(await count('FROM media_event_queue')).toBe(5);
      expect(await count('FROM media_events')).toBe(105);
      await db.query('DELETE FROM media_events');
    });

    it('a retention pass cut short by its budget says work is left, and the passes after it go on', async () => {
      await db.query('DELETE FROM media_events');
      await insertEvents(2_500, { queued: false, daysAgo: 40 });
      const retention = t.app.get(RetentionService);
      // A budget of nothing: one DELETE of 1,000 per table per pass.
      const deleted: number[] = [];
      const prune = async () =>
        deleted.push((await retention.prune(new Date(), 0)).events);

      // The periodic task follows a pass with work left by the next one a moment later.
      expect(await runPass(prune)).toBe(true);
      expect(await runPass(prune)).toBe(true);
      expect(await runPass(prune)).toBe(false);
      expect(deleted).toEqual([1_000, 1_000, 500]);
      expect(await count('FROM media_events')).toBe(0);
    });
  });

  describe('deleting an endpoint with a long history', () => {
    const HISTORY = 30_000;

    it('answers at once, the endpoint is gone for the client and the relay, and a pass removes the rest in batches', async () => {
      const api = t.client(owner.apiKey);
      await insertEvents(HISTORY, { queued: false });
      const id = await insertEndpoint();
      await insertHistory(id, HISTORY);
      await db.query(
        `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = now()
         WHERE id = (SELECT min(id) FROM webhook_deliveries WHERE endpoint_id = $1)`,
        [id],
      );
      const [{ id: pendingId }] = (await db.query(
        `SELECT min(id)::int AS id FROM webhook_deliveries WHERE endpoint_id = $1`,
        [id],
      )) as [{ id: number }];

      const started = performance.now();
      const deleted = await api.DELETE('/v1/webhooks/{id}', {
        params: { path: { id } },
      });
      const elapsedMs = performance.now() - started;

      expect(deleted.response.status).toBe(200);
      expect(deleted.data).toEqual({ success: true });
      // One row's update: no work in proportion to the 30,000 deliveries and attempts.
      expect(elapsedMs).toBeLessThan(500);
      expect(
        (await api.GET('/v1/webhooks/{id}', { params: { path: { id } } }))
          .response.status,
      ).toBe(404);
      expect(
        (
          await api.GET('/v1/webhooks/{id}/deliveries', {
            params: { path: { id } },
          })
        ).response.status,
      ).toBe(404);
      expect(
        (await api.GET('/v1/webhooks')).data!.data.map(
          (endpoint) => endpoint.id,
        ),
      ).not.toContain(id);
      expect(
        (
          await api.DELETE('/v1/webhooks/{id}', {
            params: { path: { id } },
          })
        ).response.status,
      ).toBe(404);

      // Nothing more reaches it: a new event gets no delivery, a pending one is not attempted.
      await insertEvents(1, { queued: true });
      await t.app.get(WebhookRelay).relayPending();
      expect(
        await count('FROM webhook_deliveries WHERE endpoint_id = $1', [id]),
      ).toBe(HISTORY);
      expect(
        await t.app
          .get(WebhookDeliveryService)
          .attempt({ deliveryId: pendingId, attempt: 1 }),
      ).toEqual({ summary: 'delivery gone with its endpoint or its item' });
      expect(
        await count('FROM webhook_attempts WHERE endpoint_id = $1', [id]),
      ).toBe(HISTORY);

      const repository = t.app.get(WebhookRepository);
      const batches = vi.spyOn(repository, 'deleteDeliveriesOf');
      const pass = await t.app.get(WebhookEndpointPurge).purgeDeleted();

      expect(pass).toEqual({ endpoints: 1, deliveries: HISTORY });
      // 2,000 deliveries a statement, each batch after the last one's highest id.
      expect(batches).toHaveBeenCalledTimes(Math.ceil((HISTORY + 1) / 2_000));
      const cursors = batches.mock.calls.map(([, afterId]) => afterId);
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
      expect(new Set(cursors).size).toBe(cursors.length);
      for (const [, , limit] of batches.mock.calls) {
        expect(limit).toBe(2_000);
      }
      expect(
        await count('FROM webhook_deliveries WHERE endpoint_id = $1', [id]),
      ).toBe(0);
      expect(
        await count('FROM webhook_attempts WHERE endpoint_id = $1', [id]),
      ).toBe(0);
      expect(await count('FROM webhook_endpoints WHERE id = $1', [id])).toBe(0);
      expect(await t.app.get(WebhookEndpointPurge).purgeDeleted()).toEqual({
        endpoints: 0,
        deliveries: 0,
      });
      vi.restoreAllMocks();
    });
  });
});

import pg from 'pg';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../src/infra/database/unit-of-work.js';
import { LOCKS } from '../src/infra/registry.js';
import { MediaEventRepository } from '../src/modules/media/media-event.repository.js';
import { RetentionService } from '../src/modules/retention/retention.service.js';
import { WebhookRepository } from '../src/modules/webhooks/webhook.repository.js';
import { isolatedDatabase } from './support/database.js';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
import { fixture, SAMPLE_PDF } from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const TOKEN = 'ya29.erasure-test-token-0123456789';
const DAY_MS = 86_400_000;

describe('erasure and retention', () => {
  // A test below holds the relay's lock: only this file's app may wait for it.
  const database = isolatedDatabase('erasure');
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let receiver: FileHost;
  let db: DataSource;

  beforeAll(async () => {
    host = await startFileHost({
      '/image.png': serve(await fixture('png-alpha.png'), 'image/png'),
      '/report.pdf': serve(SAMPLE_PDF, 'application/pdf', { bearer: TOKEN }),
    });
    // A receiver that always fails: every delivery stays pending with retries scheduled.
    receiver = await startFileHost({
      '/hook': (_request, response) => {
        response.writeHead(500).end();
      },
    });
    t = await startTestApp({
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      WEBHOOK_RETRY_DELAYS_SECONDS: '3600,3600',
      DATABASE_URL: database.url,
    });
    db = t.app.get(DataSource);
    ws = await t.createWorkspace();
    const subscribed = await api('POST', '/v1/webhooks', {
      url: `${receiver.baseUrl}/hook`,
      events: ['media.uploaded'],
    });
    expect(subscribed.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
    await receiver?.close();
    await database.drop();
  });

  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, any>,
    };
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n ${sql}`, params);
    return n;
  }

  /** Polls until `check` holds; the suite's timeout is the bound. */
  async function until(check: () => Promise<boolean>): Promise<void> {
    while (!(await check())) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A distinct query per request: the same body twice would replay the first answer. */
  let requests = 0;

  /** A READY item uploaded from a URL whose media.uploaded delivery has been attempted (and failed). */
  async function itemWithFailedDelivery(): Promise<string> {
    const created = await api('POST', '/v1/media', {
      url: `${host.baseUrl}/image.png?n=${++requests}`,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await until(
      async () =>
        (await count(
          `FROM webhook_attempts a JOIN media_events e ON e.id = a.event_id WHERE e.media_id = $1`,
          [id],
        )) > 0,
    );
    return id;
  }

  async function importedItem(): Promise<{ mediaId: string; jobId: string }> {
    const started = await api('POST', '/v1/media/import-from-url', {
      downloadUrl: `${host.baseUrl}/report.pdf?n=${++requests}`,
      filename: 'report.pdf',
      mimeType: 'application/pdf',
      accessToken: TOKEN,
    });
    expect(started.status).toBe(202);
    const { mediaId, jobId } = started.body as {
      mediaId: string;
      jobId: string;
    };
    await until(
      async () =>
        (await api('GET', `/v1/media/import/${jobId}/status`)).body.status ===
        'complete',
    );
    return { mediaId, jobId };
  }

  describe('DELETE /v1/media/{id}', () => {
    it('removes the events kept about the item, their deliveries and attempts, and stops the retries', async () => {
      const id = await itemWithFailedDelivery();
      const eventIds = (
        (await db.query(`SELECT id FROM media_events WHERE media_id = $1`, [
          id,
        ])) as Array<{ id: string }>
      ).map((row) => row.id);
      expect(eventIds.length).toBeGreaterThan(0);
      expect(
        await count(
          `FROM webhook_deliveries WHERE event_id = ANY($1) AND state = 'pending'`,
          [eventIds],
        ),
      ).toBe(1);

      expect((await api('DELETE', `/v1/media/${id}`)).status).toBe(200);

      expect(await count(`FROM media_events WHERE media_id = $1`, [id])).toBe(
        0,
      );
      expect(
        await count(`FROM webhook_deliveries WHERE event_id = ANY($1)`, [
          eventIds,
        ]),
      ).toBe(0);
      expect(
        await count(`FROM webhook_attempts WHERE event_id = ANY($1)`, [
          eventIds,
        ]),
      ).toBe(0);
      const stored = JSON.stringify(
        await db.query(`SELECT data FROM media_events`),
      );
      expect(stored).not.toContain(id);
    });

    it('removes the import job of an imported item: its status is then 404', async () => {
      const { mediaId, jobId } = await importedItem();
      expect(await count(`FROM import_jobs WHERE id = $1`, [jobId])).toBe(1);

      expect((await api('DELETE', `/v1/media/${mediaId}`)).status).toBe(200);

      expect(await count(`FROM import_jobs WHERE id = $1`, [jobId])).toBe(0);
      expect(
        (await api('GET', `/v1/media/import/${jobId}/status`)).status,
      ).toBe(404);
    });

    it("succeeds while a relay is handing on the item's events, and erases the deliveries it made", async () => {
      // This test is the relay: the app's own relays skip their passes while it holds their lock.
      const relayLock = new pg.Client({ connectionString: database.url });
      await relayLock.connect();
      try {
        await relayLock.query('SELECT pg_advisory_lock($1)', [
          LOCKS.webhookRelay,
        ]);
        const created = await api('POST', '/v1/media', {
          url: `${host.baseUrl}/image.png?n=${++requests}`,
        });
        expect(created.status).toBe(201);
        const id = created.body.id as string;
        await until(
          async () =>
            (await count(
              `FROM media_event_queue queued JOIN media_events event ON event.seq = queued.seq WHERE event.media_id = $1`,
              [id],
            )) > 0,
        );

        // The relay's unit of work: claim the queued events, then create their deliveries, with
        // the DELETE arriving in between and waiting for the claim to commit.
        let deleting: ReturnType<typeof api> | undefined;
        const relayed = await t.app.get(UnitOfWork).run(async (tx) => {
          const claimed = await t.app
            .get(MediaEventRepository)
            .claimUndispatched(100, tx);
          deleting = api('DELETE', `/v1/media/${id}`);
          await until(
            async () =>
              (await count(
                `FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'transactionid'`,
                [],
              )) > 0,
          );
          return t.app.get(WebhookRepository).createDeliveries(claimed, tx);
        });
        expect(relayed.length).toBeGreaterThan(0);

        const deleted = await deleting!;
        expect(deleted).toMatchObject({ status: 200 });
        expect(await count(`FROM media_events WHERE media_id = $1`, [id])).toBe(
          0,
        );
        expect(
          await count(`FROM webhook_deliveries WHERE id = ANY($1)`, [
            relayed.map((delivery) => delivery.id),
          ]),
        ).toBe(0);
        expect((await api('GET', `/v1/media/${id}`)).status).toBe(404);
      } finally {
        await relayLock.end();
      }
    });
  });

  describe('retention pass', () => {
    it('deletes dispatched events, their deliveries and attempts, and finished imports older than RETENTION_DAYS; keeps the rest and every item', async () => {
      const [old, recent, oldImport, recentImport] = await Promise.all([
        itemWithFailedDelivery(),
        itemWithFailedDelivery(),
        importedItem(),
        importedItem(),
      ]);
      await until(
        async () =>
          (await count(
            `FROM media_event_queue queued JOIN media_events event ON event.seq = queued.seq WHERE event.media_id = ANY($1)`,
            [[old, recent, oldImport.mediaId, recentImport.mediaId]],
          )) === 0,
      );
      const longAgo = new Date(Date.now() - 31 * DAY_MS);
      await db.query(
        `UPDATE media_events SET created_at = $2 WHERE media_id = ANY($1)`,
        [[old, oldImport.mediaId], longAgo],
      );
      await db.query(`UPDATE import_jobs SET updated_at = $2 WHERE id = $1`, [
        oldImport.jobId,
        longAgo,
      ]);

      const pass = await t.app.get(RetentionService).prune();

      expect(pass.events).toBeGreaterThanOrEqual(2);
      expect(pass.importJobs).toBeGreaterThanOrEqual(1);
      for (const id of [old, oldImport.mediaId]) {
        expect(await count(`FROM media_events WHERE media_id = $1`, [id])).toBe(
          0,
        );
      }
      expect(
        await count(
          `FROM webhook_attempts a WHERE NOT EXISTS (SELECT 1 FROM media_events e WHERE e.id = a.event_id)`,
          [],
        ),
      ).toBe(0);
      expect(
        await count(`FROM media_events WHERE media_id = $1`, [recent]),
      ).toBeGreaterThan(0);
      expect(
        await count(`FROM import_jobs WHERE id = $1`, [oldImport.jobId]),
      ).toBe(0);
      expect(
        await count(`FROM import_jobs WHERE id = $1`, [recentImport.jobId]),
      ).toBe(1);
      for (const id of [old, recent, oldImport.mediaId]) {
        expect((await api('GET', `/v1/media/${id}`)).body.status).toBe('READY');
      }
    }, 120_000);
  });
});

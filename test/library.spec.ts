import { DataSource } from 'typeorm';
import { putBytes, SAMPLE_PDF, waitForStatus } from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

describe('media library: listing, tenant isolation, subscription and scopes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function createPending(ws: TestWorkspace, filename = 'doc.pdf') {
    const { data } = await t.client(ws.apiKey).POST('/v1/media/upload', {
      body: {
        filename,
        contentType: 'application/pdf',
        sizeBytes: SAMPLE_PDF.length,
      },
    });
    return data!;
  }

  it('pages 45 items 20 at a time, each exactly once, newest first, even with inserts while paging', async () => {
    const ws = await t.createWorkspace();
    const created: string[] = [];
    for (let i = 0; i < 45; i += 1) {
      created.push((await createPending(ws, `item-${i}.pdf`)).mediaId);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data, response } = await t
        .client(ws.apiKey)
        .GET('/v1/media', { params: { query: { limit: 20, cursor } } });
      expect(response.status).toBe(200);
      seen.push(...data!.data.map((item) => item.id));
      cursor = data!.nextCursor ?? undefined;
      expect(data!.hasMore).toBe(cursor !== undefined);
      pages += 1;
      if (pages === 1) {
        await createPending(ws, 'added-while-paging.pdf');
      }
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });

  it('issues opaque cursors that only work in their own workspace', async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    for (let i = 0; i < 3; i += 1) {
      await createPending(a, `a-${i}.pdf`);
      await createPending(b, `b-${i}.pdf`);
    }
    const first = await t
      .client(a.apiKey)
      .GET('/v1/media', { params: { query: { limit: 1 } } });
    const cursor = first.data!.nextCursor!;
    const [{ seq }] = await t.app
      .get(DataSource)
      .query('SELECT seq FROM media WHERE id = $1', [first.data!.data[0].id]);
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(
      String(seq),
    );
    const next = await t
      .client(a.apiKey)
      .GET('/v1/media', { params: { query: { limit: 1, cursor } } });
    expect(next.response.status).toBe(200);
    const elsewhere = await t
      .client(b.apiKey)
      .GET('/v1/media', { params: { query: { limit: 1, cursor } } });
    expect(elsewhere.response.status).toBe(400);
    expect(elsewhere.error).toMatchObject({
      code: 'validation_error',
      errors: [{ field: 'cursor' }],
    });
  });

  it('filters by status and validates list parameters', async () => {
    const ws = await t.createWorkspace();
    const pending = await createPending(ws);
    const done = await createPending(ws);
    await putBytes(done.uploadUrl, done.uploadHeaders, SAMPLE_PDF);
    await waitForStatus(t.client(ws.apiKey), done.mediaId);

    const ready = await t
      .client(ws.apiKey)
      .GET('/v1/media', { params: { query: { status: 'ready' } } });
    expect(ready.data!.data.map((m) => m.id)).toEqual([done.mediaId]);
    const pendingOnly = await t
      .client(ws.apiKey)
      .GET('/v1/media', { params: { query: { status: 'pending' } } });
    expect(pendingOnly.data!.data.map((m) => m.id)).toEqual([pending.mediaId]);
    const all = await t
      .client(ws.apiKey)
      .GET('/v1/media', { params: { query: { status: 'all' } } });
    expect(all.data!.data).toHaveLength(2);
    // Items show their status in capitals; the filter takes it as shown, or in any case.
    for (const status of ['READY', 'Ready'] as const) {
      const { data, response } = await t
        .client(ws.apiKey)
        .GET('/v1/media', { params: { query: { status: status as 'READY' } } });
      expect(response.status, status).toBe(200);
      expect(data!.data.map((m) => m.id)).toEqual([done.mediaId]);
      expect(data!.data[0].status).toBe('READY');
    }

    for (const query of [
      { limit: 0 },
      { limit: 101 },
      { status: 'done' },
      { cursor: 'not-a-cursor' },
    ]) {
      const { error, response } = await t
        .client(ws.apiKey)
        .GET('/v1/media', { params: { query: query as never } });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(error?.code).toBe('validation_error');
    }
  });

  it("answers 404 on every route for another workspace's item, changes nothing and never lists it", async () => {
    const a = await t.createWorkspace();
    const b = await t.createWorkspace();
    const item = await createPending(a);
    const id = item.mediaId;
    const asB = t.client(b.apiKey);
    const responses = [
      await asB.GET('/v1/media/{id}', { params: { path: { id } } }),
      await asB.DELETE('/v1/media/{id}', { params: { path: { id } } }),
      await asB.POST('/v1/media/{id}/refresh-presign', {
        params: { path: { id } },
      }),
      await asB.POST('/v1/media/{id}/confirm', { params: { path: { id } } }),
    ];
    for (const { response, error } of responses) {
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ code: 'not_found' });
      expect(JSON.stringify(error)).not.toContain(a.workspace.id);
    }
    expect((await asB.GET('/v1/media')).data!.data).toEqual([]);
    const rows = await t.app
      .get(DataSource)
      .query('SELECT status, upload_expires_at FROM media WHERE id = $1', [id]);
    expect(rows[0].status).toBe('PENDING');
    expect(new Date(rows[0].upload_expires_at).toISOString()).toBe(
      item.expiresAt,
    );
  });

  it.each(['past_due', 'canceled', 'none'] as const)(
    'refuses a %s workspace with 403 forbidden',
    async (subscription) => {
      const ws = await t.createWorkspace({ subscription });
      const { error, response } = await t.client(ws.apiKey).GET('/v1/media');
      expect(response.status).toBe(403);
      expect(error).toMatchObject({ code: 'forbidden' });
      expect(error!.message).toContain(subscription);
      expect(
        (await t.client(ws.apiKey).GET('/v1/workspace')).response.status,
      ).toBe(200);
    },
  );

  it('accepts a trialing workspace', async () => {
    const ws = await t.createWorkspace({ subscription: 'trialing' });
    expect((await t.client(ws.apiKey).GET('/v1/media')).response.status).toBe(
      200,
    );
  });

  it('refuses a key without the route scope with 403 insufficient_scope', async () => {
    const readOnly = await t.createWorkspace({ scopes: ['media:read'] });
    expect(
      (await t.client(readOnly.apiKey).GET('/v1/media')).response.status,
    ).toBe(200);
    const { error, response } = await t
      .client(readOnly.apiKey)
      .POST('/v1/media/upload', {
        body: {
          filename: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 10,
        },
      });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({
      code: 'insufficient_scope',
      message: 'The API key lacks the scope media:write',
    });
    const writeOnly = await t.createWorkspace({ scopes: ['webhooks:read'] });
    expect(
      (await t.client(writeOnly.apiKey).GET('/v1/media')).error,
    ).toMatchObject({ code: 'insufficient_scope' });
  });
});

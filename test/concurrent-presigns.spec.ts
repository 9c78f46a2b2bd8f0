import { DataSource } from 'typeorm';
import type { Media } from '../src/modules/media/media.entity.js';
import { MediaRepository } from '../src/modules/media/media.repository.js';
import { MediaService } from '../src/modules/media/media.service.js';
import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const byText = (a: string, b: string) => a.localeCompare(b);

/**
 * Concurrent presigns share INSERT statements (MediaRepository's WriteCoalescer). Each request must
 * still get its own item, in its own workspace, written before it is answered, and one request's
 * bad row must not fail the others it shared a statement with.
 */
describe('concurrent presigns', () => {
  let t: TestApp;
  let first: TestWorkspace;
  let second: TestWorkspace;
  let rows: (ids: string[]) => Promise<Array<Record<string, unknown>>>;

  beforeAll(async () => {
    t = await startTestApp();
    first = await t.createWorkspace();
    second = await t.createWorkspace();
    const db = t.app.get(DataSource);
    rows = (ids) =>
      db.query(
        'SELECT id, workspace_id, filename, status, seq, created_at FROM media WHERE id = ANY($1)',
        [ids],
      );
  });
  afterAll(() => t.close());

  it('gives every request its own item in its own workspace, uploadable at once', async () => {
    const pdf = await fixture('document.pdf');
    const requests = Array.from({ length: 40 }, (_, index) => {
      const ws = index % 2 === 0 ? first : second;
      const filename = `concurrent-${index}.pdf`;
      return requestUpload(
        t.client(ws.apiKey),
        filename,
        'application/pdf',
        pdf,
      ).then((upload) => ({ ws, filename, upload }));
    });
    const bulk = Array.from({ length: 4 }, (_, index) =>
      t
        .client(first.apiKey)
        .POST('/v1/media/bulk-presign', {
          body: {
            files: Array.from({ length: 3 }, (_, file) => ({
              filename: `bulk-${index}-${file}.mp4`,
              contentType: 'video/mp4' as const,
              size: 1000,
            })),
          },
        })
        .then(({ data, response }) => {
          expect(response.status).toBe(201);
          return data!;
        }),
    );
    const [uploads, batches] = await Promise.all([
      Promise.all(requests),
      Promise.all(bulk),
    ]);

    const stored = new Map(
      (await rows(uploads.map(({ upload }) => upload.mediaId))).map((row) => [
        row.id,
        row,
      ]),
    );
    expect(stored.size).toBe(40);
    for (const { ws, filename, upload } of uploads) {
      expect(stored.get(upload.mediaId)).toMatchObject({
        workspace_id: ws.workspace.id,
        filename,
        status: 'PENDING',
      });
    }
    for (const [index, batch] of batches.entries()) {
      const items = await rows(batch.uploads.map((item) => item.mediaId));
      expect(items.map((row) => row.filename as string).sort(byText)).toEqual([
        `bulk-${index}-0.mp4`,
        `bulk-${index}-1.mp4`,
        `bulk-${index}-2.mp4`,
      ]);
      expect(new Set(items.map((row) => row.workspace_id))).toEqual(
        new Set([first.workspace.id]),
      );
    }

    for (const { ws, upload } of [uploads[0], uploads[1], uploads[39]]) {
      const put = await putBytes(upload.uploadUrl, upload.uploadHeaders, pdf);
      expect(put.status).toBe(200);
      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready.status).toBe('READY');
    }
    const { response } = await t.client(second.apiKey).GET('/v1/media/{id}', {
      params: { path: { id: uploads[0].upload.mediaId } },
    });
    expect(response.status).toBe(404);
  });

  describe('MediaRepository.insertAll', () => {
    let library: MediaService;
    let media: MediaRepository;
    const pending = (ws: TestWorkspace, filename: string): Media =>
      library.newPendingUpload(ws.workspace.id, {
        filename,
        contentType: 'application/pdf',
        sizeBytes: 10,
        maxSizeBytes: 10,
        channel: 'single',
      })!;

    beforeAll(() => {
      library = t.app.get(MediaService);
      media = t.app.get(MediaRepository);
    });

    it('writes what arrives while inserts run in one statement, each item with its own sequence number', async () => {
      const items = Array.from({ length: 30 }, (_, index) =>
        pending(index % 2 === 0 ? first : second, `together-${index}.pdf`),
      );
      await Promise.all(items.map((item) => media.insertAll([item])));
      const stored = await rows(items.map((item) => item.id));
      expect(stored).toHaveLength(30);
      const byId = new Map(stored.map((row) => [row.id, row]));
      for (const item of items) {
        expect(Number(byId.get(item.id)!.seq)).toBe(item.seq);
        expect(byId.get(item.id)!.filename).toBe(item.filename);
      }
      // One statement, one transaction: its rows share now(). Two inserts start at once, the
      // other 28 queue behind them and leave together.
      const statements = new Set(
        stored.map((row) => (row.created_at as Date).toISOString()),
      );
      expect(statements.size).toBeLessThanOrEqual(3);
    });

    it('fails only the request whose row is refused when they shared a statement', async () => {
      const existing = pending(first, 'existing.pdf');
      await media.insertAll([existing]);
      const items = Array.from({ length: 12 }, (_, index) =>
        pending(second, `shared-${index}.pdf`),
      );
      const duplicate = pending(second, 'duplicate.pdf');
      duplicate.id = existing.id;
      const submissions = items.map((item, index) =>
        media.insertAll([index === 6 ? duplicate : item]),
      );
      const outcomes = await Promise.allSettled(submissions);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(
        items.map((_, index) => (index === 6 ? 'rejected' : 'fulfilled')),
      );
      expect((outcomes[6] as PromiseRejectedResult).reason).toMatchObject({
        code: '23505',
      });
      const stored = await rows(items.map((item) => item.id));
      expect(stored.map((row) => row.id as string).sort(byText)).toEqual(
        items
          .filter((_, index) => index !== 6)
          .map((item) => item.id)
          .sort(byText),
      );
      expect(await rows([existing.id])).toMatchObject([
        { filename: 'existing.pdf', workspace_id: first.workspace.id },
      ]);
    });
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalStorageDriver } from './local-storage.driver.js';
import {
  SignedUploadReceiver,
  type SignedUploadRequest,
} from '../signed-upload-receiver.js';
import {
  UploadAbortedError,
  UploadRejectedError,
  type UploadRejectionReason,
} from '../upload-errors.js';
import {
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
} from '../storage.port.js';

const BASE_URL = 'http://localhost:3000';
const SECRET = 'local-driver-test-secret-0123456789abcdef';
const KEY = 'ws_1/media_1/Quarterly report.pdf';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(5000, 7),
  Buffer.from('\n%%EOF\n'),
]);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function sha256Etag(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex')}"`;
}

/** A byte stream that records how many chunks were pulled from it. */
function countingStream(
  chunkCount: number,
  chunkSize: number,
): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    highWaterMark: chunkSize,
    read() {
      pulled += 1;
      this.push(
        pulled <= chunkCount ? Buffer.alloc(chunkSize, pulled % 256) : null,
      );
    },
  });
  return { stream, pulled: () => pulled };
}

describe('LocalStorageDriver', () => {
  let rootDir: string;
  let storage: LocalStorageDriver;
  let receiver: SignedUploadReceiver;

  beforeEach(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'local-storage-spec-'));
    storage = new LocalStorageDriver({
      rootDir,
      publicBaseUrl: `${BASE_URL}/`,
      signingSecret: SECRET,
    });
    receiver = new SignedUploadReceiver(storage.uploadStaging, SECRET);
  });
  afterEach(() => rm(rootDir, { recursive: true, force: true }));

  async function presign(contentLength = PDF.length, expiresInSeconds = 900) {
    const upload = await storage.presignUpload({
      key: KEY,
      contentType: 'application/pdf',
      contentLength,
      expiresInSeconds,
    });
    const url = new URL(upload.url);
    return {
      upload,
      query: Object.fromEntries(url.searchParams) as Record<string, unknown>,
    };
  }

  /** Receives a PUT and lets it land, as the upload route does for a PENDING item. */
  async function accept(
    overrides: Partial<SignedUploadRequest> &
      Pick<SignedUploadRequest, 'query'>,
  ) {
    const received = await receiver.receive({
      key: KEY,
      contentTypeHeader: 'application/pdf',
      contentLengthHeader: String(PDF.length),
      body: Readable.from([PDF.subarray(0, 1000), PDF.subarray(1000)]),
      ...overrides,
    });
    return received.commit();
  }

  async function expectRejected(
    upload: Promise<unknown>,
    reason: UploadRejectionReason,
  ): Promise<void> {
    const error = await upload.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect((error as UploadRejectedError).reason).toBe(reason);
    expect((error as UploadRejectedError).message.length).toBeGreaterThan(10);
    await expectNothingStored();
  }

  async function expectNothingStored(): Promise<void> {
    expect(await filesUnder(rootDir)).toEqual([]);
    expect(await storage.head(KEY)).toBeNull();
  }

  describe('presignUpload', () => {
    it('signs a URL under /uploads with the terms in the query and the key encoded per segment', async () => {
      const before = Date.now();
      const { upload, query } = await presign();
      expect(upload.method).toBe('PUT');
      expect(upload.headers).toEqual({ 'Content-Type': 'application/pdf' });
      expect(
        upload.url.startsWith(
          `${BASE_URL}/uploads/ws_1/media_1/Quarterly%20report.pdf?`,
        ),
      ).toBe(true);
      expect(query).toMatchObject({
        contentType: 'application/pdf',
        contentLength: String(PDF.length),
      });
      expect(query.signature).toMatch(/^[0-9a-f]{64}$/);
      expect(Number(query.expires) * 1000).toBe(upload.expiresAt.getTime());
      expect(upload.expiresAt.getTime()).toBeGreaterThan(before + 899_000);
      expect(upload.expiresAt.getTime()).toBeLessThanOrEqual(before + 900_000);
    });

    it('refuses nonsensical lengths and lifetimes', async () => {
      const input = {
        key: KEY,
        contentType: 'application/pdf',
        contentLength: 10,
        expiresInSeconds: 900,
      };
      await expect(
        storage.presignUpload({ ...input, contentLength: -1 }),
      ).rejects.toThrow(RangeError);
      await expect(
        storage.presignUpload({ ...input, contentLength: 1.5 }),
      ).rejects.toThrow(RangeError);
      await expect(
        storage.presignUpload({
          key: KEY,
          contentType: 'video/mp4',
          maxContentLength: -5,
          expiresInSeconds: 60,
        }),
      ).rejects.toThrow(RangeError);
      await expect(
        storage.presignUpload({ ...input, expiresInSeconds: 0 }),
      ).rejects.toThrow(RangeError);
      await expect(
        storage.presignUpload({ ...input, expiresInSeconds: 8 * 86_400 }),
      ).rejects.toThrow(RangeError);
    });

    it('needs a signing secret of at least 32 characters', () => {
      expect(
        () =>
          new LocalStorageDriver({
            rootDir,
            publicBaseUrl: BASE_URL,
            signingSecret: 'short',
          }),
      ).toThrow(/32 characters/);
    });
  });

  describe('signed uploads', () => {
    it('stores exactly the signed bytes, which head, reads and ranges return', async () => {
      const { query } = await presign();
      const stored = await accept({ query });
      expect(stored).toMatchObject({
        key: KEY,
        sizeBytes: PDF.length,
        contentType: 'application/pdf',
        etag: sha256Etag(PDF),
      });
      expect(stored.lastModified).toBeInstanceOf(Date);
      expect(await storage.head(KEY)).toEqual(stored);
      expect(
        (await readAll(await storage.openReadStream(KEY))).equals(PDF),
      ).toBe(true);
      expect(
        (
          await readAll(await storage.openReadStream(KEY, { start: 0, end: 3 }))
        ).toString(),
      ).toBe('%PDF');
      expect(
        (
          await readAll(
            await storage.openReadStream(KEY, { start: PDF.length - 6 }),
          )
        ).toString(),
      ).toBe('%%EOF\n');
      expect(await readFile(join(rootDir, KEY))).toEqual(PDF);
      expect(await storage.probeLocation(KEY)).toBe(join(rootDir, KEY));
      expect(storage.publicUrl(KEY)).toBe(
        `${BASE_URL}/files/ws_1/media_1/Quarterly%20report.pdf`,
      );
      // Only the object and its metadata remain: no temp files.
      expect((await filesUnder(rootDir)).sort()).toEqual(
        [join(rootDir, '.meta', KEY), join(rootDir, KEY)].sort(),
      );
    });

    it('matches the media type case-insensitively, ignores parameters, and stores the signed type', async () => {
      const { query } = await presign();
      const stored = await accept({
        query,
        contentTypeHeader: 'Application/PDF; charset=binary',
      });
      expect(stored.contentType).toBe('application/pdf');
    });

    it('accepts a body without a Content-Length header (chunked) when it has the signed length', async () => {
      const { query } = await presign();
      const stored = await accept({ query, contentLengthHeader: undefined });
      expect(stored.sizeBytes).toBe(PDF.length);
    });

    it('accepts an empty object when zero bytes were signed', async () => {
      const { query } = await presign(0);
      const stored = await accept({
        query,
        contentLengthHeader: '0',
        body: Readable.from([]),
      });
      expect(stored).toMatchObject({
        sizeBytes: 0,
        etag: sha256Etag(Buffer.alloc(0)),
      });
    });

    it('rejects another content type', async () => {
      const { query } = await presign();
      await expectRejected(
        accept({ query, contentTypeHeader: 'image/png' }),
        'content_type_mismatch',
      );
      await expectRejected(
        accept({ query, contentTypeHeader: undefined }),
        'content_type_mismatch',
      );
    });

    it('rejects another declared length before reading the body', async () => {
      const { query } = await presign();
      const body = countingStream(10, 1000);
      await expectRejected(
        accept({
          query,
          contentLengthHeader: String(PDF.length + 1),
          body: body.stream,
        }),
        'content_length_mismatch',
      );
      expect(body.pulled()).toBe(0);
    });

    it('rejects a body longer than signed and stops reading at the first excess chunk', async () => {
      const chunkSize = 1024;
      const { query } = await presign(2 * chunkSize);
      const body = countingStream(1000, chunkSize);
      await expectRejected(
        accept({ query, contentLengthHeader: undefined, body: body.stream }),
        'body_too_large',
      );
      expect(body.pulled()).toBeLessThan(10);
      // The caller still owns the request body (so an HTTP layer can answer); it is not destroyed.
      expect(body.stream.destroyed).toBe(false);
      body.stream.destroy();
    });

    it('rejects a body shorter than signed', async () => {
      const { query } = await presign();
      await expectRejected(
        accept({
          query,
          contentLengthHeader: undefined,
          body: Readable.from([PDF.subarray(0, 20)]),
        }),
        'body_too_short',
      );
    });

    it('rejects an expired URL, from the expiry instant on', async () => {
      const { query, upload } = await presign();
      await expectRejected(accept({ query, now: upload.expiresAt }), 'expired');
      const stored = await accept({
        query,
        now: new Date(upload.expiresAt.getTime() - 1),
      });
      expect(stored.sizeBytes).toBe(PDF.length);
    });

    it.each<
      [string, (query: Record<string, unknown>) => Record<string, unknown>]
    >([
      [
        'a changed signature',
        (q) => ({
          ...q,
          signature: String(q.signature).replace(/^./, (c) =>
            c === 'a' ? 'b' : 'a',
          ),
        }),
      ],
      [
        'a raised length',
        (q) => ({ ...q, contentLength: String(PDF.length + 1) }),
      ],
      ['another content type', (q) => ({ ...q, contentType: 'image/png' })],
      [
        'a later expiry',
        (q) => ({ ...q, expires: String(Number(q.expires) + 3600) }),
      ],
      [
        'a missing signature',
        (q) =>
          Object.fromEntries(
            Object.entries(q).filter(([name]) => name !== 'signature'),
          ),
      ],
    ])('rejects %s as an invalid signature', async (_, tamper) => {
      const { query } = await presign();
      const tampered = tamper(query);
      await expectRejected(
        accept({
          query: tampered,
          contentTypeHeader:
            typeof tampered.contentType === 'string'
              ? tampered.contentType
              : 'application/pdf',
        }),
        'invalid_signature',
      );
    });

    it('rejects a signature issued for another key', async () => {
      const { query } = await presign();
      await expectRejected(
        accept({ query, key: 'ws_1/media_2/Quarterly report.pdf' }),
        'invalid_signature',
      );
      await expectRejected(
        accept({ query, key: '../../etc/passwd' }),
        'invalid_signature',
      );
    });

    it('leaves nothing behind when the body fails mid-way', async () => {
      const { query } = await presign();
      const body = new Readable({ read() {} });
      body.push(PDF.subarray(0, 2000));
      setTimeout(() => body.destroy(new Error('client went away')), 10);
      const error = await accept({ query, body }).catch(
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(UploadAbortedError);
      expect((error as UploadAbortedError).cause).toMatchObject({
        message: 'client went away',
      });
      await expectNothingStored();
    });

    it('leaves nothing behind when the body closes prematurely without an error', async () => {
      const { query } = await presign();
      const body = new Readable({ read() {} });
      body.push(PDF.subarray(0, 2000));
      setTimeout(() => body.destroy(), 10);
      await expect(accept({ query, body })).rejects.toBeInstanceOf(
        UploadAbortedError,
      );
      await expectNothingStored();
    });
  });

  describe('signed uploads with a bounded length', () => {
    const MAX = 4096;

    async function presignBounded() {
      const upload = await storage.presignUpload({
        key: KEY,
        contentType: 'video/mp4',
        maxContentLength: MAX,
        expiresInSeconds: 3600,
      });
      const url = new URL(upload.url);
      expect(url.searchParams.get('maxContentLength')).toBe(String(MAX));
      expect(url.searchParams.has('contentLength')).toBe(false);
      return Object.fromEntries(url.searchParams) as Record<string, unknown>;
    }

    function acceptBounded(
      query: Record<string, unknown>,
      bytes: Buffer,
      contentLengthHeader?: string,
    ) {
      return accept({
        query,
        contentTypeHeader: 'video/mp4',
        contentLengthHeader,
        body: Readable.from([bytes]),
      });
    }

    it.each([
      ['with a Content-Length header', '1000'],
      ['without a Content-Length header', undefined],
    ])('stores any length up to the maximum, %s', async (_, header) => {
      const stored = await acceptBounded(
        await presignBounded(),
        Buffer.alloc(1000, 5),
        header,
      );
      expect(stored).toMatchObject({
        sizeBytes: 1000,
        contentType: 'video/mp4',
      });
    });

    it('stores exactly the maximum', async () => {
      const stored = await acceptBounded(
        await presignBounded(),
        Buffer.alloc(MAX, 5),
        String(MAX),
      );
      expect(stored.sizeBytes).toBe(MAX);
    });

    it('rejects a declared length over the maximum before reading', async () => {
      await expectRejected(
        acceptBounded(
          await presignBounded(),
          Buffer.alloc(10),
          String(MAX + 1),
        ),
        'content_length_mismatch',
      );
    });

    it('rejects a body over the maximum', async () => {
      await expectRejected(
        acceptBounded(await presignBounded(), Buffer.alloc(MAX + 1)),
        'body_too_large',
      );
    });

    it('rejects a body longer or shorter than its own Content-Length', async () => {
      const query = await presignBounded();
      await expectRejected(
        acceptBounded(query, Buffer.alloc(200), '100'),
        'body_too_large',
      );
      await expectRejected(
        acceptBounded(query, Buffer.alloc(50), '100'),
        'body_too_short',
      );
    });

    it('cannot be turned into an exact-length URL or given a higher maximum', async () => {
      const query = await presignBounded();
      const { maxContentLength, ...rest } = query;
      await expectRejected(
        acceptBounded(
          { ...rest, contentLength: maxContentLength },
          Buffer.alloc(MAX),
        ),
        'invalid_signature',
      );
      await expectRejected(
        acceptBounded(
          { ...query, maxContentLength: String(MAX * 2) },
          Buffer.alloc(MAX + 1),
        ),
        'invalid_signature',
      );
    });
  });

  describe('staged uploads', () => {
    it('are invisible until committed, and discarding leaves nothing', async () => {
      const { query } = await presign();
      const received = await receiver.receive({
        key: KEY,
        query,
        contentTypeHeader: 'application/pdf',
        body: Readable.from([PDF]),
      });
      expect(received).toMatchObject({
        sizeBytes: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
      });
      expect(await storage.head(KEY)).toBeNull();
      await received.discard();
      await received.discard();
      await expectNothingStored();
    });

    it('refuse a content-encoded body before reading it', async () => {
      const { query } = await presign();
      await expectRejected(
        receiver.receive({
          key: KEY,
          query,
          contentTypeHeader: 'application/pdf',
          contentEncodingHeader: 'gzip',
          body: Readable.from([PDF]),
        }),
        'content_encoding',
      );
    });
  });

  describe('keys', () => {
    const hostileKeys = [
      '',
      '../outside',
      'ws_1/../../outside',
      'ws_1/./file',
      '/etc/passwd',
      'ws_1/',
      'ws_1//file',
      'ws_1\\..\\outside',
      'ws_1/fi\u0000le',
      'ws_1/fi\nle',
      '.meta/ws_1/file',
      '.tmp/file',
      'ws_1/.hidden',
      `ws_1/${'a'.repeat(256)}`,
    ];

    it.each(hostileKeys)('refuses %j everywhere', async (key) => {
      const body = () => Readable.from([Buffer.from('x')]);
      await expect(
        storage.presignUpload({
          key,
          contentType: 'text/plain',
          contentLength: 1,
          expiresInSeconds: 60,
        }),
      ).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(
        storage.write({ key, body: body(), contentType: 'text/plain' }),
      ).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.head(key)).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      await expect(storage.openReadStream(key)).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      await expect(storage.delete(key)).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      await expect(storage.probeLocation(key)).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      expect(() => storage.publicUrl(key)).toThrow(InvalidStorageKeyError);
      expect(await filesUnder(rootDir)).toEqual([]);
    });

    it('accepts ordinary server-chosen keys, including non-ASCII filenames', async () => {
      const key = 'ws_abc/media_def/Übersicht-2024.final.pdf';
      await storage.write({
        key,
        body: Readable.from([Buffer.from('%PDF')]),
        contentType: 'application/pdf',
      });
      expect(await storage.head(key)).toMatchObject({
        sizeBytes: 4,
        contentType: 'application/pdf',
      });
      expect(storage.publicUrl(key)).toBe(
        `${BASE_URL}/files/ws_abc/media_def/%C3%9Cbersicht-2024.final.pdf`,
      );
    });
  });

  describe('write', () => {
    it('replaces an object atomically: readers see the old or the new bytes, never a mix', async () => {
      const first = Buffer.alloc(300_000, 1);
      const second = Buffer.alloc(100_000, 2);
      await storage.write({
        key: KEY,
        body: Readable.from([first]),
        contentType: 'image/png',
      });
      const openedBefore = await storage.openReadStream(KEY);
      const stored = await storage.write({
        key: KEY,
        body: Readable.from([second]),
        contentType: 'image/jpeg',
      });
      expect(stored).toMatchObject({
        sizeBytes: second.length,
        contentType: 'image/jpeg',
        etag: sha256Etag(second),
      });
      expect((await readAll(openedBefore)).equals(first)).toBe(true);
      expect(
        (await readAll(await storage.openReadStream(KEY))).equals(second),
      ).toBe(true);
    });

    it('stores a body of many write batches and background flushes byte for byte', async () => {
      const { stream } = countingStream(640, 64 * 1024);
      const expected = createHash('sha256');
      for (let chunk = 1; chunk <= 640; chunk += 1) {
        expected.update(Buffer.alloc(64 * 1024, chunk % 256));
      }
      const stored = await storage.write({
        key: KEY,
        body: stream,
        contentType: 'video/mp4',
      });
      const onDisk = createHash('sha256')
        .update(await readFile(join(rootDir, KEY)))
        .digest('hex');
      expect(onDisk).toBe(expected.digest('hex'));
      expect(stored).toMatchObject({
        sizeBytes: 640 * 64 * 1024,
        etag: `"${onDisk}"`,
      });
      expect(await readdir(join(rootDir, '.tmp'))).toEqual([]);
    });

    it('keeps the previous object when the new body fails, and leaves no temp file', async () => {
      await storage.write({
        key: KEY,
        body: Readable.from([PDF]),
        contentType: 'application/pdf',
      });
      const failing = new Readable({ read() {} });
      failing.push(Buffer.alloc(1000));
      setTimeout(() => failing.destroy(new Error('source failed')), 10);
      await expect(
        storage.write({ key: KEY, body: failing, contentType: 'image/jpeg' }),
      ).rejects.toThrow('source failed');
      expect(await storage.head(KEY)).toMatchObject({
        sizeBytes: PDF.length,
        contentType: 'application/pdf',
      });
      expect(await readdir(join(rootDir, '.tmp'))).toEqual([]);
    });

    it('keeps metadata consistent under concurrent writes to one key', async () => {
      const bodies = Array.from({ length: 12 }, (_, i) =>
        Buffer.alloc(1000 + i * 517, i),
      );
      await Promise.all(
        bodies.map((bytes, i) =>
          storage.write({
            key: KEY,
            body: Readable.from([bytes]),
            contentType: `image/x-${i}`,
          }),
        ),
      );
      const onDisk = await readFile(join(rootDir, KEY));
      const winner = bodies.findIndex((bytes) => bytes.equals(onDisk));
      expect(winner).toBeGreaterThanOrEqual(0);
      expect(await storage.head(KEY)).toMatchObject({
        contentType: `image/x-${winner}`,
        etag: sha256Etag(onDisk),
      });
    });

    it('does not trust metadata that no longer matches the file', async () => {
      await storage.write({
        key: KEY,
        body: Readable.from([PDF]),
        contentType: 'application/pdf',
      });
      await writeFile(join(rootDir, KEY), 'replaced behind our back');
      expect(await storage.head(KEY)).toMatchObject({
        sizeBytes: 24,
        contentType: null,
        etag: null,
      });
    });
  });

  describe('reads and deletes', () => {
    it('reports a missing key as null / StorageObjectNotFoundError', async () => {
      expect(await storage.head(KEY)).toBeNull();
      await expect(storage.openReadStream(KEY)).rejects.toBeInstanceOf(
        StorageObjectNotFoundError,
      );
      await storage.write({
        key: 'ws_1/file',
        body: Readable.from([Buffer.from('x')]),
        contentType: 'text/plain',
      });
      // A key "below" an object, and a key naming a directory, are simply absent.
      expect(await storage.head('ws_1/file/below')).toBeNull();
      await expect(
        storage.openReadStream('ws_1/file/below'),
      ).rejects.toBeInstanceOf(StorageObjectNotFoundError);
      expect(await storage.head('ws_1')).toBeNull();
      await expect(storage.openReadStream('ws_1')).rejects.toBeInstanceOf(
        StorageObjectNotFoundError,
      );
    });

    it('refuses malformed ranges', async () => {
      await storage.write({
        key: KEY,
        body: Readable.from([PDF]),
        contentType: 'application/pdf',
      });
      await expect(storage.openReadStream(KEY, { start: -1 })).rejects.toThrow(
        RangeError,
      );
      await expect(
        storage.openReadStream(KEY, { start: 5, end: 4 }),
      ).rejects.toThrow(RangeError);
    });

    it('deletes the object and its metadata, prunes empty directories, and is idempotent', async () => {
      await storage.write({
        key: KEY,
        body: Readable.from([PDF]),
        contentType: 'application/pdf',
      });
      const sibling = 'ws_1/media_2/other.pdf';
      await storage.write({
        key: sibling,
        body: Readable.from([PDF]),
        contentType: 'application/pdf',
      });
      await storage.delete(KEY);
      await storage.delete(KEY);
      expect(await storage.head(KEY)).toBeNull();
      await expect(storage.openReadStream(KEY)).rejects.toBeInstanceOf(
        StorageObjectNotFoundError,
      );
      expect((await readdir(join(rootDir, 'ws_1'))).sort()).toEqual([
        'media_2',
      ]);
      expect(await readdir(join(rootDir, '.meta', 'ws_1'))).toEqual([
        'media_2',
      ]);
      await storage.delete(sibling);
      expect((await readdir(rootDir)).sort()).toEqual(['.meta', '.tmp']);
      expect(await filesUnder(rootDir)).toEqual([]);
    });
  });

  describe('checkHealth', () => {
    it('passes on a writable root and leaves nothing behind', async () => {
      await storage.checkHealth();
      expect(await filesUnder(rootDir)).toEqual([]);
    });

    it('fails when the root cannot hold files', async () => {
      const notADirectory = join(rootDir, 'plain-file');
      await writeFile(notADirectory, '');
      const broken = new LocalStorageDriver({
        rootDir: notADirectory,
        publicBaseUrl: BASE_URL,
        signingSecret: SECRET,
      });
      await expect(broken.checkHealth()).rejects.toThrow();
    });
  });
});

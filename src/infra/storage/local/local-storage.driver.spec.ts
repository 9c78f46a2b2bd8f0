import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  countingStream,
  filesUnder,
  readAll,
} from '../../../../test/support/bytes.js';
import {
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
} from '../storage.port.js';
import { LocalStorageDriver } from './local-storage.driver.js';
import { bodyFailingAfter } from '../../../testing/streams.js';

const BASE_URL = 'http://localhost:3000';
const SECRET = 'local-driver-test-secret-0123456789abcdef';
const KEY = 'ws_1/media_1/Quarterly report.pdf';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(5000, 7),
  Buffer.from('\n%%EOF\n'),
]);

function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sha256Etag(bytes: Buffer): string {
  return `"${sha256Hex(bytes)}"`;
}

describe('LocalStorageDriver', () => {
  let rootDir: string;
  let storage: LocalStorageDriver;

  beforeEach(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'local-storage-spec-'));
    storage = new LocalStorageDriver({
      rootDir,
      publicBaseUrl: `${BASE_URL}/`,
      signingSecret: SECRET,
    });
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

  function writePdf(key = KEY) {
    return storage.write({
      key,
      body: Readable.from([PDF]),
      contentType: 'application/pdf',
    });
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
      expect(query.signature).toMatch(/^[A-Za-z0-9_-]{8}\.[0-9a-f]{64}$/);
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
      const failing = bodyFailingAfter(
        Buffer.alloc(1000),
        new Error('source failed'),
      );
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

  describe('multipart uploads', () => {
    const PART_BYTES = 4096;
    const PART_BODIES = [PDF.subarray(0, PART_BYTES), PDF.subarray(PART_BYTES)];

    async function startUpload() {
      const { uploadId, parts } = await storage.presignMultipartUpload({
        key: KEY,
        contentType: 'application/pdf',
        expiresInSeconds: 900,
        length: { kind: 'exact', bytes: PDF.length },
        partSizeBytes: PART_BYTES,
      });
      expect(parts.map((part) => part.sizeBytes)).toEqual([
        PART_BYTES,
        PDF.length - PART_BYTES,
      ]);
      return uploadId;
    }

    async function storeParts(uploadId: string) {
      const stored = [];
      for (const [index, bytes] of PART_BODIES.entries()) {
        const staged = await storage.uploadStaging.stage(
          Readable.from([bytes]),
          { destroyOnFailure: true },
        );
        await storage.uploadStaging.storePart(uploadId, index + 1, staged);
        stored.push({ partNumber: index + 1, etag: `"${staged.sha256}"` });
      }
      return stored;
    }

    it('assembles the stored parts into the object, visible once committed, and drops them', async () => {
      const uploadId = await startUpload();
      const assembled = await storage.assembleMultipartUpload({
        key: KEY,
        uploadId,
        contentType: 'application/pdf',
        partSizeBytes: PART_BYTES,
        parts: await storeParts(uploadId),
      });
      expect(await storage.head(KEY)).toBeNull();
      expect(await assembled.commit()).toMatchObject({
        sizeBytes: PDF.length,
        contentType: 'application/pdf',
        etag: sha256Etag(PDF),
      });
      expect(await readFile(join(rootDir, KEY))).toEqual(PDF);
      expect(await readdir(join(rootDir, '.tmp', 'multipart'))).toEqual([]);
      expect(await filesUnder(join(rootDir, '.tmp'))).toEqual([]);
    });

    it('discards an assembled object without touching the parts, and abort drops them', async () => {
      const uploadId = await startUpload();
      const parts = await storeParts(uploadId);
      const assembled = await storage.assembleMultipartUpload({
        key: KEY,
        uploadId,
        contentType: 'application/pdf',
        partSizeBytes: PART_BYTES,
        parts,
      });
      await assembled.discard();
      expect(await storage.head(KEY)).toBeNull();
      const partsDir = join(rootDir, '.tmp', 'multipart', uploadId);
      expect((await filesUnder(join(rootDir, '.tmp'))).sort()).toEqual([
        join(partsDir, '1'),
        join(partsDir, '2'),
      ]);
      await storage.abortMultipartUpload(KEY, uploadId);
      await storage.abortMultipartUpload(KEY, uploadId);
      expect(await filesUnder(rootDir)).toEqual([]);
    });
  });

  describe('capabilities', () => {
    it('localFile is the object file, read in place', async () => {
      await writePdf();
      expect(storage.localFile(KEY)).toBe(join(rootDir, KEY));
      expect(await readFile(storage.localFile(KEY))).toEqual(PDF);
      expect(() => storage.localFile('ws_1/../outside')).toThrow(
        InvalidStorageKeyError,
      );
    });

    it('recordedSha256 is the hash taken while writing, null where none matches the file', async () => {
      expect(await storage.recordedSha256(KEY)).toBeNull();
      await writePdf();
      expect(await storage.recordedSha256(KEY)).toBe(sha256Hex(PDF));
      await writeFile(join(rootDir, KEY), 'replaced behind our back');
      expect(await storage.recordedSha256(KEY)).toBeNull();
      expect(await storage.sha256(KEY)).toBe(
        sha256Hex('replaced behind our back'),
      );
    });

    it('uploadStaging stages bytes that land only when committed', async () => {
      const staged = await storage.uploadStaging.stage(Readable.from([PDF]), {
        destroyOnFailure: true,
      });
      expect(staged).toMatchObject({
        sizeBytes: PDF.length,
        sha256: sha256Hex(PDF),
      });
      expect(await storage.head(KEY)).toBeNull();
      expect(
        await storage.uploadStaging.commit(KEY, staged, 'application/pdf'),
      ).toMatchObject({ sizeBytes: PDF.length, etag: sha256Etag(PDF) });
      await storage.uploadStaging.discard(staged);
      expect(await readFile(join(rootDir, KEY))).toEqual(PDF);
      expect(await readdir(join(rootDir, '.tmp'))).toEqual([]);
    });

    it('tempFiles sweeps what staging left in its temp directory', async () => {
      const staged = await storage.uploadStaging.stage(Readable.from([PDF]), {
        destroyOnFailure: true,
      });
      const inTwoMinutes = new Date(Date.now() + 120_000);
      expect(await storage.tempFiles.sweep(60_000)).toBe(0);
      expect(await storage.tempFiles.sweep(60_000, inTwoMinutes)).toBe(1);
      expect(await filesUnder(rootDir)).toEqual([]);
      await storage.uploadStaging.discard(staged);
    });
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  countingStream,
  filesUnder,
  readAll,
} from '../../../test/support/bytes.js';
import { LocalStorageDriver } from './local/local-storage.driver.js';
import {
  SignedUploadReceiver,
  type SignedUploadRequest,
} from './signed-upload-receiver.js';
import {
  UploadAbortedError,
  UploadRejectedError,
  type UploadRejectionReason,
} from './upload-errors.js';
import { bodyFailingAfter } from '../../testing/streams.js';

const BASE_URL = 'http://localhost:3000';
const SECRET = 'local-driver-test-secret-0123456789abcdef';
const KEY = 'ws_1/media_1/Quarterly report.pdf';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(5000, 7),
  Buffer.from('\n%%EOF\n'),
]);
const PART_BYTES = 4096;

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sha256Etag(bytes: Buffer): string {
  return `"${sha256Hex(bytes)}"`;
}

function queryOf(url: string): Record<string, unknown> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('SignedUploadReceiver, staging into the local driver', () => {
  let rootDir: string;
  let storage: LocalStorageDriver;
  let receiver: SignedUploadReceiver;

  beforeEach(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'signed-upload-receiver-spec-'));
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
    return { upload, query: queryOf(upload.url) };
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
      const body = bodyFailingAfter(
        PDF.subarray(0, 2000),
        new Error('client went away'),
      );
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
      const body = bodyFailingAfter(PDF.subarray(0, 2000));
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

  describe('part uploads', () => {
    async function presignParts() {
      const { uploadId, parts } = await storage.presignMultipartUpload({
        key: KEY,
        contentType: 'application/pdf',
        expiresInSeconds: 900,
        length: { kind: 'exact', bytes: PDF.length },
        partSizeBytes: PART_BYTES,
      });
      return { uploadId, queries: parts.map((part) => queryOf(part.url)) };
    }

    it('stage a part, checked like a whole-object PUT, and store it for assembly', async () => {
      const { uploadId, queries } = await presignParts();
      const lastPart = PDF.subarray(PART_BYTES);
      await expectRejected(
        receiver.receivePart({
          key: KEY,
          query: queries[1],
          contentTypeHeader: 'application/pdf',
          body: Readable.from([lastPart.subarray(1)]),
        }),
        'body_too_short',
      );
      const received = await receiver.receivePart({
        key: KEY,
        query: queries[1],
        contentTypeHeader: 'application/pdf',
        body: Readable.from([lastPart]),
      });
      expect(received).toMatchObject({
        uploadId,
        partNumber: 2,
        sizeBytes: lastPart.length,
        sha256: sha256Hex(lastPart),
      });
      await received.store();
      const stored = join(rootDir, '.tmp', 'multipart', uploadId, '2');
      expect(await filesUnder(rootDir)).toEqual([stored]);
      expect(await readFile(stored)).toEqual(lastPart);
      expect(await storage.head(KEY)).toBeNull();
    });

    it('are not whole-object uploads, and whole-object URLs are not part URLs', async () => {
      const { queries } = await presignParts();
      await expectRejected(
        receiver.receive({
          key: KEY,
          query: queries[1],
          contentTypeHeader: 'application/pdf',
          body: Readable.from([PDF.subarray(PART_BYTES)]),
        }),
        'invalid_signature',
      );
      const { query } = await presign();
      await expectRejected(
        receiver.receivePart({
          key: KEY,
          query,
          contentTypeHeader: 'application/pdf',
          body: Readable.from([PDF]),
        }),
        'invalid_signature',
      );
    });
  });
});

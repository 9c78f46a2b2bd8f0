import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  startS3rver,
  type RunningS3rver,
} from '../../../test/support/s3rver.js';
import {
  S3StorageDriver,
  type S3StorageDriverOptions,
} from './s3-storage.driver.js';
import {
  InvalidStorageKeyError,
  StorageObjectNotFoundError,
} from './storage.port.js';

const MB = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Yields `bytes` in uneven slices, like a network or file stream would. */
function streamOf(bytes: Buffer, sliceSize = 64 * 1024 + 3): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += sliceSize) {
        yield bytes.subarray(offset, offset + sliceSize);
      }
    })(),
  );
}

describe('S3StorageDriver against s3rver', () => {
  let s3: RunningS3rver;
  let storage: S3StorageDriver;

  function driverOptions(): S3StorageDriverOptions {
    return {
      endpoint: s3.endpoint,
      region: s3.region,
      bucket: s3.bucket,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
      serverSideEncryption: true,
      cacheMaxAgeSeconds: 600,
    };
  }

  beforeAll(async () => {
    s3 = await startS3rver();
    storage = new S3StorageDriver(driverOptions());
  });
  afterAll(async () => {
    storage?.onApplicationShutdown();
    await s3?.stop();
  });

  describe('presignUpload', () => {
    it.each([900, 3600])(
      'signs type, length, host and SSE for %i s, with no checksum parameters',
      async (seconds) => {
        const before = Date.now();
        const upload = await storage.presignUpload({
          key: 'ws_1/media_1/clip one.mp4',
          contentType: 'video/mp4',
          contentLength: 123_456,
          expiresInSeconds: seconds,
        });
        const url = new URL(upload.url);
        expect(url.origin).toBe(s3.endpoint);
        expect(url.pathname).toBe(
          `/${s3.bucket}/staging/ws_1/media_1/clip%20one.mp4`,
        );
        expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
          [
            'content-length',
            'content-type',
            'host',
            'x-amz-server-side-encryption',
          ],
        );
        expect(url.searchParams.get('X-Amz-Expires')).toBe(String(seconds));
        const parameterNames = [...url.searchParams.keys()].map((name) =>
          name.toLowerCase(),
        );
        expect(
          parameterNames.filter((name) => name.startsWith('x-amz-checksum')),
        ).toEqual([]);
        expect(parameterNames).not.toContain('x-amz-sdk-checksum-algorithm');
        // SSE must travel as a (signed) header, not be hoisted into the query.
        expect(parameterNames).not.toContain('x-amz-server-side-encryption');
        expect(upload.method).toBe('PUT');
        expect(upload.headers).toEqual({
          'Content-Type': 'video/mp4',
          'x-amz-server-side-encryption': 'AES256',
        });
        expect(upload.expiresAt.getTime()).toBeGreaterThan(
          before + (seconds - 1) * 1000,
        );
        expect(upload.expiresAt.getTime()).toBeLessThanOrEqual(
          before + seconds * 1000,
        );
      },
    );

    it('without SSE signs no encryption header and asks for none', async () => {
      const plain = new S3StorageDriver({
        ...driverOptions(),
        serverSideEncryption: false,
      });
      try {
        const upload = await plain.presignUpload({
          key: 'ws_1/media_1/a.png',
          contentType: 'image/png',
          contentLength: 10,
          expiresInSeconds: 900,
        });
        expect(
          new URL(upload.url).searchParams.get('X-Amz-SignedHeaders'),
        ).toBe('content-length;content-type;host');
        expect(upload.headers).toEqual({ 'Content-Type': 'image/png' });
      } finally {
        plain.onApplicationShutdown();
      }
    });

    it('with a bounded length leaves content-length unsigned, so any size can be PUT', async () => {
      const key = 'ws_1/media_bounded/clip.mov';
      const upload = await storage.presignUpload({
        key,
        contentType: 'video/quicktime',
        maxContentLength: 10 * MB,
        expiresInSeconds: 3600,
      });
      expect(new URL(upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe(
        'content-type;host;x-amz-server-side-encryption',
      );
      expect(upload.headers).toEqual({
        'Content-Type': 'video/quicktime',
        'x-amz-server-side-encryption': 'AES256',
      });
      const bytes = randomBytes(3000);
      const response = await fetch(upload.url, {
        method: 'PUT',
        headers: upload.headers,
        body: bytes,
      });
      expect(response.status).toBe(200);
      expect(await storage.head(storage.uploadAreaKey(key))).toMatchObject({
        sizeBytes: 3000,
        contentType: 'video/quicktime',
      });
    });

    it('refuses hostile keys and impossible lifetimes', async () => {
      const input = {
        key: 'ws_1/media_1/a.png',
        contentType: 'image/png',
        contentLength: 10,
        expiresInSeconds: 900,
      };
      await expect(
        storage.presignUpload({ ...input, key: '../a.png' }),
      ).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(
        storage.presignUpload({ ...input, expiresInSeconds: 8 * 86_400 }),
      ).rejects.toThrow(RangeError);
    });
  });

  it('a PUT of the returned URL and headers stores the bytes in the private upload area, and s3rver reports ObjectCreated there', async () => {
    const key = 'ws_1/media_put/photo.png';
    const area = storage.uploadAreaKey(key);
    expect(area).toBe(`staging/${key}`);
    expect(storage.keyOfUploadArea(area)).toBe(key);
    expect(storage.keyOfUploadArea(key)).toBeNull();
    const bytes = randomBytes(200_000);
    const upload = await storage.presignUpload({
      key,
      contentType: 'image/png',
      contentLength: bytes.length,
      expiresInSeconds: 900,
    });
    const created = s3.waitForEvent((event) =>
      event.Records.some((record) => record.s3.object.key === area),
    );

    const response = await fetch(upload.url, {
      method: upload.method,
      headers: upload.headers,
      body: bytes,
    });
    expect(response.status).toBe(200);

    const [record] = (await created).Records;
    expect(record.eventName).toBe('ObjectCreated:Put');
    expect(record.s3).toMatchObject({
      bucket: { name: s3.bucket },
      object: { key: area, size: bytes.length },
    });
    expect(await storage.head(key)).toBeNull();
    expect(await storage.head(area)).toMatchObject({
      sizeBytes: bytes.length,
      contentType: 'image/png',
    });
    expect(
      (await readAll(await storage.openReadStream(area))).equals(bytes),
    ).toBe(true);
  });

  /** The object as a CDN in front of the bucket would get it: a plain GET, its headers and bytes. */
  async function fetchObject(key: string) {
    const response = await fetch(await storage.probeLocation(key));
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  it('publish() copies the upload to the item key with the headers /files sends, and removes the upload', async () => {
    const key = 'ws_1/media_publish/Report 2026.pdf';
    const bytes = randomBytes(3000);
    await storage.write({
      key: storage.uploadAreaKey(key),
      body: streamOf(bytes),
      contentType: 'application/octet-stream',
    });
    const published = await storage.publish(
      storage.uploadAreaKey(key),
      key,
      'application/pdf',
    );
    expect(published).toMatchObject({
      key,
      sizeBytes: bytes.length,
      contentType: 'application/pdf',
    });
    expect(await storage.head(storage.uploadAreaKey(key))).toBeNull();
    const served = await fetchObject(key);
    expect(served.bytes.equals(bytes)).toBe(true);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="Report 2026.pdf"; filename*=UTF-8''Report%202026.pdf`,
    );
    expect(served.headers.get('cache-control')).toBe('public, max-age=600');
  });

  it('publish() past the copy limit streams the bytes instead, with the same headers', async () => {
    const small = new S3StorageDriver({
      ...driverOptions(),
      maxCopyObjectBytes: 1000,
    });
    try {
      const key = 'ws_1/media_publish_big/clip.mp4';
      const bytes = randomBytes(6 * MB);
      await small.write({
        key: small.uploadAreaKey(key),
        body: streamOf(bytes),
        contentType: 'video/mp4',
      });
      await small.publish(small.uploadAreaKey(key), key, 'video/mp4');
      expect(await small.head(small.uploadAreaKey(key))).toBeNull();
      const served = await fetchObject(key);
      expect(served.bytes.equals(bytes)).toBe(true);
      expect(served.headers.get('content-type')).toBe('video/mp4');
      expect(served.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(served.headers.get('cache-control')).toBe('public, max-age=600');
    } finally {
      small.onApplicationShutdown();
    }
  });

  it('purge() removes the object and any upload still waiting for it', async () => {
    const key = 'ws_1/media_purge/caption.vtt';
    for (const at of [key, storage.uploadAreaKey(key)]) {
      await storage.write({
        key: at,
        body: streamOf(Buffer.from('WEBVTT\n')),
        contentType: 'text/vtt',
      });
    }
    await storage.purge(key);
    expect(await storage.head(key)).toBeNull();
    expect(await storage.head(storage.uploadAreaKey(key))).toBeNull();
  });

  it('write() streams several MB byte-identically (no aws-chunked framing) and ranges read back', async () => {
    const key = 'ws_1/media_write/video.mp4';
    const bytes = randomBytes(5 * MB + 12_345);
    const stored = await storage.write({
      key,
      body: streamOf(bytes),
      contentType: 'video/mp4',
    });
    expect(stored).toMatchObject({
      key,
      sizeBytes: bytes.length,
      contentType: 'video/mp4',
    });
    expect(stored.etag).toEqual(expect.any(String));
    expect(stored.lastModified).toBeInstanceOf(Date);

    const readBack = await readAll(await storage.openReadStream(key));
    expect(readBack.length).toBe(bytes.length);
    expect(createHash('sha256').update(readBack).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );

    const middle = await readAll(
      await storage.openReadStream(key, { start: 1000, end: 1999 }),
    );
    expect(middle.equals(bytes.subarray(1000, 2000))).toBe(true);
    const tail = await readAll(
      await storage.openReadStream(key, { start: bytes.length - 10 }),
    );
    expect(tail.equals(bytes.subarray(bytes.length - 10))).toBe(true);
  });

  it('write() through multipart (over one part) round-trips byte-identically', async () => {
    const key = 'ws_1/media_multipart/big.mp4';
    const bytes = randomBytes(17 * MB + 7);
    const stored = await storage.write({
      key,
      body: streamOf(bytes, 1 * MB - 1),
      contentType: 'video/mp4',
    });
    expect(stored.sizeBytes).toBe(bytes.length);
    const readBack = await readAll(await storage.openReadStream(key));
    expect(readBack.equals(bytes)).toBe(true);
  });

  it('write() replaces an existing object and its content type', async () => {
    const key = 'ws_1/media_replace/image.png';
    await storage.write({
      key,
      body: streamOf(randomBytes(1000)),
      contentType: 'image/png',
    });
    const jpeg = randomBytes(700);
    const stored = await storage.write({
      key,
      body: streamOf(jpeg),
      contentType: 'image/jpeg',
    });
    expect(stored).toMatchObject({ sizeBytes: 700, contentType: 'image/jpeg' });
    expect(
      (await readAll(await storage.openReadStream(key))).equals(jpeg),
    ).toBe(true);
  });

  it('reports missing keys as null / StorageObjectNotFoundError, and delete is idempotent', async () => {
    const key = 'ws_1/media_delete/doc.pdf';
    await storage.write({
      key,
      body: streamOf(Buffer.from('%PDF-1.7')),
      contentType: 'application/pdf',
    });
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.head(key)).toBeNull();
    await expect(storage.openReadStream(key)).rejects.toBeInstanceOf(
      StorageObjectNotFoundError,
    );
    expect(await storage.head('ws_1/never/was.pdf')).toBeNull();
  });

  it('gives ffprobe a presigned GET URL that serves the object for an hour', async () => {
    const key = 'ws_1/media_probe/clip.mp4';
    const bytes = randomBytes(4096);
    await storage.write({
      key,
      body: streamOf(bytes),
      contentType: 'video/mp4',
    });
    const location = new URL(await storage.probeLocation(key));
    expect(location.searchParams.get('X-Amz-Expires')).toBe('3600');
    const response = await fetch(location);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('builds public URLs from the CDN base, or from the endpoint and bucket', () => {
    const key = 'ws_1/media_1/Über uns.png';
    const cdn = new S3StorageDriver({
      ...driverOptions(),
      publicBaseUrl: 'https://cdn.example.com/media/',
    });
    const pathStyle = new S3StorageDriver(driverOptions());
    const aws = new S3StorageDriver({
      region: 'eu-west-1',
      bucket: 'media',
      forcePathStyle: false,
      cacheMaxAgeSeconds: 600,
    });
    const virtualHost = new S3StorageDriver({
      endpoint: 'https://r2.example.com',
      region: 'auto',
      bucket: 'media',
      forcePathStyle: false,
      cacheMaxAgeSeconds: 600,
    });
    try {
      expect(cdn.publicUrl(key)).toBe(
        'https://cdn.example.com/media/ws_1/media_1/%C3%9Cber%20uns.png',
      );
      expect(pathStyle.publicUrl(key)).toBe(
        `${s3.endpoint}/${s3.bucket}/ws_1/media_1/%C3%9Cber%20uns.png`,
      );
      expect(aws.publicUrl(key)).toBe(
        'https://media.s3.eu-west-1.amazonaws.com/ws_1/media_1/%C3%9Cber%20uns.png',
      );
      expect(virtualHost.publicUrl(key)).toBe(
        'https://media.r2.example.com/ws_1/media_1/%C3%9Cber%20uns.png',
      );
    } finally {
      for (const driver of [cdn, pathStyle, aws, virtualHost])
        driver.onApplicationShutdown();
    }
  });

  it('offers none of the local capabilities: objects are copied, hashed by the caller, uploaded to the bucket', async () => {
    const key = 'ws_1/media_capabilities/photo.png';
    await storage.write({
      key,
      body: streamOf(randomBytes(1000)),
      contentType: 'image/png',
    });
    expect(storage.localFile(key)).toBeNull();
    expect(await storage.recordedSha256(key)).toBeNull();
    expect(storage.uploadStaging).toBeNull();
    expect(storage.tempFiles).toBeNull();
  });

  it('checkHealth passes for the bucket and fails for a missing one', async () => {
    await storage.checkHealth();
    const missing = new S3StorageDriver({
      ...driverOptions(),
      bucket: 'no-such-bucket',
    });
    try {
      await expect(missing.checkHealth()).rejects.toThrow();
    } finally {
      missing.onApplicationShutdown();
    }
  });

  it('needs both halves of static credentials', () => {
    expect(
      () =>
        new S3StorageDriver({ ...driverOptions(), secretAccessKey: undefined }),
    ).toThrow(/both/);
  });
});

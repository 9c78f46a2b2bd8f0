import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Storage } from '../src/infra/storage/storage.port.js';
import { UploadReceiptService } from '../src/modules/upload/upload-receipt.service.js';
import { TEMP_MAX_AGE_MS } from '../src/modules/upload/storage-temp-sweeper.js';
import { isolatedDatabase } from './support/database.js';
import {
  putBytes,
  SAMPLE_PDF,
  waitForStatus,
  type MediaObject,
} from './support/media.js';
import {
  s3Environment,
  startS3rver,
  type RunningS3rver,
} from './support/s3rver.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const MB = 1024 * 1024;
const PART_BYTES = 5 * MB;
/** Small enough that a 30 MB file is split into six 5 MiB parts. */
const MULTIPART_ENV = {
  MULTIPART_THRESHOLD_BYTES: String(10 * MB),
  MULTIPART_PART_SIZE_BYTES: String(PART_BYTES),
};

interface PlannedPart {
  partNumber: number;
  url: string;
  headers: Record<string, string>;
  sizeBytes: number;
}

interface UploadResponse {
  mediaId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  multipart?: { partSizeBytes: number; parts: PlannedPart[] };
}

interface CompletedPart {
  partNumber: number;
  etag: string;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A PDF (detected by its first bytes) padded with random bytes to `size`. */
function largePdf(size: number): Buffer {
  return Buffer.concat([SAMPLE_PDF, randomBytes(size - SAMPLE_PDF.length)]);
}

function api(t: TestApp, ws: TestWorkspace) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return {
    async presign(
      filename: string,
      bytes: Buffer,
      extra: Record<string, unknown> = {},
    ): Promise<UploadResponse> {
      const response = await call('POST', '/v1/media/upload', {
        filename,
        contentType: 'application/pdf',
        sizeBytes: bytes.length,
        ...extra,
      });
      expect(response.status).toBe(201);
      return response.body as unknown as UploadResponse;
    },
    complete: (mediaId: string, parts: CompletedPart[]) =>
      call('POST', `/v1/media/${mediaId}/complete-upload`, { parts }),
    get: async (mediaId: string) =>
      (await call('GET', `/v1/media/${mediaId}`))
        .body as unknown as MediaObject,
    confirm: (mediaId: string) => call('POST', `/v1/media/${mediaId}/confirm`),
  };
}

/** PUTs every planned part of `bytes` in parallel; returns what completion needs. */
async function putParts(
  plan: PlannedPart[],
  bytes: Buffer,
  partSize: number,
): Promise<CompletedPart[]> {
  return Promise.all(
    plan.map(async (part) => {
      const start = (part.partNumber - 1) * partSize;
      const response = await putBytes(
        part.url,
        part.headers,
        bytes.subarray(start, start + part.sizeBytes),
      );
      expect(response.status).toBe(200);
      return {
        partNumber: part.partNumber,
        etag: response.headers.get('etag')!,
      };
    }),
  );
}

describe('multipart direct uploads with the local storage driver', () => {
  // The reconciler run below acts on every item of its database.
  const database = isolatedDatabase('multipart');
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp({ ...MULTIPART_ENV, DATABASE_URL: database.url });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('plans parts above the threshold; refuses wrong parts and completions without changing anything; completes to READY', async () => {
    const h = api(t, ws);
    const bytes = largePdf(30 * MB);
    const upload = await h.presign('big.pdf', bytes);
    const plan = upload.multipart!;
    expect(plan.partSizeBytes).toBe(PART_BYTES);
    expect(plan.parts.map((part) => part.sizeBytes)).toEqual([
      ...Array<number>(5).fill(PART_BYTES),
      30 * MB - 5 * PART_BYTES,
    ]);

    // A part shorter, or longer, than signed is refused and nothing is kept.
    const [first, ...rest] = plan.parts;
    const short = await putBytes(
      first.url,
      first.headers,
      bytes.subarray(0, PART_BYTES - 1),
    );
    expect(short.status).toBe(403);
    const long = await putBytes(
      first.url,
      first.headers,
      bytes.subarray(0, PART_BYTES + 1),
    );
    expect(long.status).toBe(403);

    // Parts 2–6 arrive; part 1 is still missing.
    const completed = await putParts(rest, bytes, PART_BYTES);
    const missing = await h.complete(upload.mediaId, [
      { partNumber: 1, etag: `"${sha256(bytes.subarray(0, PART_BYTES))}"` },
      ...completed,
    ]);
    expect(missing.status).toBe(409);
    expect(missing.body.message).toMatch(/Part 1 has not been uploaded/);

    const [firstDone] = await putParts([first], bytes, PART_BYTES);
    // Sending a part again with the same bytes is fine.
    expect((await putParts([first], bytes, PART_BYTES))[0]).toEqual(firstDone);
    const all = [firstDone, ...completed];

    const wrongEtag = await h.complete(upload.mediaId, [
      firstDone,
      { partNumber: 2, etag: `"${'0'.repeat(64)}"` },
      ...completed.slice(1),
    ]);
    expect(wrongEtag.status).toBe(409);
    expect(wrongEtag.body.message).toMatch(/ETag given for part 2/);
    const gap = await h.complete(upload.mediaId, all.slice(1));
    expect(gap.status).toBe(400);
    const tooFew = await h.complete(upload.mediaId, all.slice(0, 5));
    expect(tooFew.status).toBe(400);
    expect((await h.get(upload.mediaId)).status).toBe('PENDING');

    const done = await h.complete(upload.mediaId, all);
    expect(done.status).toBe(200);
    expect(done.body.status).not.toBe('PENDING');
    // Completing again with the same parts answers the item again.
    expect((await h.complete(upload.mediaId, all)).status).toBe(200);

    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      sizeBytes: bytes.length,
      checksumSha256: sha256(bytes),
    });
    const served = await fetch(ready.publicUrl);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(
      sha256(bytes),
    );
    // The parts are gone once assembled.
    const uploadId = new URL(first.url).searchParams.get('uploadId')!;
    expect(existsSync(join(t.storageDir, '.tmp', 'multipart', uploadId))).toBe(
      false,
    );
  });

  it('plans bulk-video parts for the declared maximum and accepts a shorter last part; refresh re-signs the same parts', async () => {
    const h = api(t, ws);
    const video = await readFile(
      join(import.meta.dirname, 'fixtures', 'video-landscape.mp4'),
    );
    const bytes = Buffer.concat([video, randomBytes(12 * MB - video.length)]);
    const response = await fetch(
      `${t.baseUrl}/v1/media/bulk-video-upload-urls`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${ws.apiKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          videos: [
            { filename: 'clip.mp4', contentType: 'video/mp4', fileSizeMb: 15 },
          ],
          targetPlatforms: ['YOUTUBE'],
        }),
      },
    );
    expect(response.status).toBe(201);
    const {
      videos: [planned],
    } = (await response.json()) as {
      videos: Array<UploadResponse & { s3Key: string }>;
    };
    expect(planned.multipart!.parts.map((part) => part.sizeBytes)).toEqual([
      PART_BYTES,
      PART_BYTES,
      PART_BYTES,
    ]);
    const [first] = await putParts(
      planned.multipart!.parts.slice(0, 1),
      bytes,
      PART_BYTES,
    );

    const refreshed = await fetch(
      `${t.baseUrl}/v1/media/${planned.mediaId}/refresh-presign`,
      { method: 'POST', headers: { Authorization: `Bearer ${ws.apiKey}` } },
    );
    const { multipart } = (await refreshed.json()) as UploadResponse;
    const uploadIdOf = (part: PlannedPart) =>
      new URL(part.url).searchParams.get('uploadId');
    expect(uploadIdOf(multipart!.parts[0])).toBe(
      uploadIdOf(planned.multipart!.parts[0]),
    );
    // The last part is shorter than planned: the file is 12 MB, not the declared 15.
    const rest = await putParts(
      [
        multipart!.parts[1],
        { ...multipart!.parts[2], sizeBytes: 12 * MB - 2 * PART_BYTES },
      ],
      bytes,
      PART_BYTES,
    );
    expect((await h.complete(planned.mediaId, [first, ...rest])).status).toBe(
      200,
    );
    expect(
      await waitForStatus(t.client(ws.apiKey), planned.mediaId),
    ).toMatchObject({
      status: 'READY',
      sizeBytes: bytes.length,
      checksumSha256: sha256(bytes),
    });
  });

  it('keeps single-URL responses for files under the threshold', async () => {
    const upload = await api(t, ws).presign('small.pdf', SAMPLE_PDF);
    expect(upload.multipart).toBeUndefined();
    expect(Object.keys(upload).sort()).toEqual([
      'expiresAt',
      'mediaId',
      'uploadHeaders',
      'uploadUrl',
    ]);
  });

  it('refuses a PUT whose bytes are not the declared checksum (403 checksum_mismatch)', async () => {
    const h = api(t, ws);
    const bytes = Buffer.concat([SAMPLE_PDF, Buffer.from('declared\n')]);
    const upload = await h.presign('declared.pdf', bytes, {
      checksumSha256: sha256(SAMPLE_PDF),
    });
    const put = await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes);
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({
      code: 'upload_rejected',
      errors: [{ field: 'checksum_mismatch' }],
    });
    expect((await h.get(upload.mediaId)).status).toBe('PENDING');

    const right = await h.presign('declared.pdf', bytes, {
      checksumSha256: sha256(bytes).toUpperCase(),
    });
    expect(
      (await putBytes(right.uploadUrl, right.uploadHeaders, bytes)).status,
    ).toBe(200);
    expect(
      await waitForStatus(t.client(ws.apiKey), right.mediaId),
    ).toMatchObject({ status: 'READY', checksumSha256: sha256(bytes) });
  });

  it('flags a re-upload of identical bytes in the same workspace with duplicateOf', async () => {
    const h = api(t, ws);
    const other = await t.createWorkspace();
    const bytes = Buffer.concat([SAMPLE_PDF, randomBytes(64)]);
    const uploadTo = async (workspace: TestWorkspace) => {
      const upload = await api(t, workspace).presign('same.pdf', bytes);
      await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes);
      return waitForStatus(t.client(workspace.apiKey), upload.mediaId);
    };
    const original = await uploadTo(ws);
    const elsewhere = await uploadTo(other);
    const again = await uploadTo(ws);
    expect(original.metadata).not.toHaveProperty('duplicateOf');
    expect(elsewhere.metadata).not.toHaveProperty('duplicateOf');
    expect(again).toMatchObject({
      status: 'READY',
      checksumSha256: sha256(bytes),
      metadata: { source: 'upload', duplicateOf: original.id },
    });
    expect((await h.get(original.id)).metadata).not.toHaveProperty(
      'duplicateOf',
    );
  });

  it('aborts the multipart upload of an expired item, and sweeps abandoned temp files', async () => {
    const bytes = largePdf(12 * MB);
    const upload = await api(t, ws).presign('abandoned.pdf', bytes);
    await putParts(upload.multipart!.parts.slice(0, 1), bytes, PART_BYTES);
    const partsRoot = join(t.storageDir, '.tmp', 'multipart');
    expect(existsSync(partsRoot)).toBe(true);

    const later = new Date(
      Date.now() + (t.config.reconciler.pendingExpiryHours + 2) * 3_600_000,
    );
    await t.app.get(UploadReceiptService).reconcile(later);
    const expired = await api(t, ws).get(upload.mediaId);
    expect(expired.status).toBe('FAILED');
    const tempFiles = t.app.get(Storage).tempFiles!;
    expect(await tempFiles.sweep(0)).toBe(0);

    const old = new Date(Date.now() - TEMP_MAX_AGE_MS - 60_000);
    const stale = join(t.storageDir, '.tmp', 'stale-body');
    await writeFile(stale, 'left by a crash');
    await utimes(stale, old, old);
    // A live upload: one part sent long ago, one just now; and one abandoned long ago.
    const live = join(t.storageDir, '.tmp', 'multipart', 'live');
    const abandoned = join(t.storageDir, '.tmp', 'multipart', 'abandoned');
    await mkdir(live, { recursive: true });
    await mkdir(abandoned, { recursive: true });
    for (const [path, mtime] of [
      [join(live, '1'), old],
      [join(live, '2'), new Date()],
      [join(abandoned, '1'), old],
      [abandoned, old],
    ] as const) {
      if (path !== abandoned) await writeFile(path, 'part');
      await utimes(path, mtime, mtime);
    }
    expect(await tempFiles.sweep(TEMP_MAX_AGE_MS)).toBe(2);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(join(live, '1'))).toBe(true);
  });
});

describe('multipart direct uploads with the S3 storage driver (s3rver)', () => {
  let s3: RunningS3rver;
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    s3 = await startS3rver();
    t = await startTestApp({
      ...s3Environment(s3),
      ...MULTIPART_ENV,
      RECONCILER_INTERVAL_SECONDS: '0',
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  it('a 30 MB upload in presigned parts reaches READY with its size and checksum', async () => {
    const h = api(t, ws);
    const bytes = largePdf(30 * MB);
    const upload = await h.presign('big.pdf', bytes);
    const plan = upload.multipart!;
    expect(plan.parts).toHaveLength(6);
    const key = `${ws.workspace.id}/${upload.mediaId}/big.pdf`;
    for (const part of plan.parts) {
      const url = new URL(part.url);
      // Parts go to the private upload area, never to the key that is served.
      expect(url.pathname).toBe(`/${s3.bucket}/staging/${key}`);
      expect(url.searchParams.get('partNumber')).toBe(String(part.partNumber));
      expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toContain(
        'content-length',
      );
    }
    const parts = await putParts(plan.parts, bytes, PART_BYTES);
    const gap = await h.complete(upload.mediaId, parts.slice(1));
    expect(gap.status).toBe(400);
    expect((await h.complete(upload.mediaId, parts)).status).toBe(200);
    expect(
      await waitForStatus(t.client(ws.apiKey), upload.mediaId),
    ).toMatchObject({
      status: 'READY',
      sizeBytes: bytes.length,
      checksumSha256: sha256(bytes),
    });
    const served = await fetch(`${s3.endpoint}/${s3.bucket}/${key}`);
    expect(sha256(Buffer.from(await served.arrayBuffer()))).toBe(sha256(bytes));
    expect(
      (await fetch(`${s3.endpoint}/${s3.bucket}/staging/${key}`)).status,
    ).toBe(404);
  });

  it('signs a declared checksum into the PUT, and fails the item when the stored bytes differ', async () => {
    const h = api(t, ws);
    const bytes = Buffer.concat([SAMPLE_PDF, Buffer.from('s3 declared\n')]);
    const declared = sha256(SAMPLE_PDF);
    const upload = await h.presign('declared.pdf', bytes, {
      checksumSha256: declared,
    });
    expect(
      new URL(upload.uploadUrl).searchParams
        .get('X-Amz-SignedHeaders')
        ?.split(';'),
    ).toContain('x-amz-checksum-sha256');
    expect(upload.uploadHeaders['x-amz-checksum-sha256']).toBe(
      Buffer.from(declared, 'hex').toString('base64'),
    );
    // s3rver does not verify checksums (real S3 refuses this PUT); processing catches it.
    await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes);
    expect((await h.confirm(upload.mediaId)).status).toBe(200);
    const failed = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(failed.status).toBe('FAILED');
    expect(JSON.stringify(failed.validationResults)).toMatch(
      /checksum_mismatch/,
    );
    const key = `${ws.workspace.id}/${upload.mediaId}/declared.pdf`;
    for (const at of [key, `staging/${key}`]) {
      expect((await fetch(`${s3.endpoint}/${s3.bucket}/${at}`)).status).toBe(
        404,
      );
    }
  });
});

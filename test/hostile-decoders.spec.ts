import { crc32, deflateSync } from 'node:zlib';
import { ensureBuilt } from './support/build.js';
import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
  type MediaObject,
  type UploadContentType,
} from './support/media.js';
import { startServerProcess } from './support/server-process.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import { waitUntil } from './support/wait.js';

/*
 * Files made to hurt the decoders, uploaded through HTTP to the real pipeline (sharp, ffprobe and
 * ffmpeg in this process's worker): each costs one FAILED item with a reason, never the worker.
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 1-bit greyscale PNG header of `width`×`height` followed by `idat` (and IEND when `complete`). */
function png(
  width: number,
  height: number,
  idat: Buffer,
  complete: boolean,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat),
    ...(complete ? [pngChunk('IEND', Buffer.alloc(0))] : []),
  ]);
}

/** 30000×30000 pixels of one colour: ~110 KB of PNG, 900 million pixels once decoded. */
function decompressionBomb(): Buffer {
  const side = 30_000;
  const rows = Buffer.alloc((1 + side / 8) * side);
  return png(side, side, deflateSync(rows, { level: 9 }), true);
}

/** A header claiming 100000×100000 over a few bytes of a deflate stream, cut off. */
function truncatedGiant(): Buffer {
  return png(
    100_000,
    100_000,
    deflateSync(Buffer.alloc(1000)).subarray(0, 20),
    false,
  );
}

/** Multiplies the duration in the MP4's movie header (`mvhd`, version 0) by `factor`. */
function inflateMovieDuration(mp4: Buffer, factor: number): Buffer {
  const patched = Buffer.from(mp4);
  let offset = 0;
  while (offset + 8 <= patched.length) {
    const size = patched.readUInt32BE(offset);
    const type = patched.toString('latin1', offset + 4, offset + 8);
    if (type === 'moov') {
      offset += 8;
      continue;
    }
    if (type === 'mvhd') {
      expect(patched[offset + 8]).toBe(0);
      const duration = offset + 8 + 4 + 8 + 4;
      patched.writeUInt32BE(patched.readUInt32BE(duration) * factor, duration);
      return patched;
    }
    offset += size;
  }
  throw new Error('no mvhd box');
}

describe('hostile files through the HTTP API (real sharp, ffprobe and ffmpeg)', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  async function upload(
    filename: string,
    contentType: UploadContentType,
    bytes: Buffer,
  ): Promise<MediaObject> {
    const client = t.client(ws.apiKey);
    const { mediaId, uploadUrl, uploadHeaders } = await requestUpload(
      client,
      filename,
      contentType,
      bytes,
    );
    expect((await putBytes(uploadUrl, uploadHeaders, bytes)).status).toBe(200);
    return waitForStatus(client, mediaId);
  }

  const processingErrors = (media: MediaObject) =>
    (media.validationResults as { processing: { errors: string[] } }).processing
      .errors;

  it('a 30000×30000 decompression-bomb PNG is FAILED from its header, and not served', async () => {
    const bomb = decompressionBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const rssBefore = process.memoryUsage().rss;

    const media = await upload('bomb.png', 'image/png', bomb);

    expect(media.status).toBe('FAILED');
    expect(processingErrors(media)).toEqual([
      'The image is 30000×30000 (900,000,000 pixels); at most 100,000,000 are accepted',
    ]);
    expect(media.metadata).toMatchObject({
      normalization: { outcome: 'failed', sourceFormat: 'png' },
    });
    expect((await fetch(media.publicUrl)).status).toBe(404);
    // Decoded, the bomb is 900 MB of pixels; refused from its header it costs next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 ** 2);
  });

  it('a PNG whose header claims 100000×100000 over a truncated body is FAILED', async () => {
    const media = await upload('giant.png', 'image/png', truncatedGiant());

    expect(media.status).toBe('FAILED');
    expect(processingErrors(media)).toEqual([
      'The image is 100000×100000 (10,000,000,000 pixels); at most 100,000,000 are accepted',
    ]);
    expect((await fetch(media.publicUrl)).status).toBe(404);
  });

  it('an image within the limit that cannot be decoded is FAILED with the reason', async () => {
    const media = await upload(
      'truncated.jpg',
      'image/jpeg',
      await fixture('jpeg-truncated.jpg'),
    );

    expect(media.status).toBe('FAILED');
    expect(processingErrors(media).join(' ')).toMatch(
      /^The image could not be decoded: .*premature end/i,
    );
    expect((await fetch(media.publicUrl)).status).toBe(404);
  });

  it('a 2 s MP4 whose movie header claims 10 hours is READY with its real duration and frame rate', async () => {
    const original = await fixture('video-landscape.mp4');
    const media = await upload(
      'ten-hours.mp4',
      'video/mp4',
      inflateMovieDuration(original, 18_000),
    );

    expect(media.status).toBe('READY');
    expect(media.videoDuration).toBeCloseTo(2, 1);
    expect(media.metadata.video).toMatchObject({ fps: 25, container: 'mp4' });
    expect(media.posterUrl).not.toBeNull();
  });
});

describe('the boot log names the video tools, once, in every role', () => {
  beforeAll(() => ensureBuilt());

  it.each(['api', 'worker'] as const)('APP_ROLE=%s', async (role) => {
    const port = await freePort();
    const server = startServerProcess(
      port,
      testEnvironment({
        APP_ROLE: role,
        LOG_LEVEL: 'info',
        ...(role === 'worker' ? { WORKER_HEALTH_PORT: String(port) } : {}),
      }),
    );
    try {
      await server.ready();
      // Reported beside bootstrap, not within it: wait for both lines.
      await waitUntil(async () =>
        ['ffprobe', 'ffmpeg'].every((tool) =>
          server.output().includes(`${tool}: ${tool} (`),
        ),
      );
      const output = server.output();
      for (const tool of ['ffprobe', 'ffmpeg']) {
        const lines = output
          .split('\n')
          .filter((line) => line.includes(`${tool}: ${tool} (from PATH)`));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `${tool}: ${tool} \\(from PATH\\), version 5\\.\\S+, limited to 2048 MiB of address space and 60 CPU seconds per run`,
          ),
        );
        expect(lines[0]).not.toContain('WARNING');
      }
    } finally {
      await server.stop();
    }
  });
});

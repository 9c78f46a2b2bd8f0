import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { bundledVideoToolPath } from './video-tools.js';
import {
  VideoAdapter,
  ffprobeArguments,
  summariseStderr,
} from './video.adapter.js';
import { VideoProbeError } from './video-probe.error.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');
const fixture = (name: string) => resolve(FIXTURES, name);

async function probeFailure(
  adapter: VideoAdapter,
  location: string,
): Promise<VideoProbeError> {
  try {
    await adapter.probe(location);
  } catch (error) {
    if (error instanceof VideoProbeError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected probing ${location} to fail`);
}

describe('VideoAdapter.probe (real ffprobe over test/fixtures)', () => {
  const adapter = new VideoAdapter();

  it('reads a landscape H.264 + AAC mp4', async () => {
    expect(await adapter.probe(fixture('video-landscape.mp4'))).toEqual({
      durationSeconds: 2,
      codec: 'h264',
      width: 320,
      height: 180,
      fps: 25,
      bitrate: expect.any(Number),
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      audioCodec: 'aac',
      audioProfile: 'LC',
      audioSampleRateHz: 48_000,
      audioChannels: 1,
      sizeBytes: (await stat(fixture('video-landscape.mp4'))).size,
      container: 'mp4',
      rotation: 0,
    });
  });

  it('reports a rotated phone-style recording in display orientation', async () => {
    const info = await adapter.probe(fixture('video-portrait-rotated.mp4'));

    expect(info).toMatchObject({ width: 180, height: 320, rotation: 90 });
    expect(info.width).toBeLessThan(info.height);
  });

  it('names QuickTime files mov', async () => {
    expect(await adapter.probe(fixture('video.mov'))).toMatchObject({
      container: 'mov',
      codec: 'h264',
      audioCodec: 'aac',
      width: 320,
      height: 180,
    });
  });

  it('reads WebM with VP9 and Opus', async () => {
    const info = await adapter.probe(fixture('video.webm'));

    expect(info).toMatchObject({
      container: 'webm',
      codec: 'vp9',
      audioCodec: 'opus',
      width: 320,
      height: 180,
      fps: 25,
    });
    expect(info.durationSeconds).toBeCloseTo(1, 1);
    expect(info.bitrate).toBeGreaterThan(0);
  });

  it('reads AVI without audio', async () => {
    expect(await adapter.probe(fixture('video.avi'))).toMatchObject({
      container: 'avi',
      codec: 'mpeg4',
      audioCodec: null,
      width: 160,
      height: 90,
    });
  });

  it('rejects a truncated mp4 whose index is missing', async () => {
    const error = await probeFailure(adapter, fixture('video-truncated.mp4'));

    expect(error.failure).toBe('unreadable');
    expect(error.message).toMatch(/^ffprobe could not read the file: /);
    expect(error.message).toContain('moov atom not found');
    expect(error.message).not.toContain(FIXTURES);
  });

  it('rejects a text file named .mp4', async () => {
    const error = await probeFailure(adapter, fixture('not-a-video.mp4'));

    expect(error.failure).toBe('unreadable');
    expect(error.message).toContain('Invalid data found when processing input');
  });

  it('rejects a PDF', async () => {
    const error = await probeFailure(adapter, fixture('document.pdf'));

    expect(error.failure).toBe('unreadable');
  });

  it('rejects a file without a video stream (subtitles only)', async () => {
    const error = await probeFailure(adapter, fixture('caption.srt'));

    expect(error.failure).toBe('no_video_stream');
    expect(error.message).toBe('the file has no video stream');
  });

  it('rejects a missing file as unreadable', async () => {
    const error = await probeFailure(adapter, fixture('missing.mp4'));

    expect(error.failure).toBe('unreadable');
    expect(error.message).toContain('No such file or directory');
  });

  it('reports an unusable configured ffprobe as unavailable, not as a bad file', async () => {
    const misconfigured = new VideoAdapter({
      ffprobePath: '/nonexistent/ffprobe',
    });
    const error = await probeFailure(
      misconfigured,
      fixture('video-landscape.mp4'),
    );

    expect(error.failure).toBe('ffprobe_unavailable');
    expect(error.message).toContain('/nonexistent/ffprobe');
  });

  it('is available with the ffprobe found on this machine, not with a broken configured one', async () => {
    expect(await adapter.isAvailable()).toBe(true);
    expect(
      await new VideoAdapter({
        ffprobePath: '/nonexistent/ffprobe',
      }).isAvailable(),
    ).toBe(false);
  });

  it('works with the npm-installed ffprobe as well', async () => {
    const bundled = new VideoAdapter({
      ffprobePath: bundledVideoToolPath('ffprobe') as string,
    });

    expect(
      await bundled.probe(fixture('video-portrait-rotated.mp4')),
    ).toMatchObject({
      width: 180,
      height: 320,
      rotation: 90,
      container: 'mp4',
    });
  });
});

describe('VideoAdapter.probe under a pinned demuxer and resource limits', () => {
  it('reads a file with the demuxer of its sniffed type', async () => {
    for (const [name, demuxer, container] of [
      ['video-landscape.mp4', 'mp4', 'mp4'],
      ['video.mov', 'mov', 'mov'],
      ['video.webm', 'webm', 'webm'],
      ['video.avi', 'avi', 'avi'],
    ]) {
      expect(
        await new VideoAdapter().probe(fixture(name), demuxer),
      ).toMatchObject({ container });
    }
  });

  it('refuses to read a file as anything but the pinned container', async () => {
    const error = await new VideoAdapter()
      .probe(fixture('video-landscape.mp4'), 'webm')
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toBeInstanceOf(VideoProbeError);
    expect(error).toMatchObject({ failure: 'unreadable' });
    expect((error as Error).message).toContain('EBML header parsing failed');
  });

  it('fails the file, not the process, when ffprobe runs out of its memory limit', async () => {
    const starved = new VideoAdapter({
      limits: { addressSpaceBytes: 64 * 1024 * 1024, cpuSeconds: 10 },
    });
    const error = await starved
      .probe(fixture('video-landscape.mp4'), 'mp4')
      .then(
        () => null,
        (failure: unknown) => failure,
      );

    expect(error).toBeInstanceOf(VideoProbeError);
    expect(error).toMatchObject({ failure: 'unreadable' });
  });
});

describe('VideoAdapter.probe over HTTP', () => {
  let server: Server;
  let baseUrl: string;
  let requests: string[];

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url === '/stall.mp4') {
        return;
      }
      const path = fixture(request.url?.slice(1) ?? '');
      stat(path).then(
        ({ size }) => {
          response.writeHead(200, {
            'content-type': 'video/mp4',
            'content-length': size,
          });
          createReadStream(path).pipe(response);
        },
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  });

  it('probes a URL', async () => {
    const info = await new VideoAdapter().probe(
      `${baseUrl}/video-portrait-rotated.mp4`,
    );

    expect(info).toMatchObject({ width: 180, height: 320, rotation: 90 });
    expect(requests).toContain('/video-portrait-rotated.mp4');
  });

  it('reports an HTTP error without echoing the URL', async () => {
    const error = await probeFailure(
      new VideoAdapter(),
      `${baseUrl}/gone.mp4?X-Amz-Signature=secret`,
    );

    expect(error.failure).toBe('unreadable');
    expect(error.message).toContain('404');
    expect(error.message).not.toContain('secret');
  });

  it('kills ffprobe when the source stalls', async () => {
    const started = Date.now();
    const error = await probeFailure(
      new VideoAdapter({ timeoutMs: 500 }),
      `${baseUrl}/stall.mp4`,
    );

    expect(error.failure).toBe('timeout');
    expect(error.message).toBe('ffprobe did not finish within 500 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('ffprobeArguments', () => {
  it('only lets ffprobe open local files when probing a path, given as a file: URL', () => {
    const args = ffprobeArguments('-weird:name.mp4');

    expect(args.slice(-5)).toEqual([
      '-protocol_whitelist',
      'file',
      '-threads',
      '2',
      `file:${resolve('-weird:name.mp4')}`,
    ]);
    expect(args).toEqual(
      expect.arrayContaining(['-print_format', 'json', '-show_streams']),
    );
  });

  it('only lets ffprobe use network protocols when probing a URL', () => {
    expect(ffprobeArguments('https://cdn.example.com/a.mp4').slice(-5)).toEqual(
      [
        '-protocol_whitelist',
        'http,https,tcp,tls',
        '-threads',
        '2',
        'https://cdn.example.com/a.mp4',
      ],
    );
  });

  it('pins the demuxer right before the input', () => {
    expect(ffprobeArguments('/data/a.mp4', 'mp4').slice(-3)).toEqual([
      '-f',
      'mp4',
      'file:/data/a.mp4',
    ]);
  });
});

describe('summariseStderr', () => {
  it('drops demuxer tags, the input name and repeats', () => {
    const input = 'file:/tmp/upload.mp4';
    const stderr = [
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d1c0a4b2c0] moov atom not found',
      `${input}: Invalid data found when processing input`,
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d1c0a4b2c0] moov atom not found',
      '',
    ].join('\n');

    expect(summariseStderr(stderr, input)).toBe(
      'moov atom not found; Invalid data found when processing input',
    );
  });
});

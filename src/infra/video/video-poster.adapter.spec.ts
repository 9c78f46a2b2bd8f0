import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { bundledVideoToolPath } from './video-tools.js';
import {
  POSTER_SEARCH_WINDOW_SECONDS,
  VideoPosterAdapter,
  ffmpegPosterArguments,
  posterSeekSeconds,
} from './video-poster.adapter.js';
import { VideoPosterError } from './video-poster.error.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');
const fixture = (name: string) => resolve(FIXTURES, name);
const JFIF_START = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);

describe('posterSeekSeconds', () => {
  it.each([
    [12.3, 1],
    [2, 1],
    [1, 0.5],
    [0.4, 0.2],
    [null, 0],
    [0, 0],
  ])('a %s s video is searched from %s s', (duration, expected) => {
    expect(posterSeekSeconds(duration)).toBe(expected);
  });
});

describe('ffmpegPosterArguments', () => {
  it('reads a local file through the file protocol only and skips black frames', () => {
    const args = ffmpegPosterArguments('/data/ws/m/-clip.mp4', {
      seekSeconds: 1,
      skipBlackFrames: true,
    });
    expect(args).toEqual(
      expect.arrayContaining(['-protocol_whitelist', 'file']),
    );
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-i') + 2)).toEqual([
      '-ss',
      '1.000',
      '-t',
      String(POSTER_SEARCH_WINDOW_SECONDS),
      '-i',
      'file:/data/ws/m/-clip.mp4',
    ]);
    expect(args[args.indexOf('-vf') + 1]).toMatch(
      /^blackframe=.*,metadata=mode=select:key=lavfi\.blackframe\.pblack:value=\d+:function=less$/,
    );
  });

  it('opens the input with the pinned demuxer and two decoder threads', () => {
    const args = ffmpegPosterArguments('/data/clip.webm', {
      seekSeconds: 0,
      skipBlackFrames: false,
      demuxer: 'webm',
    });
    expect(args.slice(0, args.indexOf('-ss'))).toEqual([
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-protocol_whitelist',
      'file',
      '-threads',
      '2',
      '-f',
      'webm',
    ]);
    expect(args[args.indexOf('-i') + 1]).toBe('file:/data/clip.webm');
  });

  it('takes one baseline 4:2:0 MJPEG frame of the first real video stream to stdout', () => {
    const args = ffmpegPosterArguments('/x.mp4', {
      seekSeconds: 0.5,
      skipBlackFrames: false,
    });
    const option = (name: string) => args[args.indexOf(name) + 1];
    expect(option('-map')).toBe('0:V:0');
    expect(option('-frames:v')).toBe('1');
    expect(option('-pix_fmt')).toBe('yuvj420p');
    expect(option('-c:v')).toBe('mjpeg');
    expect(option('-f')).toBe('image2pipe');
    expect(args.at(-1)).toBe('pipe:1');
    expect(args).not.toContain('-vf');
  });

  it('lets a URL through the network protocols and nothing else', () => {
    const url =
      'https://bucket.s3.amazonaws.com/ws/m/clip.mp4?X-Amz-Signature=abc';
    const args = ffmpegPosterArguments(url, {
      seekSeconds: 1,
      skipBlackFrames: true,
    });
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe(
      'http,https,tcp,tls',
    );
    expect(args[args.indexOf('-i') + 1]).toBe(url);
  });
});

describe('VideoPosterAdapter.extractPoster (real ffmpeg over test/fixtures)', () => {
  const adapter = new VideoPosterAdapter();

  it.each([
    ['video-landscape.mp4', 2, 320, 180],
    ['video-portrait-rotated.mp4', 1, 180, 320],
    ['video.mov', 1, 320, 180],
    ['video.webm', 1, 320, 180],
    ['video.avi', 1, 160, 90],
  ])(
    '%s: a baseline JFIF JPEG of %i s in display orientation',
    async (name, duration, width, height) => {
      const poster = await adapter.extractPoster(fixture(name), duration);

      expect(poster.jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      const meta = await sharp(poster.jpeg).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width, height });
      expect(meta.isProgressive).toBe(false);
      expect(poster).toMatchObject({
        seekSeconds: Math.min(1, duration / 2),
        frame: 'first_non_black',
      });
    },
  );

  it('writes the same bytes twice', async () => {
    const first = await adapter.extractPoster(fixture('video.webm'), 1);
    const second = await adapter.extractPoster(fixture('video.webm'), 1);
    expect(second.jpeg.equals(first.jpeg)).toBe(true);
  });

  describe('a video that is black throughout', () => {
    let dir: string;
    let blackVideo: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'poster-black-'));
      blackVideo = join(dir, 'black.mp4');
      await promisify(execFile)(bundledVideoToolPath('ffmpeg') as string, [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'color=black:s=64x48:d=2',
        '-pix_fmt',
        'yuv420p',
        blackVideo,
      ]);
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('gets its first frame rather than none', async () => {
      const poster = await adapter.extractPoster(blackVideo, 2);
      expect(poster).toMatchObject({ frame: 'first_frame', seekSeconds: 0 });
      expect(await sharp(poster.jpeg).metadata()).toMatchObject({
        width: 64,
        height: 48,
      });
    });
  });

  it('falls back to the first frame when the stated duration is longer than the video', async () => {
    const poster = await adapter.extractPoster(
      fixture('video-portrait-rotated.mp4'),
      60,
    );
    expect(poster).toMatchObject({ frame: 'first_frame', seekSeconds: 0 });
    expect(await sharp(poster.jpeg).metadata()).toMatchObject({
      width: 180,
      height: 320,
    });
  });

  it('fails as unreadable for a file that is not a video', async () => {
    await expect(
      adapter.extractPoster(fixture('not-a-video.mp4'), null),
    ).rejects.toMatchObject({ failure: 'unreadable' });
  });

  it('fails as ffmpeg_unavailable when the configured ffmpeg does not exist', async () => {
    const broken = new VideoPosterAdapter({
      ffmpegPath: '/nonexistent/ffmpeg',
    });
    const attempt = broken.extractPoster(fixture('video.webm'), 1);
    await expect(attempt).rejects.toBeInstanceOf(VideoPosterError);
    await expect(attempt).rejects.toMatchObject({
      failure: 'ffmpeg_unavailable',
    });
  });

  it('kills ffmpeg and fails as timeout when it takes too long', async () => {
    const hasty = new VideoPosterAdapter({ timeoutMs: 1 });
    await expect(
      hasty.extractPoster(fixture('video-landscape.mp4'), 2),
    ).rejects.toMatchObject({ failure: 'timeout' });
  });
});

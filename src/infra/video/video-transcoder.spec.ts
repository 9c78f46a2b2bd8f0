import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  evaluateMedia,
  type VideoFacts,
} from '../../modules/validation/evaluate-media.js';
import { videoFactsFromInfo } from '../../modules/validation/media-facts.js';
import {
  PLATFORM_RULES,
  type VideoRules,
} from '../../modules/validation/platform-rules.js';
import type { RenditionFit } from '../../modules/media/rendition.entity.js';
import type { Platform } from '../../modules/validation/platforms.js';
import {
  bitrateForSizeCap,
  planVideoRendition,
  type VideoPlan,
} from '../../modules/renditions/video-plan.js';
import type { VideoInfo } from './video-info.js';
import { VideoAdapter } from './video.adapter.js';
import { VideoTranscodeError } from './video-transcode.error.js';
import {
  ProgressReader,
  TRANSCODE_ADDRESS_SPACE_BYTES,
  VideoTranscoder,
  diesWithParent,
  ffmpegTranscodeArguments,
  transcodeLimits,
} from './video-transcoder.js';

const run = promisify(execFile);
const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');

describe('transcodeLimits', () => {
  it('4 GiB of address space, and the timeout in CPU seconds on every core', () => {
    expect(transcodeLimits(600_000, 8)).toEqual({
      addressSpaceBytes: 4 * 1024 ** 3,
      cpuSeconds: 4_800,
    });
    expect(transcodeLimits(1_500, 2).cpuSeconds).toBe(4);
    expect(TRANSCODE_ADDRESS_SPACE_BYTES).toBe(4_294_967_296);
  });
});

describe('diesWithParent', () => {
  it('runs the limited command under setpriv --pdeathsig KILL when setpriv is there', () => {
    const run = {
      file: 'prlimit',
      args: ['--as=1', '--', 'ffmpeg', '-i', 'x'],
    };
    expect(diesWithParent(run, 'setpriv')).toEqual({
      file: 'setpriv',
      args: [
        '--pdeathsig',
        'KILL',
        '--',
        'prlimit',
        '--as=1',
        '--',
        'ffmpeg',
        '-i',
        'x',
      ],
    });
    expect(diesWithParent(run, null)).toBe(run);
  });
});

describe('ffmpegTranscodeArguments', () => {
  it('opens the input like the prober, reports progress on stdout and writes to a file: URL', () => {
    expect(
      ffmpegTranscodeArguments({
        inputPath: '/data/in/-clip.webm',
        demuxer: 'webm',
        outputArguments: ['-c:v', 'libx264', '-f', 'mp4'],
        outputPath: '/data/out/-x:y.mp4',
      }),
    ).toEqual([
      '-nostdin',
      '-y',
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostats',
      '-progress',
      'pipe:1',
      '-stats_period',
      '1',
      '-protocol_whitelist',
      'file',
      '-threads',
      '2',
      '-f',
      'webm',
      '-i',
      'file:/data/in/-clip.webm',
      '-c:v',
      'libx264',
      '-f',
      'mp4',
      'file:/data/out/-x:y.mp4',
    ]);
  });
});

describe('ProgressReader', () => {
  it('gives the share of the duration encoded at the end of each block, across chunk boundaries', () => {
    const reader = new ProgressReader(10);
    expect(
      reader.push('frame=1\nout_time_us=N/A\nprogress=continue\n'),
    ).toEqual([0]);
    expect(reader.push('out_time_us=2500')).toEqual([]);
    expect(reader.push('000\nprogress=cont')).toEqual([]);
    expect(
      reader.push('inue\nout_time_us=7999999\nprogress=continue\n'),
    ).toEqual([25, 79]);
  });

  it('stays below 100 until ffmpeg has exited, even past the expected duration', () => {
    const reader = new ProgressReader(4);
    expect(reader.push('out_time_us=4100000\nprogress=end\n')).toEqual([99]);
  });

  it('reports 0 when the duration is unknown', () => {
    expect(
      new ProgressReader(null).push('out_time_us=5000000\nprogress=continue\n'),
    ).toEqual([0]);
  });

  it('drops a line too long to be progress', () => {
    const reader = new ProgressReader(10);
    reader.push('x'.repeat(5_000));
    expect(reader.push('\nout_time_us=1000000\nprogress=continue\n')).toEqual([
      10,
    ]);
  });
});

/** The top-level ISO-BMFF boxes of a file, in order. */
async function topLevelBoxes(path: string): Promise<string[]> {
  const bytes = await readFile(path);
  const boxes: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    if (size === 1) {
      size = Number(bytes.readBigUInt64BE(offset + 8));
    } else if (size === 0) {
      size = bytes.length - offset;
    }
    boxes.push(bytes.toString('latin1', offset + 4, offset + 8));
    if (size < 8) {
      break;
    }
    offset += size;
  }
  return boxes;
}

/** Processes whose command line mentions `text` (the unique output path of one run). */
async function processesMentioning(text: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const command = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes(text)) {
        found.push(Number(entry));
      }
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

describe('VideoTranscoder.transcode (real ffmpeg)', () => {
  const prober = new VideoAdapter();
  const transcoder = new VideoTranscoder();
  let dir: string;
  let outputs = 0;
  const source = (name: string) => join(dir, name);
  const nextOutput = () => join(dir, `out-${++outputs}.mp4`);

  /** Debian's ffmpeg (libvpx, libopus, libx264): lavfi test patterns, small and quick to encode. */
  const generate = (args: string, output: string) =>
    run('ffmpeg', [
      '-v',
      'error',
      '-nostdin',
      '-y',
      ...args.trim().split(/\s+/),
      output,
    ]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'transcoder-'));
    await Promise.all([
      generate(
        `-f lavfi -i testsrc2=s=320x180:r=25:d=4 -f lavfi -i sine=f=440:r=48000:d=4
         -c:v libvpx -b:v 300k -c:a libopus -ac 2`,
        source('vp8.webm'),
      ),
      // Tiny on purpose (CRF 45): the size-cap test needs a source below a cap that a CRF 21
      // rendition of it is above.
      generate(
        `-f lavfi -i testsrc2=s=320x240:r=30:d=4 -f lavfi -i sine=f=440:r=44100:d=4
         -c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p -c:a aac -b:a 32k -ac 1
         -metadata creation_time=2026-01-02T03:04:05Z -metadata location=+48.8584+002.2945/`,
        source('h264-4x3.mp4'),
      ),
      generate(
        `-f lavfi -i testsrc2=s=160x90:r=10:d=70 -f lavfi -i sine=f=440:r=48000:d=70
         -c:v libx264 -preset ultrafast -crf 35 -pix_fmt yuv420p -c:a aac -b:a 32k`,
        source('long.mp4'),
      ),
      generate(
        `-f lavfi -i testsrc2=s=320x180:r=25:d=2
         -c:v libx264 -preset ultrafast -pix_fmt yuv420p`,
        source('short.mp4'),
      ),
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function factsOf(path: string, demuxer: string): Promise<VideoFacts> {
    return videoFactsFromInfo(
      await prober.probe(path, demuxer),
      (await stat(path)).size,
    );
  }

  function transcodePlan(
    facts: VideoFacts,
    platform: Platform,
    fit: RenditionFit,
    rules?: VideoRules,
  ): Extract<VideoPlan, { kind: 'transcode' }> {
    const plan = planVideoRendition(
      facts,
      platform,
      { fit, trim: true },
      rules,
    );
    if (plan.kind !== 'transcode') {
      throw new Error(`expected a transcode, got: ${plan.reason}`);
    }
    return plan;
  }

  async function render(
    inputPath: string,
    demuxer: string,
    platform: Platform,
    fit: RenditionFit,
  ) {
    const facts = await factsOf(inputPath, demuxer);
    // The caller asks for a rendition only for a video that fails the platform.
    expect(evaluateMedia(facts, platform).valid).toBe(false);
    const plan = transcodePlan(facts, platform, fit);
    const outputPath = nextOutput();
    const progress: number[] = [];
    await transcoder.transcode({
      inputPath,
      demuxer,
      outputArguments: plan.outputArguments(),
      outputPath,
      durationSeconds: plan.output.durationSeconds,
      timeoutMs: 300_000,
      onProgress: (percent) => progress.push(percent),
    });
    const info = await prober.probe(outputPath, 'mp4');
    const sizeBytes = (await stat(outputPath)).size;
    return { plan, outputPath, info, sizeBytes, progress };
  }

  function expectPublishable(
    platform: Platform,
    rendition: {
      plan: Extract<VideoPlan, { kind: 'transcode' }>;
      info: VideoInfo;
      sizeBytes: number;
    },
  ): void {
    const { plan, info } = rendition;
    expect(info).toMatchObject({
      codec: 'h264',
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      container: 'mp4',
      rotation: 0,
      width: plan.output.width,
      height: plan.output.height,
    });
    const frameSeconds = 1 / info.fps!;
    expect(
      Math.abs(info.durationSeconds! - plan.output.durationSeconds!),
    ).toBeLessThanOrEqual(frameSeconds);
    if (plan.output.fps !== null) {
      expect(info.fps).toBe(plan.output.fps);
    }
    const verdict = evaluateMedia(
      videoFactsFromInfo(info, rendition.sizeBytes),
      platform,
    );
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  }

  it.each([
    ['vp8.webm', 'webm', 'INSTAGRAM', 'pad'],
    ['vp8.webm', 'webm', 'TIKTOK', 'crop'],
    ['h264-4x3.mp4', 'mp4', 'YOUTUBE_SHORTS', 'pad'],
    ['h264-4x3.mp4', 'mp4', 'YOUTUBE_SHORTS', 'crop'],
  ] as const)(
    '%s (%s) → %s, %s: an H.264 faststart MP4 the platform accepts',
    async (name, demuxer, platform, fit) => {
      const rendition = await render(source(name), demuxer, platform, fit);
      expectPublishable(platform, rendition);
      const boxes = await topLevelBoxes(rendition.outputPath);
      expect(boxes).toContain('moov');
      expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    },
  );

  it('a phone video turned by its display matrix comes out upright, with no rotation (TIKTOK)', async () => {
    const rendition = await render(
      join(FIXTURES, 'video-portrait-rotated.mp4'),
      'mp4',
      'TIKTOK',
      'pad',
    );
    expect(rendition.plan.output).toMatchObject({ width: 360, height: 640 });
    expectPublishable('TIKTOK', rendition);
  });

  it('carries no creation time or location over', async () => {
    const tags = async (path: string) => {
      const { stdout } = await run('ffprobe', [
        '-v',
        'error',
        '-of',
        'json',
        '-show_entries',
        'format_tags:stream_tags',
        path,
      ]);
      return stdout;
    };
    expect(await tags(source('h264-4x3.mp4'))).toMatch(/creation_time/);
    expect(await tags(source('h264-4x3.mp4'))).toMatch(/location/);
    const rendition = await render(
      source('h264-4x3.mp4'),
      'mp4',
      'YOUTUBE_SHORTS',
      'crop',
    );
    const output = await tags(rendition.outputPath);
    expect(output).not.toMatch(/creation_time|location|48\.8584/);
  });

  it('70 s → INSTAGRAM_STORY: trimmed under 60 s, with progress from 0 to 100', async () => {
    const rendition = await render(
      source('long.mp4'),
      'mp4',
      'INSTAGRAM_STORY',
      'pad',
    );
    expect(rendition.plan.changes).toContain('trimmed 70 s → 60 s');
    expect(rendition.info.durationSeconds).toBeLessThan(60);
    expectPublishable('INSTAGRAM_STORY', rendition);

    const { progress } = rendition;
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress.filter((percent) => percent === 100)).toHaveLength(1);
    for (const [index, percent] of progress.entries()) {
      expect(Number.isInteger(percent)).toBe(true);
      expect(percent).toBeGreaterThanOrEqual(
        index === 0 ? 0 : progress[index - 1],
      );
    }
  });

  it('2 s → INSTAGRAM is not transcoded: the plan says why', async () => {
    const facts = await factsOf(source('short.mp4'), 'mp4');
    expect(
      planVideoRendition(facts, 'INSTAGRAM', { fit: 'pad', trim: true }),
    ).toEqual({
      kind: 'unfixable',
      reason:
        "Duration 2 s is below INSTAGRAM's minimum of 3 s; a rendition cannot lengthen a video",
    });
  });

  it('a second pass at bitrateForSizeCap fits a cap the first pass did not', async () => {
    const capBytes = 150_000;
    const rules: VideoRules = {
      ...PLATFORM_RULES.YOUTUBE_SHORTS.video,
      sizeBytes: { max: capBytes },
    };
    const inputPath = source('h264-4x3.mp4');
    const facts = await factsOf(inputPath, 'mp4');
    expect(facts.sizeBytes).toBeLessThan(capBytes);
    const plan = transcodePlan(facts, 'YOUTUBE_SHORTS', 'pad', rules);
    expect(plan.output).toMatchObject({
      sizeCapBytes: capBytes,
      videoBitrate: null,
    });
    const encode = async (outputArguments: string[]) => {
      const outputPath = nextOutput();
      await transcoder.transcode({
        inputPath,
        demuxer: 'mp4',
        outputArguments,
        outputPath,
        durationSeconds: plan.output.durationSeconds,
        timeoutMs: 300_000,
      });
      return { outputPath, sizeBytes: (await stat(outputPath)).size };
    };

    const first = await encode(plan.outputArguments());
    expect(first.sizeBytes).toBeGreaterThan(capBytes);

    const second = await encode(
      plan.outputArguments(bitrateForSizeCap(plan.output)),
    );
    expect(second.sizeBytes).toBeLessThanOrEqual(capBytes);
    const info = await prober.probe(second.outputPath, 'mp4');
    const verdict = evaluateMedia(
      videoFactsFromInfo(info, second.sizeBytes),
      'YOUTUBE_SHORTS',
      { ...PLATFORM_RULES.YOUTUBE_SHORTS, video: rules },
    );
    expect(verdict.errors).toEqual([]);
  });

  describe('stopping', () => {
    /**
     * A named pipe as the input: ffmpeg reads only what the test writes into it and waits for the
     * rest, so the test decides when an encode is under way and never races it.
     */
    async function fifo(name: string): Promise<string> {
      const path = join(dir, name);
      await run('mkfifo', [path]);
      return path;
    }

    it('an aborted signal kills ffmpeg, removes what it wrote and rejects as cancelled', async () => {
      const inputPath = await fifo('abort.webm');
      const facts = await factsOf(source('vp8.webm'), 'webm');
      const plan = transcodePlan(facts, 'INSTAGRAM', 'pad');
      const outputPath = nextOutput();
      const controller = new AbortController();
      const progress: number[] = [];
      const attempt = transcoder.transcode({
        inputPath,
        demuxer: 'webm',
        outputArguments: plan.outputArguments(),
        outputPath,
        durationSeconds: plan.output.durationSeconds,
        timeoutMs: 300_000,
        signal: controller.signal,
        onProgress: (percent) => progress.push(percent),
      });
      const outcome = attempt.catch((error: unknown) => error);

      // Waiting for its input, ffmpeg says nothing; progress still comes (0 at start, then again).
      await vi.waitFor(
        () => expect(progress.length).toBeGreaterThanOrEqual(2),
        {
          timeout: 60_000,
          interval: 50,
        },
      );
      expect(progress.every((percent) => percent === 0)).toBe(true);

      // All of the video but its end: ffmpeg encodes it, writes the file, and waits for more.
      const writer = createWriteStream(inputPath);
      writer.on('error', () => {});
      writer.write(await readFile(source('vp8.webm')));
      await vi.waitFor(
        async () => expect((await stat(outputPath)).size).toBeGreaterThan(0),
        { timeout: 60_000, interval: 50 },
      );
      expect(await processesMentioning(outputPath)).not.toEqual([]);

      controller.abort();
      const error = await outcome;
      writer.destroy();
      expect(error).toBeInstanceOf(VideoTranscodeError);
      expect(error).toMatchObject({
        reason: 'cancelled',
        message: 'Encoding was cancelled',
      });
      expect(await exists(outputPath)).toBe(false);
      expect(await processesMentioning(outputPath)).toEqual([]);
    });

    it('a signal aborted before the call rejects at once and runs nothing', async () => {
      const outputPath = nextOutput();
      await expect(
        transcoder.transcode({
          inputPath: source('vp8.webm'),
          demuxer: 'webm',
          outputArguments: ['-f', 'mp4'],
          outputPath,
          durationSeconds: 4,
          timeoutMs: 300_000,
          signal: AbortSignal.abort(),
        }),
      ).rejects.toMatchObject({ reason: 'cancelled' });
      expect(await exists(outputPath)).toBe(false);
    });

    it('kills ffmpeg at the timeout and rejects as timeout', async () => {
      // Nobody ever writes to this pipe: ffmpeg waits for its input until it is killed.
      const inputPath = await fifo('stalled.webm');
      const outputPath = nextOutput();
      const attempt = transcoder.transcode({
        inputPath,
        demuxer: 'webm',
        outputArguments: ['-c:v', 'libx264', '-f', 'mp4'],
        outputPath,
        durationSeconds: 4,
        timeoutMs: 500,
      });
      await expect(attempt).rejects.toBeInstanceOf(VideoTranscodeError);
      await expect(attempt).rejects.toMatchObject({
        reason: 'timeout',
        message: 'Encoding did not finish within 0.5 s and was stopped',
      });
      expect(await exists(outputPath)).toBe(false);
      expect(await processesMentioning(outputPath)).toEqual([]);
    });
  });

  it("fails with ffmpeg's own words, minus the file name, for a file that is not a video", async () => {
    const outputPath = nextOutput();
    const attempt = transcoder.transcode({
      inputPath: join(FIXTURES, 'not-a-video.mp4'),
      demuxer: 'mp4',
      outputArguments: ['-c:v', 'libx264', '-f', 'mp4'],
      outputPath,
      durationSeconds: null,
      timeoutMs: 300_000,
    });
    await expect(attempt).rejects.toMatchObject({
      reason: 'failed',
      message: expect.stringMatching(
        /^ffmpeg could not encode the video: .*(Invalid data|moov atom not found)/,
      ),
    });
    await expect(attempt).rejects.not.toMatchObject({
      message: expect.stringContaining('not-a-video'),
    });
    expect(await exists(outputPath)).toBe(false);
  });

  it('fails as unavailable when the configured ffmpeg does not exist', async () => {
    const broken = new VideoTranscoder({ ffmpegPath: '/nonexistent/ffmpeg' });
    await expect(
      broken.transcode({
        inputPath: source('vp8.webm'),
        demuxer: 'webm',
        outputArguments: ['-f', 'mp4'],
        outputPath: nextOutput(),
        durationSeconds: 4,
        timeoutMs: 300_000,
      }),
    ).rejects.toMatchObject({
      reason: 'unavailable',
      message: expect.stringContaining('/nonexistent/ffmpeg'),
    });
  });

  it('stops the encode and rejects with the error when onProgress throws', async () => {
    const outputPath = nextOutput();
    const facts = await factsOf(source('vp8.webm'), 'webm');
    const plan = transcodePlan(facts, 'INSTAGRAM', 'pad');
    await expect(
      transcoder.transcode({
        inputPath: source('vp8.webm'),
        demuxer: 'webm',
        outputArguments: plan.outputArguments(),
        outputPath,
        durationSeconds: plan.output.durationSeconds,
        timeoutMs: 300_000,
        onProgress: () => {
          throw new Error('the job lost its lock');
        },
      }),
    ).rejects.toThrow('the job lost its lock');
    expect(await exists(outputPath)).toBe(false);
  });
});
